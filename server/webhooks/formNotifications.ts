import type { Store } from '../store/index.js';
import type { WebhookNotification } from '../store/webhookNotifications.js';
import { maxEventsPerNotification, renderEvent } from './renderEvents.js';

/** How many outbox events one formation reads at most, matching or not: keeps a write short. */
const maxScanned = 5_000;

/**
 * Gathers a webhook's next events (up to 100, in outbox order) into a notification and moves
 * its cursor past them, in the caller's transaction. Answers the webhook's pending
 * notifications, oldest first. `reorder` (a delivery fault) splits the batch in two by UID and
 * queues the later UIDs first: per-UID order holds, the order across UIDs does not.
 */
export function formNotifications(store: Store, webhookId: number, nowMs: number, reorder = false): WebhookNotification[] {
  const webhook = store.webhooks.get(webhookId);
  if (webhook === null || !webhook.active) return [];
  const pending = store.notifications.pendingOf(webhookId);
  if (pending.length > 0) return pending;
  let cursor = webhook.eventCursor;
  const picked: Array<{ event: Record<string, unknown>; uid: string }> = [];
  scan: for (let scanned = 0; scanned < maxScanned; ) {
    const events = store.accountEvents.after(webhook.site, cursor, 1000);
    if (events.length === 0) break;
    for (const event of events) {
      scanned++;
      cursor = event.seq;
      const rendered = renderEvent(event, webhook);
      if (rendered !== null) picked.push({ event: rendered, uid: event.uid });
      if (picked.length === maxEventsPerNotification) break scan;
    }
  }
  if (cursor !== webhook.eventCursor) store.webhooks.setCursor(webhook.id, cursor);
  if (picked.length === 0) return [];
  const uids = [...new Set(picked.map((item) => item.uid))];
  const create = (items: typeof picked) =>
    store.notifications.create({
      webhook: webhook.id,
      site: webhook.site,
      events: items.map((item) => item.event),
      uids: [...new Set(items.map((item) => item.uid))],
      nowMs,
    });
  if (reorder && uids.length >= 2) {
    const later = create(picked.filter((item) => item.uid !== uids[0]));
    const earlier = create(picked.filter((item) => item.uid === uids[0]));
    return [later, earlier];
  }
  return [create(picked)];
}

/** A copy of a notification, queued behind the webhook's pending ones (the inspector's replay). */
export function replayNotification(store: Store, notificationId: number, nowMs: number): WebhookNotification | null {
  const original = store.notifications.get(notificationId);
  if (original === null) return null;
  return store.notifications.create({
    webhook: original.webhook,
    site: original.site,
    events: original.events,
    uids: original.uids,
    nowMs,
    replayOf: original.id,
  });
}
