import type { CertificateAuthorityFiles } from './caFiles.js';
import type { CertificateAuthority } from './certificateAuthority.js';
import type { TlsCredentials } from './serverCertificate.js';

/**
 * Opens (or creates) the CA and issues the fake's certificate. The certificate library takes a
 * few hundred milliseconds to load, so it is imported here, on demand, after the HTTP port
 * already answers: start-up stays short for the many runs that never use TLS.
 */
export async function prepareTls(
  files: CertificateAuthorityFiles | null,
  extraNames: readonly string[],
): Promise<{ authority: CertificateAuthority; tls: TlsCredentials }> {
  const [{ openCertificateAuthority }, { issueServerCertificate }] = await Promise.all([import('./certificateAuthority.js'), import('./serverCertificate.js')]);
  const authority = await openCertificateAuthority(files);
  return { authority, tls: await issueServerCertificate(authority, extraNames) };
}
