import { z } from 'zod';
import { boolean, jsonObject, list, required, text } from '../protocol/codecs.js';
import { GigyaError } from '../protocol/errors.js';
import { gigyaMethod, type GigyaMethod, type MethodContext } from '../protocol/method.js';
import type { Webhook } from '../store/webhooks.js';
import { setWebhook, webhookInputSchema, webhookView } from './webhookSettings.js';

/** The webhook a call names by url (getStatus, as GD) or by name. */
function namedWebhook(context: MethodContext<{ url?: string; name?: string }>): Webhook {
  const { url, name } = context.params;
  if (!url && !name) throw GigyaError.missingParameter('url');
  const webhook = url ? context.store.webhooks.byUrl(context.site.apiKey, url) : context.store.webhooks.byName(context.site.apiKey, name!);
  if (webhook === null) throw GigyaError.of(404000, `No webhook with this ${url ? 'url' : 'name'}`);
  return webhook;
}

/** accounts.webhooks.set: creates a webhook, or updates the one with this name (GD). Server-side only. */
export const webhooksSet = gigyaMethod({
  name: 'accounts.webhooks.set',
  params: z.object({
    name: required(text),
    url: text,
    events: list,
    active: boolean,
    signingUserKey: text,
    version: text,
    headers: jsonObject,
  }),
  allowsClientSide: () => false,
  async handle(context) {
    const parsed = webhookInputSchema.safeParse(context.params);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw GigyaError.invalidParameter(String(issue.path[0] ?? 'name'), issue.message);
    }
    const webhook = await context.store.write(() => setWebhook(context.store, context.site, parsed.data, context.clock.now()));
    return webhookView(webhook);
  },
});

export const webhooksGetAll = gigyaMethod({
  name: 'accounts.webhooks.getAll',
  params: z.object({}),
  allowsClientSide: () => false,
  handle(context) {
    return { webhooks: context.store.webhooks.ofSite(context.site.apiKey).map(webhookView) };
  },
});

export const webhooksDelete = gigyaMethod({
  name: 'accounts.webhooks.delete',
  params: z.object({ url: text, name: text }),
  allowsClientSide: () => false,
  async handle(context) {
    const webhook = namedWebhook(context);
    await context.store.write(() => context.store.webhooks.remove(webhook.id));
    return {};
  },
});

/**
 * accounts.webhooks.getStatus: "the time the last bulk was sent … and the status received for
 * them from the downstream system" (GD), plus the queue behind it.
 */
export const webhooksGetStatus = gigyaMethod({
  name: 'accounts.webhooks.getStatus',
  params: z.object({ url: text, name: text }),
  allowsClientSide: () => false,
  handle(context) {
    const webhook = namedWebhook(context);
    const { notifications } = context.store;
    const last = notifications.lastAttemptOf(webhook.id);
    const head = notifications.pendingOf(webhook.id, 1)[0];
    return {
      name: webhook.name,
      url: webhook.url,
      active: webhook.active,
      lastSentTime: last ? new Date(last.atMs).toISOString() : null,
      lastStatusCode: last?.status ?? null,
      lastError: last?.error ?? null,
      pendingNotifications: notifications.countOf(webhook.id, 'pending'),
      deliveredNotifications: notifications.countOf(webhook.id, 'delivered'),
      failedNotifications: notifications.countOf(webhook.id, 'failed'),
      nextAttemptTime: head ? new Date(head.nextAttemptMs).toISOString() : null,
    };
  },
});

export const webhookMethods: readonly GigyaMethod[] = [webhooksSet, webhooksGetAll, webhooksDelete, webhooksGetStatus];
