import type { Db } from './database.js';
import type { AccountEventType } from './accountEvents.js';

/** The notification formats Gigya offers (gigya-api.md §13): 1.0 full accounts only, 1.1 lite too, 2.0 signed with a JWT. */
export const webhookVersions = ['1.0', '1.1', '2.0'] as const;
export type WebhookVersion = (typeof webhookVersions)[number];

export interface WebhookHeader {
  name: string;
  value: string;
}

export interface Webhook {
  id: number;
  site: string;
  name: string;
  url: string;
  events: AccountEventType[];
  version: WebhookVersion;
  active: boolean;
  /** The application key whose secret signs 1.x notifications; null = the site's first key. */
  signingUserKey: string | null;
  headers: WebhookHeader[];
  /** The last outbox position this webhook has read. */
  eventCursor: number;
  createdMs: number;
  updatedMs: number;
}

interface WebhookRow {
  id: number;
  site: string;
  name: string;
  url: string;
  events: string;
  version: WebhookVersion;
  active: number;
  signing_user_key: string | null;
  headers: string;
  event_cursor: number;
  created_ms: number;
  updated_ms: number;
}

function toWebhook(row: WebhookRow): Webhook {
  return {
    id: row.id,
    site: row.site,
    name: row.name,
    url: row.url,
    events: JSON.parse(row.events) as AccountEventType[],
    version: row.version,
    active: row.active === 1,
    signingUserKey: row.signing_user_key,
    headers: JSON.parse(row.headers) as WebhookHeader[],
    eventCursor: row.event_cursor,
    createdMs: row.created_ms,
    updatedMs: row.updated_ms,
  };
}

/** The webhooks of every site (accounts.webhooks.*, /__admin, seeds). */
export class WebhookRepository {
  private readonly statements;

  constructor(db: Db) {
    this.statements = {
      insert: db.prepare(
        `INSERT INTO webhooks (site, name, url, events, version, active, signing_user_key, headers, event_cursor, created_ms, updated_ms)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      update: db.prepare(
        `UPDATE webhooks SET url = ?, events = ?, version = ?, active = ?, signing_user_key = ?, headers = ?, updated_ms = ?
         WHERE id = ?`,
      ),
      ofSite: db.prepare<[string], WebhookRow>('SELECT * FROM webhooks WHERE site = ? ORDER BY id'),
      all: db.prepare<[], WebhookRow>('SELECT * FROM webhooks ORDER BY id'),
      byId: db.prepare<[number], WebhookRow>('SELECT * FROM webhooks WHERE id = ?'),
      byName: db.prepare<[string, string], WebhookRow>('SELECT * FROM webhooks WHERE site = ? AND name = ?'),
      byUrl: db.prepare<[string, string], WebhookRow>('SELECT * FROM webhooks WHERE site = ? AND url = ?'),
      remove: db.prepare<[number]>('DELETE FROM webhooks WHERE id = ?'),
      setCursor: db.prepare<[number, number]>('UPDATE webhooks SET event_cursor = ? WHERE id = ?'),
      minCursor: db.prepare<[], number | null>('SELECT min(event_cursor) FROM webhooks').pluck(),
    };
  }

  create(webhook: Omit<Webhook, 'id'>): Webhook {
    const { site, name, url, events, version, active, signingUserKey, headers, eventCursor, createdMs, updatedMs } = webhook;
    const id = this.statements.insert.run(
      site, name, url, JSON.stringify(events), version, active ? 1 : 0, signingUserKey, JSON.stringify(headers), eventCursor, createdMs, updatedMs,
    ).lastInsertRowid;
    return { ...webhook, id: Number(id) };
  }

  update(webhook: Webhook): void {
    const { url, events, version, active, signingUserKey, headers, updatedMs, id } = webhook;
    this.statements.update.run(url, JSON.stringify(events), version, active ? 1 : 0, signingUserKey, JSON.stringify(headers), updatedMs, id);
  }

  ofSite(site: string): Webhook[] {
    return this.statements.ofSite.all(site).map(toWebhook);
  }

  all(): Webhook[] {
    return this.statements.all.all().map(toWebhook);
  }

  get(id: number): Webhook | null {
    const row = this.statements.byId.get(id);
    return row ? toWebhook(row) : null;
  }

  byName(site: string, name: string): Webhook | null {
    const row = this.statements.byName.get(site, name);
    return row ? toWebhook(row) : null;
  }

  byUrl(site: string, url: string): Webhook | null {
    const row = this.statements.byUrl.get(site, url);
    return row ? toWebhook(row) : null;
  }

  remove(id: number): boolean {
    return this.statements.remove.run(id).changes > 0;
  }

  setCursor(id: number, cursor: number): void {
    this.statements.setCursor.run(cursor, id);
  }

  /** The outbox position every webhook has read (null when there is no webhook). */
  minCursor(): number | null {
    return this.statements.minCursor.get() ?? null;
  }
}
