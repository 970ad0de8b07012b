import type { HistoryEntry } from '../store/history.js';

/** A history entry as the admin API shows it. */
export function historyView(entry: HistoryEntry): Record<string, unknown> {
  return {
    id: entry.id,
    at: new Date(entry.atMs).toISOString(),
    method: entry.method,
    userKey: entry.userKey,
    changes: entry.changes,
  };
}
