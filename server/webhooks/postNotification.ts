import type { Clock } from '../protocol/method.js';
import type { JwtKey } from '../store/jwtKeys.js';
import type { Site } from '../store/sites.js';
import type { WebhookAttempt, WebhookNotification } from '../store/webhookNotifications.js';
import type { Webhook } from '../store/webhooks.js';
import { redacted } from '../protocol/journalEntry.js';
import { notificationBody } from './renderEvents.js';
import { notificationHmac, notificationJwt } from './signNotification.js';

/** How much of a receiver's answer is read and kept: enough to show why it refused. */
export const maxResponseBytes = 4096;

export interface PostInput {
  webhook: Webhook;
  notification: WebhookNotification;
  site: Site;
  /** The data center's key, for 2.0; null for 1.x. */
  key: JwtKey | null;
  /** The signing secret, for 1.x. */
  secret: string | null;
  clock: Clock;
  nonce: string;
  /** 2 sends the very same bytes twice (the duplicate fault). */
  times: number;
}

/** POSTs a notification's raw JSON body, signed, to the webhook URL; answers what happened. */
export async function postNotification(input: PostInput): Promise<{ delivered: boolean; attempts: Array<Omit<WebhookAttempt, 'id'>> }> {
  const { webhook, notification, site, key, secret, clock, nonce } = input;
  const timestamp = Math.floor(clock.now() / 1000);
  const body = notificationBody(notification.events, nonce, timestamp);
  const signature: Record<string, string> = {};
  if (key !== null) signature['x-gigya-sig-jwt'] = notificationJwt(key, site.apiKey, body, nonce, timestamp);
  else if (secret !== null) signature['X-Gigya-Sig-Hmac-Sha1'] = notificationHmac(secret, body);
  const custom = Object.fromEntries(webhook.headers.map((header) => [header.name, header.value]));
  const headers = { 'content-type': 'application/json', ...custom, ...signature };
  const shown = { 'content-type': 'application/json', ...Object.fromEntries(webhook.headers.map((header) => [header.name, redacted])), ...signature };
  const attempts: Array<Omit<WebhookAttempt, 'id'>> = [];
  let delivered = false;
  for (let time = 0; time < input.times; time++) {
    const atMs = clock.now();
    const started = performance.now();
    const answer = await post(webhook.url, body, headers, site.policies.webhookTimeoutMs);
    const ok = answer.status !== null && answer.status >= 200 && answer.status < 300;
    if (time === 0) delivered = ok;
    attempts.push({ notification: notification.id, atMs, nonce, body, headers: shown, ...answer, durationMs: performance.now() - started });
  }
  return { delivered, attempts };
}

async function post(
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<{ status: number | null; responseBody: string | null; error: string | null }> {
  try {
    // Redirects are not followed: a notification goes to the configured URL only.
    const response = await fetch(url, { method: 'POST', body, headers, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    return { status: response.status, responseBody: await readBounded(response), error: null };
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'TimeoutError' || name === 'AbortError') return { status: null, responseBody: null, error: `no answer within ${timeoutMs} ms` };
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : error instanceof Error ? error.message : 'unknown error';
    return { status: null, responseBody: null, error: `request failed: ${cause}`.slice(0, 300) };
  }
}

/** Reads at most maxResponseBytes of the answer, then drops the rest. */
async function readBounded(response: Response): Promise<string | null> {
  if (response.body === null) return null;
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < maxResponseBytes) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } catch {
    // A receiver that breaks off its answer: what arrived is enough to show.
  } finally {
    void reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks).subarray(0, maxResponseBytes).toString('utf8');
}
