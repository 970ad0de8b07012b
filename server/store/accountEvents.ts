import { arrayRows, type Db } from './database.js';

/** The account events webhooks report (gigya-api.md §13); consentUpdated joins them with consent. */
export const accountEventTypes = [
  'accountCreated',
  'accountRegistered',
  'accountUpdated',
  'accountDeleted',
  'accountLoggedIn',
  'accountProgressed',
  'subscriptionUpdated',
  'consentUpdated',
] as const;

export type AccountEventType = (typeof accountEventTypes)[number];

/** One row of the outbox: an event of one account, in the order the writes committed. */
export interface AccountEvent {
  /** The outbox position: events are delivered in this order. */
  seq: number;
  site: string;
  /** The event's own id, as receivers see it. */
  id: string;
  type: AccountEventType;
  uid: string;
  accountType: 'full' | 'lite';
  /** The callId of the Gigya call whose write caused the event (null for seeds). */
  callId: string | null;
  atMs: number;
}

type EventRow = [number, string, string, AccountEventType, string, 'full' | 'lite', string | null, number];

const columns = 'id, site, event_id, type, uid, account_type, call_id, at_ms';

function toEvent(row: EventRow): AccountEvent {
  const [seq, site, id, type, uid, accountType, callId, atMs] = row;
  return { seq, site, id, type, uid, accountType, callId, atMs };
}

/**
 * The webhooks' outbox. An event is inserted by the write that causes it, inside that write's
 * transaction, so an acknowledged write's events are durable with it and a rolled-back write
 * leaves none.
 */
export class AccountEventRepository {
  private readonly statements;
  private readonly listeners = new Set<() => void>();

  constructor(db: Db) {
    this.statements = {
      insert: db.prepare(
        'INSERT INTO account_events (site, event_id, type, uid, account_type, call_id, at_ms) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      after: arrayRows<EventRow, [string, number, number]>(
        db,
        `SELECT ${columns} FROM account_events WHERE site = ? AND id > ? ORDER BY id LIMIT ?`,
      ),
      ofAccount: arrayRows<EventRow, [string, string, number]>(
        db,
        `SELECT ${columns} FROM account_events WHERE site = ? AND uid = ? ORDER BY id DESC LIMIT ?`,
      ),
      lastSeq: db.prepare<[], number | null>('SELECT max(id) FROM account_events').pluck(),
      lastSeqOfSite: db.prepare<[string], number | null>('SELECT max(id) FROM account_events WHERE site = ?').pluck(),
      prune: db.prepare<[number]>('DELETE FROM account_events WHERE id <= ?'),
    };
  }

  record(event: Omit<AccountEvent, 'seq'>): void {
    this.statements.insert.run(event.site, event.id, event.type, event.uid, event.accountType, event.callId, event.atMs);
    for (const listener of this.listeners) listener();
  }

  /**
   * Called synchronously inside the recording transaction: a listener that reads the outbox
   * must defer its read (setImmediate or later), by when the transaction has committed.
   */
  onRecorded(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A site's events after an outbox position, oldest first. */
  after(site: string, seq: number, limit: number): AccountEvent[] {
    return this.statements.after.all(site, seq, limit).map(toEvent);
  }

  /** An account's latest events, newest first (the inspector's account page). */
  ofAccount(site: string, uid: string, limit = 200): AccountEvent[] {
    return this.statements.ofAccount.all(site, uid, limit).map(toEvent);
  }

  /** The outbox position a new webhook starts after: it is told only of what happens next. */
  lastSeq(site?: string): number {
    return (site === undefined ? this.statements.lastSeq.get() : this.statements.lastSeqOfSite.get(site)) ?? 0;
  }

  /** Deletes events every webhook has read and that fall out of the last `keep`. */
  prune(readByAll: number, keep: number): number {
    // One bound, not two: SQLite ranges the rowid on only one of two `id <= ?` terms and may
    // then walk every event checking the other.
    return this.statements.prune.run(Math.min(readByAll, this.lastSeq() - keep)).changes;
  }
}
