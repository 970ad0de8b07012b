import type { Db } from './database.js';
import { policiesSchema, type Policies } from './policies.js';

export interface Site {
  apiKey: string;
  name: string;
  dataCenter: string;
  policies: Policies;
  createdMs: number;
}

export interface AppKey {
  userKey: string;
  site: string;
  secret: string;
  publicKeyPem: string | null;
  name: string;
  createdMs: number;
}

interface SiteRow {
  api_key: string;
  name: string;
  data_center: string;
  policies: string;
  created_ms: number;
}

interface AppKeyRow {
  user_key: string;
  site: string;
  secret: string;
  public_key_pem: string | null;
  name: string;
  created_ms: number;
}

function toSite(row: SiteRow): Site {
  return {
    apiKey: row.api_key,
    name: row.name,
    dataCenter: row.data_center,
    policies: policiesSchema.parse(JSON.parse(row.policies)),
    createdMs: row.created_ms,
  };
}

function toAppKey(row: AppKeyRow): AppKey {
  return {
    userKey: row.user_key,
    site: row.site,
    secret: row.secret,
    publicKeyPem: row.public_key_pem,
    name: row.name,
    createdMs: row.created_ms,
  };
}

/**
 * Sites and their application keys. Every request looks its site up, so sites are cached
 * in memory and the cache is dropped on every write through this repository.
 */
export class SiteRepository {
  private readonly cache = new Map<string, Site | null>();
  private readonly keyCache = new Map<string, AppKey | null>();
  private readonly statements;

  constructor(private readonly db: Db) {
    this.statements = {
      get: db.prepare<[string], SiteRow>('SELECT * FROM sites WHERE api_key = ?'),
      list: db.prepare<[], SiteRow>('SELECT * FROM sites ORDER BY created_ms, api_key'),
      insert: db.prepare('INSERT INTO sites (api_key, name, data_center, policies, created_ms) VALUES (?, ?, ?, ?, ?)'),
      updatePolicies: db.prepare('UPDATE sites SET policies = ? WHERE api_key = ?'),
      remove: db.prepare('DELETE FROM sites WHERE api_key = ?'),
      getKey: db.prepare<[string], AppKeyRow>('SELECT * FROM app_keys WHERE user_key = ?'),
      keysOf: db.prepare<[string], AppKeyRow>('SELECT * FROM app_keys WHERE site = ? ORDER BY created_ms, user_key'),
      setSecret: db.prepare('UPDATE app_keys SET secret = ? WHERE user_key = ?'),
      insertKey: db.prepare(
        'INSERT INTO app_keys (user_key, site, secret, public_key_pem, name, created_ms) VALUES (?, ?, ?, ?, ?, ?)',
      ),
    };
  }

  get(apiKey: string): Site | null {
    let site = this.cache.get(apiKey);
    if (site === undefined) {
      const row = this.statements.get.get(apiKey);
      site = row ? toSite(row) : null;
      this.cache.set(apiKey, site);
    }
    return site;
  }

  list(): Site[] {
    return this.statements.list.all().map(toSite);
  }

  insert(site: Site): void {
    this.statements.insert.run(site.apiKey, site.name, site.dataCenter, JSON.stringify(site.policies), site.createdMs);
    this.forget();
  }

  setPolicies(apiKey: string, policies: Policies): void {
    this.statements.updatePolicies.run(JSON.stringify(policies), apiKey);
    this.forget();
  }

  remove(apiKey: string): boolean {
    const removed = this.statements.remove.run(apiKey).changes > 0;
    this.forget();
    return removed;
  }

  appKey(userKey: string): AppKey | null {
    let key = this.keyCache.get(userKey);
    if (key === undefined) {
      const row = this.statements.getKey.get(userKey);
      key = row ? toAppKey(row) : null;
      this.keyCache.set(userKey, key);
    }
    return key;
  }

  appKeysOf(apiKey: string): AppKey[] {
    return this.statements.keysOf.all(apiKey).map(toAppKey);
  }

  insertAppKey(key: AppKey): void {
    this.statements.insertKey.run(key.userKey, key.site, key.secret, key.publicKeyPem, key.name, key.createdMs);
    this.forget();
  }

  setSecret(userKey: string, secret: string): void {
    this.statements.setSecret.run(secret, userKey);
    this.forget();
  }

  /** Drops the caches; also needed after a restore or reset rewrote the tables directly. */
  forget(): void {
    this.cache.clear();
    this.keyCache.clear();
  }
}
