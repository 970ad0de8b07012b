import type { Db } from './database.js';

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

interface AccountRow {
  site: string;
  uid: string;
  kind: AccountKind;
  email: string | null;
  login_ids: string;
  password_hash: string | null;
  profile: string;
  data: string;
  subscriptions: string;
  preferences: string;
  is_registered: number;
  is_active: number;
  is_verified: number;
  reg_source: string | null;
  created_ms: number;
  last_updated_ms: number;
  registered_ms: number | null;
  verified_ms: number | null;
  last_login_ms: number | null;
  login_id?: string | null;
}

function toAccount(row: AccountRow): Account {
  return {
    site: row.site,
    uid: row.uid,
    kind: row.kind,
    email: row.email,
    loginIds: JSON.parse(row.login_ids) as string[],
    passwordHash: row.password_hash,
    profile: JSON.parse(row.profile) as JsonObject,
    data: JSON.parse(row.data) as JsonObject,
    subscriptions: JSON.parse(row.subscriptions) as JsonObject,
    preferences: JSON.parse(row.preferences) as JsonObject,
    isRegistered: row.is_registered === 1,
    isActive: row.is_active === 1,
    isVerified: row.is_verified === 1,
    regSource: row.reg_source,
    createdMs: row.created_ms,
    lastUpdatedMs: row.last_updated_ms,
    registeredMs: row.registered_ms,
    verifiedMs: row.verified_ms,
    lastLoginMs: row.last_login_ms,
  };
}

function toRow(account: Account): AccountRow {
  return {
    site: account.site,
    uid: account.uid,
    kind: account.kind,
    email: account.email,
    login_ids: JSON.stringify(account.loginIds),
    password_hash: account.passwordHash,
    profile: JSON.stringify(account.profile),
    data: JSON.stringify(account.data),
    subscriptions: JSON.stringify(account.subscriptions),
    preferences: JSON.stringify(account.preferences),
    is_registered: account.isRegistered ? 1 : 0,
    is_active: account.isActive ? 1 : 0,
    is_verified: account.isVerified ? 1 : 0,
    reg_source: account.regSource,
    created_ms: account.createdMs,
    last_updated_ms: account.lastUpdatedMs,
    registered_ms: account.registeredMs,
    verified_ms: account.verifiedMs,
    last_login_ms: account.lastLoginMs,
    login_id: account.kind === 'full' ? (account.loginIds[0] ?? null) : null,
  };
}

const columns =
  'site, uid, kind, email, login_ids, password_hash, profile, data, subscriptions, preferences, is_registered, is_active, ' +
  'is_verified, reg_source, created_ms, last_updated_ms, registered_ms, verified_ms, last_login_ms, login_id';
const placeholders = columns
  .split(', ')
  .map((column) => `@${column}`)
  .join(', ');

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
      get: db.prepare<[string, string], AccountRow>('SELECT * FROM accounts WHERE site = ? AND uid = ?'),
      byEmail: db.prepare<[string, string], AccountRow>(
        // INDEXED BY: without table statistics SQLite may prefer the primary key's site prefix
        // and scan every account of the site.
        'SELECT * FROM accounts INDEXED BY accounts_email WHERE site = ? AND email = ? ORDER BY created_ms, uid',
      ),
      byLoginId: db.prepare<[string, string], AccountRow>(
        "SELECT * FROM accounts INDEXED BY accounts_login_id WHERE site = ? AND login_id = ? AND kind = 'full'",
      ),
      upsert: db.prepare(`INSERT OR REPLACE INTO accounts (${columns}) VALUES (${placeholders})`),
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

  /** The full account that logs in with this loginID (lower-cased), if any. */
  byLoginId(site: string, loginId: string): Account | null {
    const row = this.statements.byLoginId.get(site, loginId.toLowerCase());
    return row ? toAccount(row) : null;
  }

  /** Writes the whole account: callers read, change and save inside one store.write. */
  save(account: Account): void {
    this.statements.upsert.run(toRow(account));
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
    const rows = this.db
      .prepare(`SELECT * FROM accounts WHERE ${clause} ORDER BY created_ms DESC, uid LIMIT @limit OFFSET @offset`)
      .all({ ...named, limit: filter.limit, offset: filter.offset }) as AccountRow[];
    return { accounts: rows.map(toAccount), total };
  }
}
