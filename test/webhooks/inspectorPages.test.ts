import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Testbed } from '../../server/testing/testbed.js';
import { inspectorCss } from '../../server/ui/styles.js';
import { WebhookReceiver } from './receiver.js';

// The inspector's webhooks pages: what was sent, what the receiver answered, what waits, and
// replay through the inspector's form guard.

const ui = '/__admin/ui';
const sameOrigin = { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' };

let testbed: Testbed;
let receiver: WebhookReceiver;

beforeEach(async () => {
  testbed = new Testbed({ site: { name: 'shop', policies: { webhookRetryDelaysMs: [30_000] } }, logError: () => {} });
  receiver = await WebhookReceiver.start();
  const set = await testbed.server('accounts.webhooks.set', {
    name: 'crm',
    url: receiver.url,
    events: 'accountCreated,accountUpdated',
    headers: JSON.stringify({ 'X-Receiver-Token': 'receiver-secret-1' }),
  });
  expect(set.errorCode).toBe(0);
});

afterEach(async () => {
  await receiver.close();
  testbed.close();
});

async function page(path: string, init?: RequestInit): Promise<{ status: number; html: string; response: Response }> {
  const response = await testbed.request(path, init);
  return { status: response.status, html: await response.text(), response };
}

const sitePage = (rest: string) => `${ui}/sites/${encodeURIComponent(testbed.site.apiKey)}/${rest}`;
const headersWithoutScope = (html: string) => (html.match(/<th\b[^>]*>/g) ?? []).filter((tag) => !/scope="(col|row)"/.test(tag));

describe('the webhooks page', () => {
  it('lists the webhooks and each notification with its events, last answer and next attempt, never a header value', async () => {
    receiver.answer(503);
    const jane = (await testbed.liteSubmit({ email: 'jane@example.com' })).body.UID as string;
    await testbed.webhooks.drain();

    const { status, html, response } = await page(sitePage('webhooks'));
    expect(status).toBe(200);
    expect(html).toContain(`<th scope="row">crm</th>`);
    expect(html).toContain(receiver.url);
    expect(html).toContain('X-Receiver-Token: [redacted]');
    expect(html).not.toContain('receiver-secret-1');
    expect(html).toContain('<span class="badge removed">pending</span>');
    expect(html).toContain('<span class="badge error">HTTP 503</span>');
    expect(html).toContain(`accountCreated <a href="${ui}/sites/${testbed.site.apiKey}/accounts/${jane}">`);
    // The next attempt is the retry schedule's first wait after the refusal.
    expect(html).toContain(`<time datetime="${new Date(testbed.clock.now() + 30_000).toISOString()}">`);
    expect(headersWithoutScope(html)).toEqual([]);
    expect(html).toContain(`<a href="${sitePage('webhooks')}">Webhooks</a>`);
    // The one stylesheet the CSP allows, unchanged.
    const styleHash = `'sha256-${createHash('sha256').update(inspectorCss, 'utf8').digest('base64')}'`;
    expect(response.headers.get('content-security-policy')).toContain(`style-src ${styleHash}`);
    expect(html).toContain(`<style>${inspectorCss}</style>`);
  });

  it('says when a site has no webhook yet', async () => {
    await testbed.server('accounts.webhooks.delete', { name: 'crm' });
    const { html } = await page(sitePage('webhooks'));
    expect(html).toContain('None: set one with accounts.webhooks.set');
    expect(html).toContain('None sent yet.');
  });
});

describe('a notification page', () => {
  it('shows every attempt: headers with the signature, custom values redacted, the raw body and the answer', async () => {
    receiver.answer(503);
    await testbed.liteSubmit({ email: 'jane@example.com' });
    await testbed.webhooks.drain();
    testbed.clock.advance(30_000);
    await testbed.webhooks.drain();
    const [notification] = testbed.store.notifications.ofSite(testbed.site.apiKey);

    const { status, html } = await page(sitePage(`webhooks/notifications/${notification!.id}`));
    expect(status).toBe(200);
    expect(html).toContain('<span class="badge created">delivered</span>');
    expect(html).toContain('Attempts (2)');
    expect(html).toContain('<span class="badge error">HTTP 503</span>');
    expect(html).toContain('<span>HTTP 200</span>');
    expect(html).toContain('not now');
    expect(html).toContain(receiver.received[1]!.headers['x-gigya-sig-jwt'] as string);
    expect(html).toContain('[redacted]');
    expect(html).not.toContain('receiver-secret-1');
    // The body as sent, HTML-escaped: the same bytes the receiver got.
    const escaped = receiver.received[1]!.raw.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
    expect(html).toContain(escaped);
    expect(headersWithoutScope(html)).toEqual([]);
  });

  it("answers 404 for an unknown id and for another site's notification", async () => {
    await testbed.liteSubmit({ email: 'jane@example.com' });
    await testbed.webhooks.drain();
    const [notification] = testbed.store.notifications.ofSite(testbed.site.apiKey);
    expect((await page(sitePage('webhooks/notifications/999999'))).status).toBe(404);
    expect((await page(sitePage('webhooks/notifications/abc'))).status).toBe(404);
    const other = await testbed.admin('POST', '/sites', { name: 'other' });
    const foreign = await page(`${ui}/sites/${encodeURIComponent(other.body.apiKey)}/webhooks/notifications/${notification!.id}`);
    expect(foreign.status).toBe(404);
    expect(foreign.html).toContain('No notification');
  });
});

describe('replay', () => {
  it('queues a copy from a form post and sends it with a new nonce', async () => {
    await testbed.liteSubmit({ email: 'jane@example.com' });
    await testbed.webhooks.drain();
    const [notification] = testbed.store.notifications.ofSite(testbed.site.apiKey);
    const listed = await page(sitePage('webhooks'));
    const action = sitePage(`webhooks/notifications/${notification!.id}/replay`);
    expect(listed.html).toContain(`<form method="post" action="${action}">`);

    const posted = await page(action, { method: 'POST', headers: sameOrigin });
    expect(posted.status).toBe(303);
    const copy = testbed.store.notifications.ofSite(testbed.site.apiKey)[0]!;
    expect(copy.replayOf).toBe(notification!.id);
    expect(posted.response.headers.get('location')).toBe(sitePage(`webhooks/notifications/${copy.id}`));
    await testbed.webhooks.drain();
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[1]!.body.events).toEqual(receiver.received[0]!.body.events);
    expect(receiver.received[1]!.body.nonce).not.toBe(receiver.received[0]!.body.nonce);
    expect((await page(sitePage(`webhooks/notifications/${copy.id}`))).html).toContain(`#${notification!.id}</a>`);
  });

  it('refuses a cross-site form post and queues nothing', async () => {
    await testbed.liteSubmit({ email: 'jane@example.com' });
    await testbed.webhooks.drain();
    const [notification] = testbed.store.notifications.ofSite(testbed.site.apiKey);
    const posted = await page(sitePage(`webhooks/notifications/${notification!.id}/replay`), {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(posted.status).toBe(403);
    expect(testbed.store.notifications.ofSite(testbed.site.apiKey)).toHaveLength(1);
  });
});

describe('the account page', () => {
  it("lists that account's webhook events, newest first, and no other account's", async () => {
    const jane = (await testbed.liteSubmit({ email: 'jane@example.com', firstName: 'Jane' })).body.UID as string;
    await testbed.server('accounts.setAccountInfo', { UID: jane, profile: JSON.stringify({ firstName: 'Janet' }) });
    const john = (await testbed.liteSubmit({ email: 'john@example.com' })).body.UID as string;

    const { html } = await page(sitePage(`accounts/${jane}`));
    expect(html).toContain('Webhook events (2)');
    const section = html.slice(html.indexOf('Webhook events'));
    expect([...section.matchAll(/<th scope="row">(account\w+)<\/th>/g)].map((match) => match[1])).toEqual(['accountUpdated', 'accountCreated']);
    const johnEvents = testbed.store.accountEvents.ofAccount(testbed.site.apiKey, john);
    expect(html).not.toContain(johnEvents[0]!.id);
  });
});
