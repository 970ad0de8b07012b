import type { SignatureDiagnosis } from '../protocol/signatureDiagnosis.js';
import type { Db } from './database.js';

/** One Gigya call as the journal keeps it: params are already redacted by the caller. */
export interface JournalEntry {
  callId: string;
  site: string | null;
  atMs: number;
  method: string;
  params: Record<string, string>;
  email: string | null;
  errorCode: number;
  durationMs: number;
  /** Why a signed request was refused (403002, 403003); null for every other call. */
  signatureDiagnosis?: SignatureDiagnosis | null;
}

/** A recorded call with its position in the journal. */
export type JournalRecord = JournalEntry & { id: number };

/** What a journal query selects; every field narrows it. */
export interface JournalFilter {
  site?: string;
  method?: string;
  errorCode?: number;
  /** Lower-cased by the repository. */
  email?: string;
  fromMs?: number;
  toMs?: number;
}

interface JournalRow {
  id: number;
  call_id: string;
  site: string | null;
  at_ms: number;
  method: string;
  params: string;
  email: string | null;
  error_code: number;
  duration_ms: number;
  signature_diagnosis: string | null;
}

/** The WHERE clause of a filter, with its named parameters (column names are fixed text, never input). */
function whereOf(filter: JournalFilter): { clause: string; named: Record<string, string | number> } {
  const conditions: string[] = [];
  const named: Record<string, string | number> = {};
  const add = (condition: string, name: string, value: string | number | undefined) => {
    if (value === undefined) return;
    conditions.push(condition);
    named[name] = value;
  };
  add('site = @site', 'site', filter.site);
  add('method = @method', 'method', filter.method);
  add('error_code = @errorCode', 'errorCode', filter.errorCode);
  add('email = @email', 'email', filter.email?.toLowerCase());
  add('at_ms >= @fromMs', 'fromMs', filter.fromMs);
  add('at_ms <= @toMs', 'toMs', filter.toMs);
  return { clause: conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '', named };
}

/**
 * Newest first. Within one site the order is (at_ms, id) — the order of the journal_site_time
 * index, whose rows end with the rowid — so a page is read off the index instead of sorting every
 * entry of the site; entries are recorded as calls finish, so it is the order of `id` too.
 */
function newestFirst(filter: JournalFilter): string {
  // With an email the journal_email index finds the few entries and sorting them costs nothing.
  return filter.site !== undefined && filter.email === undefined ? 'at_ms DESC, id DESC' : 'id DESC';
}

/** The request journal, bounded: past `maxEntries` the oldest entries are dropped. */
export class JournalRepository {
  private readonly statements;
  private sinceTrim = 0;

  constructor(
    private readonly db: Db,
    private readonly maxEntries: number,
  ) {
    this.statements = {
      insert: db.prepare(
        `INSERT INTO journal (call_id, site, at_ms, method, params, email, error_code, duration_ms, signature_diagnosis)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      trim: db.prepare('DELETE FROM journal WHERE id <= (SELECT max(id) FROM journal) - ?'),
    };
  }

  record(entry: JournalEntry): void {
    // Positional parameters: binding by name costs about as much again on this hot path.
    const { callId, site, atMs, method, params, email, errorCode, durationMs, signatureDiagnosis } = entry;
    const diagnosis = signatureDiagnosis == null ? null : JSON.stringify(signatureDiagnosis);
    this.statements.insert.run(callId, site, atMs, method, JSON.stringify(params), email, errorCode, durationMs, diagnosis);
    // Trimming on every insert would double the write cost; every 1% of the bound keeps it tight enough.
    if (++this.sinceTrim >= Math.max(1, Math.floor(this.maxEntries / 100))) {
      this.sinceTrim = 0;
      this.statements.trim.run(this.maxEntries);
    }
  }

  /** The entries matching `filter`, newest first. */
  query(filter: JournalFilter, page: { limit: number; offset: number }): JournalRecord[] {
    const { clause, named } = whereOf(filter);
    const rows = this.db
      .prepare<Record<string, string | number>, JournalRow>(`SELECT * FROM journal ${clause} ORDER BY ${newestFirst(filter)} LIMIT @limit OFFSET @offset`)
      .all({ ...named, limit: page.limit, offset: page.offset });
    return rows.map((row) => ({
      id: row.id,
      callId: row.call_id,
      site: row.site,
      atMs: row.at_ms,
      method: row.method,
      params: JSON.parse(row.params) as Record<string, string>,
      email: row.email,
      errorCode: row.error_code,
      durationMs: row.duration_ms,
      signatureDiagnosis: row.signature_diagnosis === null ? null : (JSON.parse(row.signature_diagnosis) as SignatureDiagnosis),
    }));
  }

  count(filter: JournalFilter = {}): number {
    const { clause, named } = whereOf(filter);
    return (this.db.prepare<Record<string, string | number>, { n: number }>(`SELECT count(*) AS n FROM journal ${clause}`).get(named) ?? { n: 0 }).n;
  }

  /** Deletes the entries of one site, or every entry; returns how many went. */
  clear(site?: string): number {
    if (site === undefined) return this.db.prepare('DELETE FROM journal').run().changes;
    return this.db.prepare('DELETE FROM journal WHERE site = ?').run(site).changes;
  }
}
