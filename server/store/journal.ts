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
}

/** The request journal, bounded: past `maxEntries` the oldest entries are dropped. */
export class JournalRepository {
  private readonly statements;
  private sinceTrim = 0;

  constructor(
    db: Db,
    private readonly maxEntries: number,
  ) {
    this.statements = {
      insert: db.prepare(
        `INSERT INTO journal (call_id, site, at_ms, method, params, email, error_code, duration_ms)
         VALUES (@call_id, @site, @at_ms, @method, @params, @email, @error_code, @duration_ms)`,
      ),
      trim: db.prepare('DELETE FROM journal WHERE id <= (SELECT max(id) FROM journal) - ?'),
    };
  }

  record(entry: JournalEntry): void {
    this.statements.insert.run({
      call_id: entry.callId,
      site: entry.site,
      at_ms: entry.atMs,
      method: entry.method,
      params: JSON.stringify(entry.params),
      email: entry.email,
      error_code: entry.errorCode,
      duration_ms: entry.durationMs,
    });
    // Trimming on every insert would double the write cost; every 1% of the bound keeps it tight enough.
    if (++this.sinceTrim >= Math.max(1, Math.floor(this.maxEntries / 100))) {
      this.sinceTrim = 0;
      this.statements.trim.run(this.maxEntries);
    }
  }
}
