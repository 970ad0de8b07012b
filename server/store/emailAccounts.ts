import type { Db } from './database.js';
import type { JsonObject } from './accounts.js';

/** Gigya's emailAccounts object (gigya-api.md §6.2): one per site and lower-cased email. */
export interface EmailAccount {
  site: string;
  email: string;
  token: string;
  hasLiteAccount: boolean;
  hasFullAccount: boolean;
  profile: JsonObject;
  data: JsonObject;
  subscriptions: JsonObject;
  createdMs: number;
  lastUpdatedMs: number;
}

interface EmailAccountRow {
  site: string;
  email: string;
  token: string;
  has_lite: number;
  has_full: number;
  profile: string;
  data: string;
  subscriptions: string;
  created_ms: number;
  last_updated_ms: number;
}

function toEmailAccount(row: EmailAccountRow): EmailAccount {
  return {
    site: row.site,
    email: row.email,
    token: row.token,
    hasLiteAccount: row.has_lite === 1,
    hasFullAccount: row.has_full === 1,
    profile: JSON.parse(row.profile) as JsonObject,
    data: JSON.parse(row.data) as JsonObject,
    subscriptions: JSON.parse(row.subscriptions) as JsonObject,
    createdMs: row.created_ms,
    lastUpdatedMs: row.last_updated_ms,
  };
}

export class EmailAccountRepository {
  private readonly statements;

  constructor(db: Db) {
    this.statements = {
      get: db.prepare<[string, string], EmailAccountRow>('SELECT * FROM email_accounts WHERE site = ? AND email = ?'),
      byToken: db.prepare<[string, string], EmailAccountRow>('SELECT * FROM email_accounts WHERE site = ? AND token = ?'),
      upsert: db.prepare(
        `INSERT OR REPLACE INTO email_accounts
           (site, email, token, has_lite, has_full, profile, data, subscriptions, created_ms, last_updated_ms)
         VALUES (@site, @email, @token, @has_lite, @has_full, @profile, @data, @subscriptions, @created_ms, @last_updated_ms)`,
      ),
      remove: db.prepare('DELETE FROM email_accounts WHERE site = ? AND email = ?'),
    };
  }

  get(site: string, email: string): EmailAccount | null {
    const row = this.statements.get.get(site, email.toLowerCase());
    return row ? toEmailAccount(row) : null;
  }

  byToken(site: string, token: string): EmailAccount | null {
    const row = this.statements.byToken.get(site, token);
    return row ? toEmailAccount(row) : null;
  }

  save(record: EmailAccount): void {
    this.statements.upsert.run({
      site: record.site,
      email: record.email,
      token: record.token,
      has_lite: record.hasLiteAccount ? 1 : 0,
      has_full: record.hasFullAccount ? 1 : 0,
      profile: JSON.stringify(record.profile),
      data: JSON.stringify(record.data),
      subscriptions: JSON.stringify(record.subscriptions),
      created_ms: record.createdMs,
      last_updated_ms: record.lastUpdatedMs,
    });
  }

  remove(site: string, email: string): boolean {
    return this.statements.remove.run(site, email).changes > 0;
  }
}
