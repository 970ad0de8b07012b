import type { Db } from './database.js';

const siteTables = ['accounts', 'email_accounts', 'reg_tokens', 'history', 'journal', 'account_events', 'webhook_notifications', 'double_opt_in_emails'] as const;

/** Empties one site's data (accounts, tokens, history, journal), keeping the site and its keys. */
export function resetSiteData(db: Db, apiKey: string): void {
  db.transaction(() => {
    for (const table of siteTables) db.prepare(`DELETE FROM ${table} WHERE site = ?`).run(apiKey);
  })();
}
