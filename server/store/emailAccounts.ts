import { arrayRows, type Db } from './database.js';
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

// Arrays in and out (raw mode, positional parameters), as in accounts.ts: this is the hot path.
const columns = 'site, email, token, has_lite, has_full, profile, data, subscriptions, created_ms, last_updated_ms';
// The token and the creation time are the record's for life: leaving them out of the update
// leaves the token's unique index untouched.
const updateAll = ['has_lite', 'has_full', 'profile', 'data', 'subscriptions', 'last_updated_ms']
  .map((column) => `${column} = excluded.${column}`)
  .join(', ');

type EmailAccountRow = [
  site: string,
  email: string,
  token: string,
  hasLite: number,
  hasFull: number,
  profile: string,
  data: string,
  subscriptions: string,
  createdMs: number,
  lastUpdatedMs: number,
];

function toEmailAccount(row: EmailAccountRow): EmailAccount {
  return {
    site: row[0],
    email: row[1],
    token: row[2],
    hasLiteAccount: row[3] === 1,
    hasFullAccount: row[4] === 1,
    profile: JSON.parse(row[5]) as JsonObject,
    data: JSON.parse(row[6]) as JsonObject,
    subscriptions: JSON.parse(row[7]) as JsonObject,
    createdMs: row[8],
    lastUpdatedMs: row[9],
  };
}

export class EmailAccountRepository {
  private readonly statements;

  constructor(db: Db) {
    this.statements = {
      get: arrayRows<EmailAccountRow, [string, string]>(db, `SELECT ${columns} FROM email_accounts WHERE site = ? AND email = ?`),
      byToken: arrayRows<EmailAccountRow, [string, string]>(db, `SELECT ${columns} FROM email_accounts WHERE site = ? AND token = ?`),
      // An upsert, not INSERT OR REPLACE: the row and its unchanged index entries stay in place.
      upsert: db.prepare<EmailAccountRow>(
        `INSERT INTO email_accounts (${columns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (site, email) DO UPDATE SET ${updateAll}`,
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
    this.statements.upsert.run(
      record.site,
      record.email,
      record.token,
      record.hasLiteAccount ? 1 : 0,
      record.hasFullAccount ? 1 : 0,
      JSON.stringify(record.profile),
      JSON.stringify(record.data),
      JSON.stringify(record.subscriptions),
      record.createdMs,
      record.lastUpdatedMs,
    );
  }

  remove(site: string, email: string): boolean {
    return this.statements.remove.run(site, email).changes > 0;
  }
}
