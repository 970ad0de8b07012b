import { dirname, join } from 'node:path';

/** Where the CA lives: beside the database by default, or the files the user names. */
export interface CertificateAuthorityFiles {
  certificateFile: string;
  keyFile: string;
}

export const defaultCertificateName = 'fake-gigya-ca.pem';
export const defaultKeyName = 'fake-gigya-ca-key.pem';

/** The CA files beside a database file; none (an in-memory CA) for an in-memory database. */
export function filesBesideDatabase(db: string): CertificateAuthorityFiles | null {
  if (db === ':memory:' || db === '') return null;
  const dir = dirname(db);
  return { certificateFile: join(dir, defaultCertificateName), keyFile: join(dir, defaultKeyName) };
}
