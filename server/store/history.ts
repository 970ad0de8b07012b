import type { Db } from './database.js';

/** One changed field of an account write, as a dotted path with its value before and after. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface HistoryEntry {
  id: number;
  site: string;
  uid: string;
  atMs: number;
  method: string;
  userKey: string | null;
  changes: FieldChange[];
}

interface HistoryRow {
  id: number;
  site: string;
  uid: string;
  at_ms: number;
  method: string;
  user_key: string | null;
  changes: string;
}

/** The change history of accounts; written in the same transaction as the change itself. */
export class HistoryRepository {
  private readonly statements;

  constructor(db: Db) {
    this.statements = {
      insert: db.prepare(
        'INSERT INTO history (site, uid, at_ms, method, user_key, changes) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      of: db.prepare<[string, string], HistoryRow>('SELECT * FROM history WHERE site = ? AND uid = ? ORDER BY id'),
      // The uids arrive as one JSON array: a single statement serves a page of any length.
      ofAccounts: db.prepare<[string, string], HistoryRow>(
        'SELECT * FROM history WHERE site = ? AND uid IN (SELECT value FROM json_each(?)) ORDER BY id',
      ),
    };
  }

  record(entry: Omit<HistoryEntry, 'id'>): void {
    this.statements.insert.run(entry.site, entry.uid, entry.atMs, entry.method, entry.userKey, JSON.stringify(entry.changes));
  }

  of(site: string, uid: string): HistoryEntry[] {
    return this.statements.of.all(site, uid).map(toEntry);
  }

  /** The writes of several accounts in one query, oldest first: what a page of accounts needs. */
  ofAccounts(site: string, uids: readonly string[]): HistoryEntry[] {
    if (uids.length === 0) return [];
    return this.statements.ofAccounts.all(site, JSON.stringify(uids)).map(toEntry);
  }
}

function toEntry(row: HistoryRow): HistoryEntry {
  return {
    id: row.id,
    site: row.site,
    uid: row.uid,
    atMs: row.at_ms,
    method: row.method,
    userKey: row.user_key,
    changes: JSON.parse(row.changes) as FieldChange[],
  };
}
