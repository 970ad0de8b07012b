import { z } from 'zod';
import { GigyaError } from '../protocol/errors.js';
import { redacted } from '../protocol/journalEntry.js';
import { accountEventTypes, type AccountEventType } from '../store/accountEvents.js';
import type { Store } from '../store/index.js';
import type { Site } from '../store/sites.js';
import { webhookVersions, type Webhook, type WebhookHeader, type WebhookVersion } from '../store/webhooks.js';

/** Headers the fake sets itself: a custom header may not replace them. */
const reservedHeaders = new Set(['content-type', 'content-length', 'host', 'connection', 'transfer-encoding', 'x-gigya-sig-jwt', 'x-gigya-sig-hmac-sha1']);
const headerName = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}$/;
export const maxHeaders = 20;

/** What configures a webhook, from any door (the Gigya methods, /__admin, seeds, startFakeGigya). */
export const webhookInputSchema = z
  .object({
    /** Unique per site, up to 100 characters (GD); an existing name updates that webhook. */
    name: z.string().min(1).max(100),
    url: z.string().min(1).max(2048).optional(),
    events: z.array(z.enum(accountEventTypes)).min(1).max(accountEventTypes.length).optional(),
    version: z.enum(webhookVersions).optional(),
    active: z.boolean().optional(),
    /** Blank = the site's first application key (the fake has no partner secret). */
    signingUserKey: z.string().max(200).nullable().optional(),
    headers: z.record(z.string(), z.string().max(1024)).optional(),
  })
  .strict();

export type WebhookInput = z.infer<typeof webhookInputSchema>;

/**
 * Creates or updates the webhook named `input.name`. Gigya wants HTTPS; the fake also takes
 * plain http (receivers in tests and on a laptop), and nothing else. It POSTs to whatever URL
 * a site's admin sets: the URL is configuration, not input from the Internet.
 */
export function setWebhook(store: Store, site: Site, input: WebhookInput, nowMs: number): Webhook {
  const existing = store.webhooks.byName(site.apiKey, input.name);
  const url = input.url === undefined ? undefined : checkedUrl(input.url);
  if (url !== undefined) {
    const holder = store.webhooks.byUrl(site.apiKey, url);
    if (holder !== null && holder.name !== input.name) {
      throw GigyaError.invalidParameter('url', `already used by the webhook '${holder.name}'; delete it first to rename`);
    }
  }
  const signingUserKey = input.signingUserKey === undefined ? undefined : checkedSigningKey(store, site, input.signingUserKey);
  const headers = input.headers === undefined ? undefined : checkedHeaders(input.headers);
  if (existing !== null) {
    const updated: Webhook = {
      ...existing,
      url: url ?? existing.url,
      events: input.events ?? existing.events,
      version: input.version ?? existing.version,
      active: input.active ?? existing.active,
      signingUserKey: signingUserKey === undefined ? existing.signingUserKey : signingUserKey,
      headers: headers ?? existing.headers,
      updatedMs: nowMs,
    };
    store.webhooks.update(updated);
    return updated;
  }
  if (url === undefined) throw GigyaError.missingParameter('url');
  if (input.events === undefined) throw GigyaError.missingParameter('events');
  return store.webhooks.create({
    site: site.apiKey,
    name: input.name,
    url,
    events: dedupe(input.events),
    version: input.version ?? '2.0',
    active: input.active ?? true,
    signingUserKey: signingUserKey ?? null,
    headers: headers ?? [],
    // A new webhook hears of what happens from now on, not of the site's past.
    eventCursor: store.accountEvents.lastSeq(),
    createdMs: nowMs,
    updatedMs: nowMs,
  });
}

/**
 * Makes a site's webhooks exactly these, in the caller's transaction: startFakeGigya's
 * `webhooks` at start and again on reset(). Inputs are checked as the Gigya method checks them.
 */
export function replaceWebhooks(store: Store, site: Site, inputs: readonly WebhookInput[], nowMs: number): Webhook[] {
  for (const webhook of store.webhooks.ofSite(site.apiKey)) store.webhooks.remove(webhook.id);
  return inputs.map((input) => setWebhook(store, site, webhookInputSchema.parse(input), nowMs));
}

function checkedUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw GigyaError.invalidParameter('url', 'not an absolute URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw GigyaError.invalidParameter('url', 'must be https (or http)');
  return raw;
}

function checkedSigningKey(store: Store, site: Site, userKey: string | null): string | null {
  if (userKey === null || userKey === '') return null;
  const key = store.sites.appKey(userKey);
  if (key === null || key.site !== site.apiKey) throw GigyaError.invalidParameter('signingUserKey', 'not an application key of this site');
  return userKey;
}

function checkedHeaders(headers: Record<string, string>): WebhookHeader[] {
  const entries = Object.entries(headers);
  if (entries.length > maxHeaders) throw GigyaError.invalidParameter('headers', `at most ${maxHeaders} headers`);
  return entries.map(([name, value]) => {
    if (!headerName.test(name)) throw GigyaError.invalidParameter('headers', `'${name.slice(0, 64)}' is not a header name`);
    if (reservedHeaders.has(name.toLowerCase())) throw GigyaError.invalidParameter('headers', `'${name}' is set by Gigya itself`);
    if (/[\0\r\n]/.test(value) || value.length > 1024) throw GigyaError.invalidParameter('headers', `the value of '${name}' is not a header value`);
    return { name, value };
  });
}

function dedupe(events: readonly AccountEventType[]): AccountEventType[] {
  return [...new Set(events)];
}

/** The parts of a webhook its configuration methods show. */
export function webhookView(webhook: Webhook): Record<string, unknown> {
  return {
    name: webhook.name,
    url: webhook.url,
    events: webhook.events,
    version: webhook.version,
    active: webhook.active,
    signingUserKey: webhook.signingUserKey ?? '',
    // Custom header values often carry the receiver's credentials: they go to the receiver only.
    headers: Object.fromEntries(webhook.headers.map((header) => [header.name, redacted])),
    created: new Date(webhook.createdMs).toISOString(),
    lastUpdated: new Date(webhook.updatedMs).toISOString(),
  };
}

export type { WebhookVersion };
