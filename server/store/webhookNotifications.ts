import type { Db } from './database.js';

export type NotificationState = 'pending' | 'delivered' | 'failed';

/** A batch of events for one webhook, sent (and re-sent) until its receiver answers 2xx. */
export interface WebhookNotification {
  id: number;
  webhook: number;
  site: string;
  /** The events as the receiver gets them, rendered for the webhook's version. */
  events: Array<Record<string, unknown>>;
  uids: string[];
  state: NotificationState;
  attempts: number;
  nextAttemptMs: number;
  createdMs: number;
  deliveredMs: number | null;
  /** The notification this one replays (an inspector replay), if any. */
  replayOf: number | null;
}

/** One POST to the receiver and its outcome. */
export interface WebhookAttempt {
  id: number;
  notification: number;
  atMs: number;
  nonce: string;
  /** The raw body sent, byte for byte what was signed. */
  body: string;
  /** The request headers sent, custom header values redacted. */
  headers: Record<string, string>;
  /** The receiver's HTTP status; null when no answer came (time-out, refused connection). */
  status: number | null;
  /** The start of the receiver's answer (bounded). */
  responseBody: string | null;
  error: string | null;
  durationMs: number;
}

interface NotificationRow {
  id: number;
  webhook: number;
  site: string;
  events: string;
  uids: string;
  state: NotificationState;
  attempts: number;
  next_attempt_ms: number;
  created_ms: number;
  delivered_ms: number | null;
  replay_of: number | null;
}

interface AttemptRow {
  id: number;
  notification: number;
  at_ms: number;
  nonce: string;
  body: string;
  headers: string;
  status: number | null;
  response_body: string | null;
  error: string | null;
  duration_ms: number;
}

function toNotification(row: NotificationRow): WebhookNotification {
  return {
    id: row.id,
    webhook: row.webhook,
    site: row.site,
    events: JSON.parse(row.events) as Array<Record<string, unknown>>,
    uids: JSON.parse(row.uids) as string[],
    state: row.state,
    attempts: row.attempts,
    nextAttemptMs: row.next_attempt_ms,
    createdMs: row.created_ms,
    deliveredMs: row.delivered_ms,
    replayOf: row.replay_of,
  };
}

function toAttempt(row: AttemptRow): WebhookAttempt {
  return {
    id: row.id,
    notification: row.notification,
    atMs: row.at_ms,
    nonce: row.nonce,
    body: row.body,
    headers: JSON.parse(row.headers) as Record<string, string>,
    status: row.status,
    responseBody: row.response_body,
    error: row.error,
    durationMs: row.duration_ms,
  };
}

/** Notifications and their delivery attempts. */
export class WebhookNotificationRepository {
  private readonly statements;

  constructor(db: Db) {
    this.statements = {
      insert: db.prepare(
        `INSERT INTO webhook_notifications (webhook, site, events, uids, state, next_attempt_ms, created_ms, replay_of)
         VALUES (?, ?, ?, ?, 'pending', ?, ?, ?)`,
      ),
      get: db.prepare<[number], NotificationRow>('SELECT * FROM webhook_notifications WHERE id = ?'),
      pendingOf: db.prepare<[number, number], NotificationRow>(
        "SELECT * FROM webhook_notifications WHERE webhook = ? AND state = 'pending' ORDER BY id LIMIT ?",
      ),
      ofSite: db.prepare<[string, number], NotificationRow>(
        'SELECT * FROM webhook_notifications WHERE site = ? ORDER BY id DESC LIMIT ?',
      ),
      ofWebhook: db.prepare<[number, number], NotificationRow>(
        'SELECT * FROM webhook_notifications WHERE webhook = ? ORDER BY id DESC LIMIT ?',
      ),
      delivered: db.prepare<[number, number]>(
        "UPDATE webhook_notifications SET state = 'delivered', attempts = attempts + 1, delivered_ms = ? WHERE id = ?",
      ),
      retry: db.prepare<[number, number]>(
        'UPDATE webhook_notifications SET attempts = attempts + 1, next_attempt_ms = ? WHERE id = ?',
      ),
      failed: db.prepare<[number]>("UPDATE webhook_notifications SET state = 'failed', attempts = attempts + 1 WHERE id = ?"),
      insertAttempt: db.prepare(
        `INSERT INTO webhook_attempts (notification, at_ms, nonce, body, headers, status, response_body, error, duration_ms)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      attemptsOf: db.prepare<[number], AttemptRow>('SELECT * FROM webhook_attempts WHERE notification = ? ORDER BY id'),
      lastAttemptOf: db.prepare<[number], AttemptRow>(
        `SELECT a.* FROM webhook_attempts a JOIN webhook_notifications n ON n.id = a.notification
         WHERE n.webhook = ? ORDER BY a.id DESC LIMIT 1`,
      ),
      countOf: db.prepare<[number, NotificationState], number>(
        'SELECT count(*) FROM webhook_notifications WHERE webhook = ? AND state = ?',
      ).pluck(),
      prune: db.prepare<[number]>(
        "DELETE FROM webhook_notifications WHERE state <> 'pending' AND id <= (SELECT max(id) FROM webhook_notifications) - ?",
      ),
    };
  }

  create(input: { webhook: number; site: string; events: Array<Record<string, unknown>>; uids: string[]; nowMs: number; replayOf?: number }): WebhookNotification {
    const { webhook, site, events, uids, nowMs } = input;
    const id = Number(
      this.statements.insert.run(webhook, site, JSON.stringify(events), JSON.stringify(uids), nowMs, nowMs, input.replayOf ?? null).lastInsertRowid,
    );
    return this.get(id)!;
  }

  get(id: number): WebhookNotification | null {
    const row = this.statements.get.get(id);
    return row ? toNotification(row) : null;
  }

  /** A webhook's undelivered notifications, oldest first. */
  pendingOf(webhook: number, limit = 10): WebhookNotification[] {
    return this.statements.pendingOf.all(webhook, limit).map(toNotification);
  }

  ofSite(site: string, limit = 100): WebhookNotification[] {
    return this.statements.ofSite.all(site, limit).map(toNotification);
  }

  ofWebhook(webhook: number, limit = 100): WebhookNotification[] {
    return this.statements.ofWebhook.all(webhook, limit).map(toNotification);
  }

  countOf(webhook: number, state: NotificationState): number {
    return this.statements.countOf.get(webhook, state) ?? 0;
  }

  recordAttempt(attempt: Omit<WebhookAttempt, 'id'>): void {
    const { notification, atMs, nonce, body, headers, status, responseBody, error, durationMs } = attempt;
    this.statements.insertAttempt.run(notification, atMs, nonce, body, JSON.stringify(headers), status, responseBody, error, durationMs);
  }

  markDelivered(id: number, nowMs: number): void {
    this.statements.delivered.run(nowMs, id);
  }

  scheduleRetry(id: number, nextAttemptMs: number): void {
    this.statements.retry.run(nextAttemptMs, id);
  }

  markFailed(id: number): void {
    this.statements.failed.run(id);
  }

  attemptsOf(notification: number): WebhookAttempt[] {
    return this.statements.attemptsOf.all(notification).map(toAttempt);
  }

  lastAttemptOf(webhook: number): WebhookAttempt | null {
    const row = this.statements.lastAttemptOf.get(webhook);
    return row ? toAttempt(row) : null;
  }

  /** Forgets finished notifications beyond the latest `keep`. */
  prune(keep: number): number {
    return this.statements.prune.run(keep).changes;
  }
}
