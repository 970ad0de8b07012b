import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { filesBesideDatabase } from './caFiles.js';
import { CertificateAuthorityError, openCertificateAuthority } from './certificateAuthority.js';
import { issueServerCertificate } from './serverCertificate.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fake-gigya-ca-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the local certificate authority', () => {
  it('is kept beside the database, its key readable by the owner only, and reused on the next start', async () => {
    const files = filesBesideDatabase(join(dir, 'fake-gigya.db'))!;
    expect(files).toEqual({ certificateFile: join(dir, 'fake-gigya-ca.pem'), keyFile: join(dir, 'fake-gigya-ca-key.pem') });
    const first = await openCertificateAuthority(files);
    expect(first.created).toBe(true);
    expect(statSync(files.keyFile).mode & 0o777).toBe(0o600);
    const ca = new X509Certificate(readFileSync(files.certificateFile));
    expect(ca.ca).toBe(true);
    expect(ca.verify(ca.publicKey)).toBe(true);
    const second = await openCertificateAuthority(files);
    expect(second.created).toBe(false);
    expect(second.certificatePem).toBe(first.certificatePem);
  });

  it('stays in memory for an in-memory database', async () => {
    expect(filesBesideDatabase(':memory:')).toBeNull();
    const authority = await openCertificateAuthority(null);
    expect(authority.certificateFile).toBeNull();
    expect(new X509Certificate(authority.certificatePem).ca).toBe(true);
  });

  it("refuses a certificate without its key, naming both files and never printing the key", async () => {
    const files = { certificateFile: join(dir, 'ca.pem'), keyFile: join(dir, 'ca-key.pem') };
    await openCertificateAuthority(files);
    const key = readFileSync(files.keyFile, 'utf8');
    rmSync(files.keyFile);
    await expect(openCertificateAuthority(files)).rejects.toThrow(new CertificateAuthorityError(`${files.certificateFile} exists but ${files.keyFile} does not: give both files of the CA, or neither to create a new one`));
    writeFileSync(files.keyFile, key);
    rmSync(files.certificateFile);
    await expect(openCertificateAuthority(files)).rejects.toThrow(/ca-key\.pem exists but .*ca\.pem does not/);
  });

  it("refuses a key that is not the certificate's", async () => {
    const files = { certificateFile: join(dir, 'ca.pem'), keyFile: join(dir, 'ca-key.pem') };
    await openCertificateAuthority(files);
    const stranger = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ type: 'pkcs8', format: 'pem' });
    writeFileSync(files.keyFile, stranger);
    const refused = openCertificateAuthority(files);
    await expect(refused).rejects.toThrow(`${files.keyFile} is not the key of ${files.certificateFile}`);
    await expect(refused).rejects.not.toThrow(String(stranger).split('\n')[1]!);
  });

  it('refuses a certificate that is not a CA, and a file that is no certificate', async () => {
    const files = { certificateFile: join(dir, 'ca.pem'), keyFile: join(dir, 'ca-key.pem') };
    const authority = await openCertificateAuthority(files);
    const leaf = await issueServerCertificate(authority);
    writeFileSync(files.certificateFile, leaf.cert.split('\n\n')[0]!.trim() + '\n');
    await expect(openCertificateAuthority(files)).rejects.toThrow('is not a CA certificate');
    writeFileSync(files.certificateFile, 'not a certificate');
    await expect(openCertificateAuthority(files)).rejects.toThrow('is not a PEM certificate');
  });

  it("uses a CA the user gives, RSA included (a company's development CA)", async () => {
    const files = { certificateFile: join(dir, 'ca.pem'), keyFile: join(dir, 'ca-key.pem') };
    // Made by the library under test, then its key replaced by an RSA pair the test signs with itself.
    const { privateKey, publicKey: rsaPublic } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const x509 = await import('@peculiar/x509');
    const { webcrypto } = await import('node:crypto');
    const algorithm = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
    const signingKey = await webcrypto.subtle.importKey('pkcs8', privateKey.export({ type: 'pkcs8', format: 'der' }), algorithm, true, ['sign']);
    const publicKey = await webcrypto.subtle.importKey('spki', rsaPublic.export({ type: 'spki', format: 'der' }), algorithm, true, ['verify']);
    const certificate = await x509.X509CertificateGenerator.createSelfSigned({
      name: 'CN=Company dev CA',
      keys: { privateKey: signingKey, publicKey } as never,
      signingAlgorithm: algorithm,
      extensions: [new x509.BasicConstraintsExtension(true, undefined, true)],
    });
    writeFileSync(files.certificateFile, certificate.toString('pem'));
    writeFileSync(files.keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const authority = await openCertificateAuthority(files);
    expect(authority.created).toBe(false);
    const leaf = new X509Certificate(Buffer.from((await issueServerCertificate(authority)).cert.split('\n\n')[0]!));
    expect(leaf.verify(new X509Certificate(certificate.toString('pem')).publicKey)).toBe(true);
  });
});

describe("the fake's server certificate", () => {
  it("covers every data center's hosts, the loopback names and the extra names, and chains to the CA", async () => {
    const authority = await openCertificateAuthority(null);
    const credentials = await issueServerCertificate(authority, ['fake-gigya', '[::1]']);
    const [leafPem] = credentials.cert.split('\n\n');
    const leaf = new X509Certificate(leafPem!);
    const ca = new X509Certificate(authority.certificatePem);
    expect(leaf.verify(ca.publicKey)).toBe(true);
    expect(leaf.checkIssued(ca)).toBe(true);
    expect(leaf.ca).toBe(false);
    const covered: Array<[string, string]> = [
      ['accounts.us1.gigya.com', '*.us1.gigya.com'],
      ['socialize.eu1.gigya.com', '*.eu1.gigya.com'],
      ['accounts.eu2.gigya.com', '*.eu2.gigya.com'],
      ['accounts.au1.gigya.com', '*.au1.gigya.com'],
      ['accounts.global.gigya.com', '*.global.gigya.com'],
      ['accounts.cn1.sapcdm.cn', '*.cn1.sapcdm.cn'],
      ['accounts.ru1.gigya.com', '*.ru1.gigya.com'],
      ['localhost', 'localhost'],
      ['fake-gigya', 'fake-gigya'],
    ];
    for (const [host, name] of covered) expect(leaf.checkHost(host), host).toBe(name);
    expect(leaf.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(leaf.checkIP('::1')).toBe('::1');
    expect(leaf.checkHost('example.com')).toBeUndefined();
    // China's data center lives under its own domain only.
    expect(leaf.checkHost('accounts.cn1.gigya.com')).toBeUndefined();
  });
});
