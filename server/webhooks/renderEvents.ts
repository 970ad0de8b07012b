import type { AccountEvent } from '../store/accountEvents.js';
import type { Webhook } from '../store/webhooks.js';

/** Gigya's bound on one notification (learning.sap.com: up to 100 events). */
export const maxEventsPerNotification = 100;

/**
 * An outbox event as this webhook's version shows it (gigya-api.md §13), or null when the
 * webhook does not get it: 1.0 hears of full accounts only, and to it a lite account turning
 * full is the account's creation; 1.1 and 2.0 hear of lite accounts too, with callId, version,
 * apiKey and data.accountType.
 */
export function renderEvent(event: AccountEvent, webhook: Webhook): Record<string, unknown> | null {
  const timestamp = Math.floor(event.atMs / 1000);
  if (webhook.version === '1.0') {
    if (event.accountType === 'lite') return null;
    const type = event.type === 'accountProgressed' ? 'accountCreated' : event.type;
    if (!webhook.events.includes(type)) return null;
    return { type, id: event.id, timestamp, data: { uid: event.uid } };
  }
  if (!webhook.events.includes(event.type)) return null;
  return {
    type: event.type,
    id: event.id,
    timestamp,
    ...(event.callId === null ? {} : { callId: event.callId }),
    version: webhook.version,
    apiKey: event.site,
    data: { accountType: event.accountType, uid: event.uid },
  };
}

/** The raw body of one attempt: the bytes that are signed and sent. */
export function notificationBody(events: ReadonlyArray<Record<string, unknown>>, nonce: string, timestamp: number): string {
  return JSON.stringify({ events, nonce, timestamp });
}
