import type { Db } from './database.js';

/**
 * A double opt-in confirmation email the fake would have sent: captured here, never sent, so a
 * test or a person can read it and follow its confirm link (as the Firebase Auth emulator keeps
 * its email links).
 */
export interface DoubleOptInEmail {
  id: number;
  site: string;
  uid: string;
  email: string;
  subscription: string;
  /** The secret part of the confirm link. */
  token: string;
  sentMs: number;
  confirmedMs: number | null;
}

interface Row {
  id: number;
  site: string;
  uid: string;
  email: string;
  subscription: string;
  token: string;
  sent_ms: number;
  confirmed_ms: number | null;
}

const toEmail = (row: Row): DoubleOptInEmail => ({
  id: row.id,
  site: row.site,
  uid: row.uid,
  email: row.email,
  subscription: row.subscription,
  token: row.token,
  sentMs: row.sent_ms,
  confirmedMs: row.confirmed_ms,
});

/** Kept per site: the oldest are dropped past this, so a long soak cannot grow the table without end. */
export const maxOutboxPerSite = 10_000;

export class DoubleOptInEmailRepository {
  private readonly statements;

  constructor(db: Db) {
    this.statements = {
      insert: db.prepare<[string, string, string, string, string, number]>(
        'INSERT INTO double_opt_in_emails (site, uid, email, subscription, token, sent_ms) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      list: db.prepare<[string, number, number], Row>('SELECT * FROM double_opt_in_emails WHERE site = ? ORDER BY id DESC LIMIT ? OFFSET ?'),
      count: db.prepare<[string]>('SELECT count(*) FROM double_opt_in_emails WHERE site = ?').pluck(),
      get: db.prepare<[string, number], Row>('SELECT * FROM double_opt_in_emails WHERE site = ? AND id = ?'),
      byToken: db.prepare<[string, string], Row>('SELECT * FROM double_opt_in_emails WHERE site = ? AND token = ?'),
      confirm: db.prepare<[number, number]>('UPDATE double_opt_in_emails SET confirmed_ms = ? WHERE id = ? AND confirmed_ms IS NULL'),
      prune: db.prepare<[string, string, number]>(
        'DELETE FROM double_opt_in_emails WHERE site = ? AND id <= (SELECT id FROM double_opt_in_emails WHERE site = ? ORDER BY id DESC LIMIT 1 OFFSET ?)',
      ),
    };
  }

  record(email: Omit<DoubleOptInEmail, 'id' | 'confirmedMs'>): DoubleOptInEmail {
    const id = Number(this.statements.insert.run(email.site, email.uid, email.email, email.subscription, email.token, email.sentMs).lastInsertRowid);
    this.statements.prune.run(email.site, email.site, maxOutboxPerSite);
    return { ...email, id, confirmedMs: null };
  }

  /** Newest first. */
  list(site: string, limit: number, offset = 0): DoubleOptInEmail[] {
    return this.statements.list.all(site, limit, offset).map(toEmail);
  }

  count(site: string): number {
    return this.statements.count.get(site) as number;
  }

  get(site: string, id: number): DoubleOptInEmail | null {
    const row = this.statements.get.get(site, id);
    return row === undefined ? null : toEmail(row);
  }

  byToken(site: string, token: string): DoubleOptInEmail | null {
    const row = this.statements.byToken.get(site, token);
    return row === undefined ? null : toEmail(row);
  }

  markConfirmed(id: number, atMs: number): void {
    this.statements.confirm.run(atMs, id);
  }
}
