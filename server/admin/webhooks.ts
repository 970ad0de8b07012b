import { Hono } from 'hono';
import { z } from 'zod';
import type { FakeGigyaDeps } from '../deps.js';
import { keyRingOf, retiredKeyServedMs } from '../jwt/keyRing.js';
import { dataCenters } from '../sites/createSite.js';
import type { Store } from '../store/index.js';
import type { JwtKey } from '../store/jwtKeys.js';
import type { WebhookNotification } from '../store/webhookNotifications.js';
import type { Webhook } from '../store/webhooks.js';
import { replayNotification } from '../webhooks/formNotifications.js';
import { setWebhook, webhookInputSchema, webhookView } from '../webhooks/webhookSettings.js';
import { AdminError, existingSite, parseBody, parseQuery } from './validation.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const limit = z.coerce.number().int().min(1).max(1000).default(100);
const siteQuery = z.object({ apiKey: z.string().min(1) }).strict();
const namedQuery = z.object({ apiKey: z.string().min(1), name: z.string().min(1).max(100) }).strict();
const notificationsQuery = z.object({ apiKey: z.string().min(1), name: z.string().min(1).max(100).optional(), limit }).strict();
const setBody = webhookInputSchema.extend({ apiKey: z.string().min(1) }).strict();
const dataCenterField = { dataCenter: z.enum(dataCenters) };
const notificationId = z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

/** A webhook as the admin API lists it: its settings (header values redacted) and its queue. */
function webhookStatusView(store: Store, webhook: Webhook): Record<string, unknown> {
  const { notifications } = store;
  const head = notifications.pendingOf(webhook.id, 1)[0];
  return {
    ...webhookView(webhook),
    pending: notifications.countOf(webhook.id, 'pending'),
    delivered: notifications.countOf(webhook.id, 'delivered'),
    failed: notifications.countOf(webhook.id, 'failed'),
    nextAttempt: head === undefined ? null : iso(head.nextAttemptMs),
  };
}

/** A notification with every attempt: the bytes sent, the headers (custom values redacted), the receiver's answer. */
function notificationView(store: Store, notification: WebhookNotification): Record<string, unknown> {
  return {
    id: notification.id,
    webhook: store.webhooks.get(notification.webhook)?.name ?? null,
    apiKey: notification.site,
    state: notification.state,
    events: notification.events,
    uids: notification.uids,
    created: iso(notification.createdMs),
    delivered: iso(notification.deliveredMs),
    nextAttempt: notification.state === 'pending' ? iso(notification.nextAttemptMs) : null,
    replayOf: notification.replayOf,
    attempts: store.notifications.attemptsOf(notification.id).map((attempt) => ({
      at: iso(attempt.atMs),
      nonce: attempt.nonce,
      headers: attempt.headers,
      body: attempt.body,
      status: attempt.status,
      responseBody: attempt.responseBody,
      error: attempt.error,
      durationMs: Math.round(attempt.durationMs * 1000) / 1000,
    })),
  };
}

/** A signing key without its private half: which kid, since when, until when it is served. */
function keyView(key: JwtKey): Record<string, unknown> {
  return {
    kid: key.kid,
    dataCenter: key.dataCenter,
    current: key.retiredMs === null,
    created: iso(key.createdMs),
    retired: iso(key.retiredMs),
    servedUntil: key.retiredMs === null ? null : iso(key.retiredMs + retiredKeyServedMs),
  };
}

/**
 * /__admin/webhooks: a site's webhooks (set, list, delete), their notifications with every
 * attempt, replay of a notification, and the data centers' signing keys with their rotation.
 */
export function webhookRoutes({ store, clock, webhooks }: FakeGigyaDeps): Hono {
  const routes = new Hono();

  routes.get('/', (c) => {
    const site = existingSite(store, parseQuery(c, siteQuery).apiKey);
    return c.json({ webhooks: store.webhooks.ofSite(site.apiKey).map((webhook) => webhookStatusView(store, webhook)) });
  });

  // The same rules as accounts.webhooks.set: an existing name is updated, a new one needs url and events.
  routes.post('/', async (c) => {
    const { apiKey, ...input } = await parseBody(c, setBody);
    const site = existingSite(store, apiKey);
    const existed = store.webhooks.byName(site.apiKey, input.name) !== null;
    const webhook = await store.write(() => setWebhook(store, site, input, clock.now()));
    return c.json(webhookStatusView(store, webhook), existed ? 200 : 201);
  });

  routes.delete('/', async (c) => {
    const { apiKey, name } = parseQuery(c, namedQuery);
    const site = existingSite(store, apiKey);
    const webhook = store.webhooks.byName(site.apiKey, name);
    if (webhook === null) throw AdminError.notFound(`webhook ${name}`);
    await store.write(() => store.webhooks.remove(webhook.id));
    return c.json({ deleted: name });
  });

  routes.get('/notifications', (c) => {
    const query = parseQuery(c, notificationsQuery);
    const site = existingSite(store, query.apiKey);
    let listed: WebhookNotification[];
    if (query.name === undefined) listed = store.notifications.ofSite(site.apiKey, query.limit);
    else {
      const webhook = store.webhooks.byName(site.apiKey, query.name);
      if (webhook === null) throw AdminError.notFound(`webhook ${query.name}`);
      listed = store.notifications.ofWebhook(webhook.id, query.limit);
    }
    return c.json({ notifications: listed.map((notification) => notificationView(store, notification)) });
  });

  const existingNotification = (raw: string): WebhookNotification => {
    const id = notificationId.safeParse(raw);
    const notification = id.success ? store.notifications.get(id.data) : null;
    if (notification === null) throw AdminError.notFound(`notification ${raw.slice(0, 40)}`);
    return notification;
  };

  routes.get('/notifications/:id', (c) => c.json(notificationView(store, existingNotification(c.req.param('id')))));

  // A copy queued behind the webhook's pending notifications, sent with a new nonce and signature.
  routes.post('/notifications/:id/replay', async (c) => {
    const original = existingNotification(c.req.param('id'));
    const replayed = webhooks
      ? await webhooks.replay(original.id)
      : await store.write(() => replayNotification(store, original.id, clock.now()));
    if (replayed === null) throw AdminError.notFound(`notification ${original.id}`);
    return c.json(notificationView(store, replayed), 202);
  });

  routes.get('/keys', async (c) => {
    const { dataCenter } = parseQuery(c, z.object(dataCenterField).strict());
    const keys = await keyRingOf(store, clock).served(dataCenter);
    return c.json({ dataCenter, keys: keys.map(keyView) });
  });

  // The new key signs from now on; the previous kid stays in accounts.getJWTPublicKey?V2=true for a day.
  routes.post('/keys/rotate', async (c) => {
    const { dataCenter } = await parseBody(c, z.object(dataCenterField).strict());
    const ring = keyRingOf(store, clock);
    const previous = await ring.current(dataCenter);
    const current = await ring.rotate(dataCenter);
    const retired = (await ring.served(dataCenter)).find((key) => key.kid === previous.kid) ?? previous;
    return c.json({ dataCenter, current: keyView(current), previous: keyView(retired) }, 201);
  });

  return routes;
}
