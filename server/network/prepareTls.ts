import type { CertificateAuthorityFiles } from './caFiles.js';
import type { CertificateAuthority } from './certificateAuthority.js';
import type { TlsCredentials } from './serverCertificate.js';

/**
 * Opens (or creates) the CA and issues the fake's certificate. The certificate library takes a
 * few hundred milliseconds to load, so it is imported here, on demand, after the HTTP port
 * already answers: start-up stays short for the many runs that never use TLS.
 */
export function prepareTls(files: CertificateAuthorityFiles | null, extraNames: readonly string[]): Promise<PreparedTls> {
  if (files !== null) return issue(files, extraNames);
  // An in-memory CA lives as long as the process: every fake started in it (startFakeGigya in a
  // test suite) shares it, so a client trusts one CA, and starts after the first cost nothing.
  const key = extraNames.join(',');
  let prepared = inMemory.get(key);
  if (prepared === undefined) {
    prepared = issue(null, extraNames);
    inMemory.set(key, prepared);
    prepared.catch(() => inMemory.delete(key));
  }
  return prepared;
}

export interface PreparedTls {
  authority: CertificateAuthority;
  tls: TlsCredentials;
}

const inMemory = new Map<string, Promise<PreparedTls>>();

async function issue(files: CertificateAuthorityFiles | null, extraNames: readonly string[]): Promise<PreparedTls> {
  const [{ openCertificateAuthority }, { issueServerCertificate }] = await Promise.all([import('./certificateAuthority.js'), import('./serverCertificate.js')]);
  const authority = await openCertificateAuthority(files);
  return { authority, tls: await issueServerCertificate(authority, extraNames) };
}
