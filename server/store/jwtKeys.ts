import type { Db } from './database.js';

/** An RSA key pair as JWKs: the public half is what accounts.getJWTPublicKey serves. */
export interface JwtKey {
  kid: string;
  dataCenter: string;
  privateJwk: Record<string, string>;
  publicJwk: Record<string, string>;
  createdMs: number;
  /** When the key stopped signing; null for the data center's current key. */
  retiredMs: number | null;
}

interface JwtKeyRow {
  kid: string;
  data_center: string;
  private_jwk: string;
  public_jwk: string;
  created_ms: number;
  retired_ms: number | null;
}

function toKey(row: JwtKeyRow): JwtKey {
  return {
    kid: row.kid,
    dataCenter: row.data_center,
    privateJwk: JSON.parse(row.private_jwk) as Record<string, string>,
    publicJwk: JSON.parse(row.public_jwk) as Record<string, string>,
    createdMs: row.created_ms,
    retiredMs: row.retired_ms,
  };
}

/** The signing keys of id_tokens and webhook JWTs, one current key per data center. */
export class JwtKeyRepository {
  private readonly statements;

  constructor(db: Db) {
    this.statements = {
      current: db.prepare<[string], JwtKeyRow>('SELECT * FROM jwt_keys WHERE data_center = ? AND retired_ms IS NULL'),
      servedSince: db.prepare<[string, number], JwtKeyRow>(
        'SELECT * FROM jwt_keys WHERE data_center = ? AND (retired_ms IS NULL OR retired_ms >= ?) ORDER BY retired_ms IS NOT NULL, created_ms DESC',
      ),
      retire: db.prepare<[number, string]>('UPDATE jwt_keys SET retired_ms = ? WHERE data_center = ? AND retired_ms IS NULL'),
      insert: db.prepare(
        'INSERT INTO jwt_keys (kid, data_center, private_jwk, public_jwk, created_ms, retired_ms) VALUES (?, ?, ?, ?, ?, NULL)',
      ),
    };
  }

  current(dataCenter: string): JwtKey | null {
    const row = this.statements.current.get(dataCenter);
    return row ? toKey(row) : null;
  }

  /** The current key first, then the keys retired at or after `retiredSinceMs`. */
  served(dataCenter: string, retiredSinceMs: number): JwtKey[] {
    return this.statements.servedSince.all(dataCenter, retiredSinceMs).map(toKey);
  }

  /** Makes `key` the data center's current key, retiring the one before it. Run inside a transaction. */
  install(key: Omit<JwtKey, 'retiredMs'>, nowMs: number): void {
    this.statements.retire.run(nowMs, key.dataCenter);
    this.statements.insert.run(key.kid, key.dataCenter, JSON.stringify(key.privateJwk), JSON.stringify(key.publicJwk), key.createdMs);
  }
}
