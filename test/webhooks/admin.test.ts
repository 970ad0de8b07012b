import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JWK } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Testbed } from '../../server/testing/testbed.js';
import { WebhookReceiver } from './receiver.js';

// /__admin/webhooks and the seed format: the same webhooks as accounts.webhooks.*, plus what
// only an emulator shows (every attempt, replay, key rotation).

let testbed: Testbed;
let receiver: WebhookReceiver;

beforeEach(async () => {
  testbed = new Testbed({ site: { policies: { webhookRetryDelaysMs: [1_000] } } });
  receiver = await WebhookReceiver.start();
});

afterEach(async () => {
  await receiver.close();
  testbed.close();
});

const hook = () => ({ apiKey: testbed.site.apiKey, name: 'crm', url: receiver.url, events: ['accountCreated', 'accountUpdated'] });

describe('/__admin/webhooks', () => {
  it('sets, lists and deletes a webhook, custom header values never shown', async () => {
    const created = await testbed.admin('POST', '/webhooks', { ...hook(), headers: { 'X-Receiver-Token': 'receiver-secret-1' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'crm', url: receiver.url, version: '2.0', active: true, pending: 0 });
    const updated = await testbed.admin('POST', '/webhooks', { apiKey: testbed.site.apiKey, name: 'crm', active: false });
    expect(updated.status).toBe(200);
    expect(updated.body.active).toBe(false);

    const listed = await testbed.admin('GET', `/webhooks?apiKey=${encodeURIComponent(testbed.site.apiKey)}`);
    expect(listed.body.webhooks).toMatchObject([{ name: 'crm', active: false, headers: { 'X-Receiver-Token': expect.any(String) } }]);
    expect(JSON.stringify(listed.body)).not.toContain('receiver-secret-1');
    // The Gigya method sees the webhook the admin API set.
    expect((await testbed.server('accounts.webhooks.getAll')).webhooks).toMatchObject([{ name: 'crm' }]);

    const deleted = await testbed.admin('DELETE', `/webhooks?apiKey=${encodeURIComponent(testbed.site.apiKey)}&name=crm`);
    expect(deleted).toEqual({ status: 200, body: { deleted: 'crm' } });
    expect((await testbed.admin('DELETE', `/webhooks?apiKey=${encodeURIComponent(testbed.site.apiKey)}&name=crm`)).status).toBe(404);
  });

  it('answers 400 with the problem for a webhook Gigya would refuse, and 404 for an unknown site', async () => {
    const noUrl = await testbed.admin('POST', '/webhooks', { apiKey: testbed.site.apiKey, name: 'crm', events: ['accountCreated'] });
    expect(noUrl.status).toBe(400);
    expect(JSON.stringify(noUrl.body)).toContain('url');
    const badEvent = await testbed.admin('POST', '/webhooks', { ...hook(), events: ['accountHacked'] });
    expect(badEvent.status).toBe(400);
    expect(badEvent.body.error.issues[0].path).toBe('events.0');
    const ftp = await testbed.admin('POST', '/webhooks', { ...hook(), url: 'ftp://127.0.0.1/x' });
    expect(ftp.status).toBe(400);
    expect((await testbed.admin('GET', '/webhooks?apiKey=3_nope')).status).toBe(404);
    expect((await testbed.admin('GET', '/webhooks/notifications/abc')).status).toBe(404);
  });

  it('lists notifications with every attempt and replays one with a new nonce', async () => {
    await testbed.admin('POST', '/webhooks', hook());
    receiver.answer(503);
    const { body } = await testbed.liteSubmit({ email: 'jane@example.com' });
    await testbed.webhooks.drain();
    testbed.clock.advance(1_000);
    await testbed.webhooks.drain();

    const listed = await testbed.admin('GET', `/webhooks/notifications?apiKey=${encodeURIComponent(testbed.site.apiKey)}&name=crm`);
    const [notification] = listed.body.notifications;
    expect(notification).toMatchObject({ webhook: 'crm', state: 'delivered', uids: [body.UID], events: [{ type: 'accountCreated' }] });
    expect(notification.attempts.map((attempt: { status: number }) => attempt.status)).toEqual([503, 200]);
    expect(notification.attempts[0]).toMatchObject({ responseBody: 'not now', headers: { 'content-type': 'application/json' } });
    expect(notification.attempts[1].body).toBe(receiver.received[1]!.raw);

    const replayed = await testbed.admin('POST', `/webhooks/notifications/${notification.id}/replay`);
    expect(replayed.status).toBe(202);
    expect(replayed.body).toMatchObject({ replayOf: notification.id, state: 'pending', events: notification.events });
    await testbed.webhooks.drain();
    expect(receiver.received).toHaveLength(3);
    expect(receiver.received[2]!.body.events).toEqual(receiver.received[1]!.body.events);
    expect(receiver.received[2]!.body.nonce).not.toBe(receiver.received[1]!.body.nonce);
    const one = await testbed.admin('GET', `/webhooks/notifications/${replayed.body.id}`);
    expect(one.body).toMatchObject({ state: 'delivered', attempts: [{ status: 200 }] });
  });

  it('refuses a cross-site replay like every admin write', async () => {
    await testbed.admin('POST', '/webhooks', hook());
    await testbed.liteSubmit({ email: 'jane@example.com' });
    await testbed.webhooks.drain();
    const [notification] = testbed.store.notifications.ofSite(testbed.site.apiKey);
    const attempt = await testbed.request(`/__admin/webhooks/notifications/${notification!.id}/replay`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' },
    });
    expect(attempt.status).toBe(403);
    expect(testbed.store.notifications.ofSite(testbed.site.apiKey)).toHaveLength(1);
  });
});

describe('/__admin/webhooks/keys', () => {
  it('rotates a data center key: the new kid signs, the previous one is served for a day, then gone', async () => {
    await testbed.admin('POST', '/webhooks', hook());
    const before = await testbed.admin('GET', '/webhooks/keys?dataCenter=us1');
    const previousKid = before.body.keys[0].kid;
    expect(before.body.keys).toEqual([expect.objectContaining({ current: true, retired: null, servedUntil: null })]);

    const rotated = await testbed.admin('POST', '/webhooks/keys/rotate', { dataCenter: 'us1' });
    expect(rotated.status).toBe(201);
    expect(rotated.body.previous).toMatchObject({ kid: previousKid, current: false });
    expect(rotated.body.current.kid).not.toBe(previousKid);
    expect(Date.parse(rotated.body.previous.servedUntil) - Date.parse(rotated.body.previous.retired)).toBe(24 * 60 * 60 * 1000);
    expect(JSON.stringify(rotated.body)).not.toMatch(/"d"|privateJwk/);

    const served = async () => (await testbed.anonymous('accounts.getJWTPublicKey', { V2: 'true' })).keys as JWK[];
    expect((await served()).map((key) => key.kid)).toEqual([rotated.body.current.kid, previousKid]);
    expect((await testbed.anonymous('accounts.getJWTPublicKey')).kid).toBe(rotated.body.current.kid);

    await testbed.liteSubmit({ email: 'jane@example.com' });
    await testbed.webhooks.drain();
    const token = receiver.received[0]!.headers['x-gigya-sig-jwt'] as string;
    expect(decodeProtectedHeader(token).kid).toBe(rotated.body.current.kid);
    await jwtVerify(token, createLocalJWKSet({ keys: await served() }), { currentDate: new Date(testbed.clock.now()) });

    testbed.clock.advance(24 * 60 * 60 * 1000);
    expect((await served()).map((key) => key.kid)).toEqual([rotated.body.current.kid, previousKid]);
    testbed.clock.advance(1);
    expect((await served()).map((key) => key.kid)).toEqual([rotated.body.current.kid]);
  });

  it('names the data centers it knows', async () => {
    const unknown = await testbed.admin('POST', '/webhooks/keys/rotate', { dataCenter: 'mars1' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.issues[0].path).toBe('dataCenter');
  });
});

describe('webhooks in a seed', () => {
  it('sets the seed webhooks after its accounts, so they hear of what happens next', async () => {
    const seeded = await testbed.admin('POST', '/seed', {
      sites: [{ apiKey: testbed.site.apiKey, accounts: [{ kind: 'lite', email: 'seeded@example.com' }], webhooks: [{ name: 'crm', url: receiver.url, events: ['accountCreated'] }] }],
    });
    expect(seeded.body).toMatchObject({ accounts: 1, webhooks: 1 });
    const { body } = await testbed.liteSubmit({ email: 'after@example.com' });
    await testbed.webhooks.drain();
    expect(receiver.events().map((event) => event.data.uid)).toEqual([body.UID]);
  });

  it('refuses a seed webhook Gigya would refuse, naming where it is', async () => {
    const refused = await testbed.admin('POST', '/seed', {
      sites: [{ apiKey: testbed.site.apiKey, webhooks: [{ name: 'crm', url: 'ftp://127.0.0.1/x', events: ['accountCreated'] }] }],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('sites.0.webhooks.0');
    expect(testbed.store.webhooks.ofSite(testbed.site.apiKey)).toEqual([]);
  });
});
