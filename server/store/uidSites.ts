import type { Db } from './database.js';

/**
 * The sites where a UID has an account or a history (a deleted account keeps its history).
 * UIDs are unique per site only, so the admin API asks for an apiKey when there are several.
 */
export function sitesHoldingUid(db: Db, uid: string): string[] {
  return db
    .prepare<[string, string], { site: string }>('SELECT site FROM accounts WHERE uid = ? UNION SELECT site FROM history WHERE uid = ? ORDER BY site')
    .all(uid, uid)
    .map((row) => row.site);
}
