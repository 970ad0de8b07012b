import type { Db } from './database.js';

export interface RegToken {
  token: string;
  site: string;
  /** A lite token can only create or update a lite account. */
  isLite: boolean;
  /** Set once the token is bound to an account (after its first setAccountInfo, or from getLiteToken). */
  uid: string | null;
  expiresMs: number;
}

interface RegTokenRow {
  token: string;
  site: string;
  is_lite: number;
  uid: string | null;
  expires_ms: number;
}

const sweepEvery = 1000;
const expiredKeptMs = 24 * 60 * 60 * 1000;

export class RegTokenRepository {
  private readonly statements;
  private sinceSweep = 0;

  constructor(db: Db) {
    this.statements = {
      get: db.prepare<[string, string], RegTokenRow>('SELECT * FROM reg_tokens WHERE site = ? AND token = ?'),
      upsert: db.prepare(
        'INSERT OR REPLACE INTO reg_tokens (token, site, is_lite, uid, expires_ms) VALUES (?, ?, ?, ?, ?)',
      ),
      bindUid: db.prepare<[string, string, string]>('UPDATE reg_tokens SET uid = ? WHERE site = ? AND token = ?'),
      purge: db.prepare('DELETE FROM reg_tokens WHERE expires_ms < ?'),
    };
  }

  /** The token if it belongs to this site, expired or not: callers decide what expiry means. */
  get(site: string, token: string): RegToken | null {
    const row = this.statements.get.get(site, token);
    if (!row) return null;
    return { token: row.token, site: row.site, isLite: row.is_lite === 1, uid: row.uid, expiresMs: row.expires_ms };
  }

  save(token: RegToken): void {
    this.statements.upsert.run(token.token, token.site, token.isLite ? 1 : 0, token.uid, token.expiresMs);
  }

  /**
   * Ties a token to the account its first write created. An update in place: re-saving the row
   * would delete and re-insert it with its index entries, a random page of the token index.
   */
  bindUid(token: RegToken, uid: string): void {
    this.statements.bindUid.run(uid, token.site, token.token);
  }

  purgeExpired(nowMs: number): number {
    return this.statements.purge.run(nowMs).changes;
  }

  /**
   * Called once per minted token: every `sweepEvery` calls, drops the tokens expired for over a
   * day, so a long run of lite submits does not grow the table without limit. A recently expired
   * token stays, so its caller still hears "expired" rather than "unknown".
   */
  sweep(nowMs: number): number {
    if (++this.sinceSweep < sweepEvery) return 0;
    this.sinceSweep = 0;
    return this.purgeExpired(nowMs - expiredKeptMs);
  }
}
