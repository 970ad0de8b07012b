import * as x509 from '@peculiar/x509';
import { createPrivateKey, randomBytes, webcrypto } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { CertificateAuthorityFiles } from './caFiles.js';

// Certificates are built by @peculiar/x509 over Node's own WebCrypto: no hand-written ASN.1.
const crypto = webcrypto;
x509.cryptoProvider.set(crypto as never);

/** P-256 keys: quick to make at start-up and accepted by every TLS stack the SDKs use. */
const ecdsa = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
type SigningAlgorithm = (webcrypto.EcdsaParams & webcrypto.EcKeyImportParams) | webcrypto.RsaHashedImportParams;

/** The local certificate authority the fake's TLS certificates chain to. */
export interface CertificateAuthority {
  /** PEM of the CA certificate: public, what clients are told to trust. */
  certificatePem: string;
  /** Where the certificate is kept, or null for an in-memory CA. */
  certificateFile: string | null;
  /** Whether this start created it. */
  created: boolean;
  /** @internal the key that signs the server certificates; never printed, never served. */
  readonly signing: { key: webcrypto.CryptoKey; algorithm: SigningAlgorithm; certificate: x509.X509Certificate };
}

/** A CA problem the user can fix: the message names the file, never the key's content. */
export class CertificateAuthorityError extends Error {}

/**
 * Loads the CA from its files, or creates it there when neither exists yet (the key file is
 * written 0600). One file without the other is refused: a certificate whose key is lost cannot
 * sign, and a new pair would silently break every client that trusts the old one.
 */
export async function openCertificateAuthority(files: CertificateAuthorityFiles | null, now = new Date()): Promise<CertificateAuthority> {
  if (files === null) return createCertificateAuthority(null, now);
  const hasCertificate = existsSync(files.certificateFile);
  const hasKey = existsSync(files.keyFile);
  if (hasCertificate && hasKey) return loadCertificateAuthority(files);
  if (hasCertificate !== hasKey) {
    const [present, missing] = hasCertificate ? [files.certificateFile, files.keyFile] : [files.keyFile, files.certificateFile];
    throw new CertificateAuthorityError(`${present} exists but ${missing} does not: give both files of the CA, or neither to create a new one`);
  }
  const authority = await createCertificateAuthority(files.certificateFile, now);
  mkdirSync(dirname(files.certificateFile), { recursive: true });
  mkdirSync(dirname(files.keyFile), { recursive: true });
  const keyPem = x509.PemConverter.encode(await crypto.subtle.exportKey('pkcs8', authority.signing.key), 'PRIVATE KEY');
  writeFileSync(files.keyFile, keyPem, { mode: 0o600, flag: 'wx' });
  chmodSync(files.keyFile, 0o600);
  writeFileSync(files.certificateFile, authority.certificatePem, { mode: 0o644, flag: 'wx' });
  return authority;
}

async function createCertificateAuthority(certificateFile: string | null, now: Date): Promise<CertificateAuthority> {
  const keys = (await crypto.subtle.generateKey(ecdsa, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serialNumber(),
    name: `CN=fake-gigya local CA ${randomBytes(4).toString('hex')}, O=Gigya Lite Registration Lab (not SAP)`,
    notBefore: new Date(now.getTime() - 60_000),
    notAfter: new Date(now.getTime() + 10 * 365 * 86_400_000),
    signingAlgorithm: ecdsa,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return {
    certificatePem: certificate.toString('pem'),
    certificateFile,
    created: true,
    signing: { key: keys.privateKey, algorithm: ecdsa, certificate },
  };
}

async function loadCertificateAuthority(files: CertificateAuthorityFiles): Promise<CertificateAuthority> {
  let certificate: x509.X509Certificate;
  try {
    certificate = new x509.X509Certificate(readFileSync(files.certificateFile, 'utf8'));
  } catch (error) {
    throw new CertificateAuthorityError(`${files.certificateFile} is not a PEM certificate (${reason(error)})`);
  }
  const basic = certificate.getExtension(x509.BasicConstraintsExtension);
  if (basic === null || !basic.ca) throw new CertificateAuthorityError(`${files.certificateFile} is not a CA certificate (no basicConstraints CA:TRUE)`);
  let pkcs8: Buffer;
  let algorithm: SigningAlgorithm;
  try {
    const keyObject = createPrivateKey(readFileSync(files.keyFile));
    pkcs8 = keyObject.export({ type: 'pkcs8', format: 'der' });
    algorithm = algorithmOf(keyObject.asymmetricKeyType, keyObject.asymmetricKeyDetails?.namedCurve);
  } catch (error) {
    throw new CertificateAuthorityError(`${files.keyFile} is not a usable private key (${reason(error)})`);
  }
  const key = await crypto.subtle.importKey('pkcs8', pkcs8, algorithm, false, ['sign']);
  // A key that does not belong to the certificate would issue certificates no client accepts.
  const probe = await x509.X509CertificateGenerator.create({
    serialNumber: serialNumber(),
    subject: 'CN=probe',
    issuer: certificate.subject,
    publicKey: certificate.publicKey,
    signingKey: key,
    signingAlgorithm: algorithm,
  });
  if (!(await probe.verify({ publicKey: certificate.publicKey, signatureOnly: true }))) {
    throw new CertificateAuthorityError(`${files.keyFile} is not the key of ${files.certificateFile}`);
  }
  return { certificatePem: certificate.toString('pem'), certificateFile: files.certificateFile, created: false, signing: { key, algorithm, certificate } };
}

function algorithmOf(type: string | undefined, curve: string | undefined): SigningAlgorithm {
  if (type === 'rsa') return { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  const curves: Record<string, { namedCurve: string; hash: string }> = {
    prime256v1: { namedCurve: 'P-256', hash: 'SHA-256' },
    secp384r1: { namedCurve: 'P-384', hash: 'SHA-384' },
    secp521r1: { namedCurve: 'P-521', hash: 'SHA-512' },
  };
  if (type === 'ec' && curve !== undefined && curves[curve] !== undefined) return { name: 'ECDSA', ...curves[curve] };
  throw new Error(`a ${type ?? 'unknown'}${curve ? ` ${curve}` : ''} key; RSA or ECDSA P-256/P-384/P-521 is needed`);
}

/** A positive 16-byte serial: random, so two CAs or two runs never issue the same one. */
export function serialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] = bytes[0]! & 0x7f;
  return bytes.toString('hex');
}

function reason(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' ');
}
