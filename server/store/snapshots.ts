import { z } from 'zod';
import type { Db } from './database.js';

// Snapshots copy a site's tables row for row (column names as in schema.ts), so a restore
// recreates exactly what was there, password hashes and application secrets included: a
// snapshot is as sensitive as the database file itself. The request journal is not part of it.

const cell = z.union([z.string(), z.number(), z.null()]);
const row = z.record(z.string(), cell);
type Row = z.infer<typeof row>;

export const siteSnapshotSchema = z
  .object({
    site: row,
    appKeys: z.array(row),
    accounts: z.array(row),
    emailAccounts: z.array(row),
    regTokens: z.array(row),
    history: z.array(row),
  })
  .strict();

export const snapshotSchema = z
  .object({
    format: z.literal('fake-gigya-snapshot'),
    version: z.literal(1),
    takenAt: z.string(),
    sites: z.array(siteSnapshotSchema),
  })
  .strict();

export type Snapshot = z.infer<typeof snapshotSchema>;
export type SiteSnapshot = z.infer<typeof siteSnapshotSchema>;

/** Snapshot part → table; the order is the insert order (parents first). */
const tables = {
  appKeys: 'app_keys',
  accounts: 'accounts',
  emailAccounts: 'email_accounts',
  regTokens: 'reg_tokens',
  history: 'history',
} as const;
type Part = keyof typeof tables;
const parts = Object.keys(tables) as Part[];
/** A stable order per table, so two snapshots of the same state are the same text. */
const orderOf: Record<Part, string> = {
  appKeys: 'created_ms, user_key',
  accounts: 'created_ms, uid',
  emailAccounts: 'email',
  regTokens: 'token',
  history: 'id',
};

/** A snapshot that cannot be restored here; the message says why. */
export class SnapshotError extends Error {}

export class SnapshotRepository {
  constructor(private readonly db: Db) {}

  /** The given sites (all when `apiKeys` is undefined); unknown apiKeys are the caller's to check. */
  take(apiKeys: readonly string[] | undefined, nowMs: number): Snapshot {
    const keys = apiKeys ?? this.db.prepare<[], { api_key: string }>('SELECT api_key FROM sites ORDER BY created_ms, api_key').all().map((r) => r.api_key);
    const sites = this.db.transaction(() =>
      keys.flatMap((apiKey): SiteSnapshot[] => {
        const site = this.db.prepare<[string], Row>('SELECT * FROM sites WHERE api_key = ?').get(apiKey);
        if (site === undefined) return [];
        const snapshot = { site } as SiteSnapshot;
        for (const part of parts) {
          snapshot[part] = this.db.prepare<[string], Row>(`SELECT * FROM ${tables[part]} WHERE site = ? ORDER BY ${orderOf[part]}`).all(apiKey);
        }
        return [snapshot];
      }),
    )();
    return { format: 'fake-gigya-snapshot', version: 1, takenAt: new Date(nowMs).toISOString(), sites };
  }

  /**
   * Replaces each snapshot site's data (site row, keys, accounts, emailAccounts, tokens,
   * history) with the snapshot's, in one transaction; other sites are untouched. Callers must
   * drop the site cache afterwards (store.sites.forget()).
   */
  restore(snapshot: Snapshot): string[] {
    const columns = new Map<string, Set<string>>();
    const columnsOf = (table: string) => {
      let known = columns.get(table);
      if (known === undefined) {
        known = new Set(this.db.prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${table}')`).all().map((c) => c.name));
        columns.set(table, known);
      }
      return known;
    };
    return this.db.transaction(() =>
      snapshot.sites.map((entry) => {
        const apiKey = entry.site.api_key;
        if (typeof apiKey !== 'string' || apiKey === '') throw new SnapshotError('a snapshot site has no api_key');
        for (const part of parts) {
          for (const item of entry[part]) {
            if (item.site !== apiKey) throw new SnapshotError(`${part} of site ${apiKey} holds a row of site ${String(item.site)}`);
          }
        }
        for (const key of entry.appKeys) {
          const owner = this.db.prepare<[unknown], { site: string }>('SELECT site FROM app_keys WHERE user_key = ?').get(key.user_key);
          if (owner !== undefined && owner.site !== apiKey) {
            throw new SnapshotError(`application key ${String(key.user_key)} belongs to another site (${owner.site})`);
          }
        }
        // history and journal have no foreign key to sites; the journal is kept, as it records calls, not state.
        this.db.prepare('DELETE FROM history WHERE site = ?').run(apiKey);
        this.db.prepare('DELETE FROM sites WHERE api_key = ?').run(apiKey);
        this.insert('sites', entry.site, columnsOf('sites'));
        for (const part of parts) {
          for (const item of entry[part]) {
            // History ids are global: restored entries get new ones, in their original order.
            const { id: _id, ...rest } = item;
            this.insert(tables[part], part === 'history' ? rest : item, columnsOf(tables[part]));
          }
        }
        return apiKey;
      }),
    )();
  }

  private insert(table: string, item: Row, known: Set<string>): void {
    const names = Object.keys(item);
    for (const name of names) if (!known.has(name)) throw new SnapshotError(`${table} has no column ${name}`);
    try {
      this.db.prepare(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map((n) => `@${n}`).join(', ')})`).run(item);
    } catch (error) {
      throw new SnapshotError(`cannot restore a ${table} row: ${(error as Error).message}`);
    }
  }
}
