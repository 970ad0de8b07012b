import * as x509 from '@peculiar/x509';
import { webcrypto } from 'node:crypto';
import { isIP } from 'node:net';
import { serialNumber, type CertificateAuthority } from './certificateAuthority.js';
import { dataCenterWildcards } from './dataCenterHosts.js';

const crypto = webcrypto;
const ecdsa = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;

/** A TLS certificate and its key, as node:tls takes them. */
export interface TlsCredentials {
  cert: string;
  key: string;
  /** Every name and address the certificate covers. */
  names: string[];
}

/**
 * The fake's TLS certificate: every data center's hosts (`*.us1.gigya.com`, …,
 * `*.cn1.sapcdm.cn`), the loopback names, and `extraNames` (the bind address, --allowed-hosts).
 * One certificate with every name, so no SNI routing is needed. Made fresh at each start, in
 * memory, and valid for a year: clients keep trusting the CA, never this certificate.
 */
export async function issueServerCertificate(authority: CertificateAuthority, extraNames: readonly string[] = [], now = new Date()): Promise<TlsCredentials> {
  const names = [...new Set([...dataCenterWildcards(), 'localhost', '127.0.0.1', '::1', ...extraNames.map(bareName).filter((name) => name !== '')])];
  const keys = (await crypto.subtle.generateKey(ecdsa, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const { key: signingKey, algorithm, certificate: caCertificate } = authority.signing;
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: serialNumber(),
    subject: 'CN=fake-gigya',
    issuer: caCertificate.subject,
    notBefore: new Date(now.getTime() - 60_000),
    notAfter: new Date(now.getTime() + 365 * 86_400_000),
    publicKey: keys.publicKey,
    signingKey,
    signingAlgorithm: algorithm,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension(names.map((name) => ({ type: isIP(name) === 0 ? 'dns' : 'ip', value: name }))),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(caCertificate.publicKey),
    ],
  });
  const key = x509.PemConverter.encode(await crypto.subtle.exportKey('pkcs8', keys.privateKey), 'PRIVATE KEY');
  return { cert: `${certificate.toString('pem')}\n${authority.certificatePem}`, key, names };
}

function bareName(name: string): string {
  return name.trim().replace(/^\[(.*)\]$/, '$1').toLowerCase();
}
