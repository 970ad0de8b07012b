import { arrayRows, type Db } from './database.js';

export type AccountKind = 'full' | 'lite';
export type JsonObject = Record<string, unknown>;

export interface Account {
  site: string;
  uid: string;
  kind: AccountKind;
  /** Lower-cased profile.email: the emailAccounts key. */
  email: string | null;
  loginIds: string[];
  passwordHash: string | null;
  profile: JsonObject;
  data: JsonObject;
  subscriptions: JsonObject;
  preferences: JsonObject;
  isRegistered: boolean;
  isActive: boolean;
  isVerified: boolean;
  regSource: string | null;
  createdMs: number;
  lastUpdatedMs: number;
  registeredMs: number | null;
  verifiedMs: number | null;
  lastLoginMs: number | null;
}

// Rows are read as arrays (better-sqlite3 raw mode) and written with positional parameters:
// building a named-property object per row cost more than the SQLite lookup itself.
const columns =
  'site, uid, kind, email, login_ids, password_hash, profile, data, subscriptions, preferences, is_registered, is_active, ' +
  'is_verified, reg_source, created_ms, last_updated_ms, registered_ms, verified_ms, last_login_ms, login_id';
const placeholders = columns
  .split(', ')
  .map(() => '?')
  .join(', ');
const updateAll = columns
  .split(', ')
  .slice(2)
  .map((column) => `${column} = excluded.${column}`)
  .join(', ');

type AccountRow = [
  site: string,
  uid: string,
  kind: AccountKind,
  email: string | null,
  loginIds: string,
  passwordHash: string | null,
  profile: string,
  data: string,
  subscriptions: string,
  preferences: string,
  isRegistered: number,
  isActive: number,
  isVerified: number,
  regSource: string | null,
  createdMs: number,
  lastUpdatedMs: number,
  registeredMs: number | null,
  verifiedMs: number | null,
  lastLoginMs: number | null,
  loginId: string | null,
];

function toAccount(row: AccountRow): Account {
  return {
    site: row[0],
    uid: row[1],
    kind: row[2],
    email: row[3],
    loginIds: JSON.parse(row[4]) as string[],
    passwordHash: row[5],
    profile: JSON.parse(row[6]) as JsonObject,
    data: JSON.parse(row[7]) as JsonObject,
    subscriptions: JSON.parse(row[8]) as JsonObject,
    preferences: JSON.parse(row[9]) as JsonObject,
    isRegistered: row[10] === 1,
    isActive: row[11] === 1,
    isVerified: row[12] === 1,
    regSource: row[13],
    createdMs: row[14],
    lastUpdatedMs: row[15],
    registeredMs: row[16],
    verifiedMs: row[17],
    lastLoginMs: row[18],
  };
}

function toRow(account: Account): AccountRow {
  return [
    account.site,
    account.uid,
    account.kind,
    account.email,
    JSON.stringify(account.loginIds),
    account.passwordHash,
    JSON.stringify(account.profile),
    JSON.stringify(account.data),
    JSON.stringify(account.subscriptions),
    JSON.stringify(account.preferences),
    account.isRegistered ? 1 : 0,
    account.isActive ? 1 : 0,
    account.isVerified ? 1 : 0,
    account.regSource,
    account.createdMs,
    account.lastUpdatedMs,
    account.registeredMs,
    account.verifiedMs,
    account.lastLoginMs,
    account.kind === 'full' ? (account.loginIds[0] ?? null) : null,
  ];
}

export interface AccountFilter {
  email?: string;
  kind?: AccountKind;
  limit: number;
  offset: number;
}

/** Lite and full accounts of every site; a site only ever reaches its own rows. */
export class AccountRepository {
  private readonly statements;

  constructor(private readonly db: Db) {
    this.statements = {
      get: arrayRows<AccountRow, [string, string]>(db, `SELECT ${columns} FROM accounts WHERE site = ? AND uid = ?`),
      // INDEXED BY: without table statistics SQLite may prefer the primary key's site prefix
      // and scan every account of the site.
      byEmail: arrayRows<AccountRow, [string, string]>(
        db,
        `SELECT ${columns} FROM accounts INDEXED BY accounts_email WHERE site = ? AND email = ? ORDER BY created_ms, uid`,
      ),
      byLoginId: arrayRows<AccountRow, [string, string]>(
        db,
        `SELECT ${columns} FROM accounts INDEXED BY accounts_login_id WHERE site = ? AND login_id = ? AND kind = 'full'`,
      ),
      kindsByEmail: db
        .prepare<[string, string], AccountKind>('SELECT kind FROM accounts INDEXED BY accounts_email WHERE site = ? AND email = ?')
        .pluck(),
      // An upsert, not INSERT OR REPLACE: an update then rewrites only the index entries whose
      // columns it sets, where a replace deletes and re-inserts the row and every entry.
      upsert: db.prepare<AccountRow>(
        `INSERT INTO accounts (${columns}) VALUES (${placeholders}) ON CONFLICT (site, uid) DO UPDATE SET ${updateAll}`,
      ),
      remove: db.prepare('DELETE FROM accounts WHERE site = ? AND uid = ?'),
      count: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM accounts WHERE site = ?'),
    };
  }

  get(site: string, uid: string): Account | null {
    const row = this.statements.get.get(site, uid);
    return row ? toAccount(row) : null;
  }

  /** Every account (lite and full) whose profile.email is this one, oldest first. */
  byEmail(site: string, email: string): Account[] {
    return this.statements.byEmail.all(site, email.toLowerCase()).map(toAccount);
  }

  /** The kinds of the accounts of this email: what the emailAccounts record's flags need. */
  kindsByEmail(site: string, email: string): AccountKind[] {
    return this.statements.kindsByEmail.all(site, email.toLowerCase());
  }

  /** The full account that logs in with this loginID (lower-cased), if any. */
  byLoginId(site: string, loginId: string): Account | null {
    const row = this.statements.byLoginId.get(site, loginId.toLowerCase());
    return row ? toAccount(row) : null;
  }

  /** Writes the whole account: callers read, change and save inside one store.write. */
  save(account: Account): void {
    this.statements.upsert.run(...toRow(account));
  }

  remove(site: string, uid: string): boolean {
    return this.statements.remove.run(site, uid).changes > 0;
  }

  count(site: string): number {
    return this.statements.count.get(site)?.n ?? 0;
  }

  /** A page of a site's accounts, newest first, for the admin API and the inspector. */
  list(site: string, filter: AccountFilter): { accounts: Account[]; total: number } {
    const where = ['site = @site'];
    if (filter.email !== undefined) where.push('email = @email');
    if (filter.kind !== undefined) where.push('kind = @kind');
    const clause = where.join(' AND ');
    const bound = { site, email: filter.email?.toLowerCase(), kind: filter.kind };
    const named = Object.fromEntries(Object.entries(bound).filter(([, value]) => value !== undefined));
    const total = (this.db.prepare(`SELECT count(*) AS n FROM accounts WHERE ${clause}`).get(named) as { n: number }).n;
    // Filtered by email, the email index must be forced: SQLite would rather walk the site's primary key to skip the sort.
    const from = filter.email === undefined ? 'accounts' : 'accounts INDEXED BY accounts_email';
    const page = arrayRows<AccountRow, Record<string, unknown>>(
      this.db,
      `SELECT ${columns} FROM ${from} WHERE ${clause} ORDER BY created_ms DESC, uid LIMIT @limit OFFSET @offset`,
    );
    return { accounts: page.all({ ...named, limit: filter.limit, offset: filter.offset }).map(toAccount), total };
  }
}
