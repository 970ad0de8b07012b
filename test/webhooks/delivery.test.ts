import { createHash, createHmac } from 'node:crypto';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Testbed } from '../../server/testing/testbed.js';
import { WebhookReceiver } from './receiver.js';

// Webhook notifications checked from the receiver's side, with jose and node:crypto only:
// never with the fake's own signer.

let testbed: Testbed;
let receiver: WebhookReceiver;

beforeEach(async () => {
  testbed = new Testbed({ site: { dataCenter: 'eu1', policies: { webhookRetryDelaysMs: [1_000, 5_000] } } });
  receiver = await WebhookReceiver.start();
});

afterEach(async () => {
  await receiver.close();
  testbed.close();
});

async function setWebhook(params: Record<string, string> = {}): Promise<void> {
  const body = await testbed.server('accounts.webhooks.set', {
    name: 'crm',
    url: receiver.url,
    events: 'accountCreated,accountRegistered,accountUpdated,accountDeleted,accountLoggedIn,accountProgressed,subscriptionUpdated',
    ...params,
  });
  expect(body.errorCode).toBe(0);
}

async function jwks(): Promise<JSONWebKeySet> {
  const body = await testbed.anonymous('accounts.getJWTPublicKey', { V2: 'true' });
  return { keys: body.keys };
}

describe('version 2.0 notifications', () => {
  it('POSTs the events of a lite submission, signed with a JWT a receiver verifies with the published key', async () => {
    await setWebhook();
    const { body } = await testbed.liteSubmit({ email: 'jane@example.com', firstName: 'Jane' });
    await testbed.webhooks.drain();

    expect(receiver.received).toHaveLength(1);
    const [notification] = receiver.received;
    const { events, nonce, timestamp } = notification!.body;
    expect(events.map((event) => event.type)).toEqual(['accountCreated']);
    expect(events[0]).toMatchObject({ version: '2.0', apiKey: testbed.site.apiKey, data: { accountType: 'lite', uid: body.UID } });
    expect(events[0]!.callId).toMatch(/^[0-9a-f]{32}$/);
    expect(notification!.headers['content-type']).toBe('application/json');

    const token = notification!.headers['x-gigya-sig-jwt'] as string;
    const header = decodeProtectedHeader(token);
    expect(header).toMatchObject({ alg: 'RS256', typ: 'JWT', dc: 'eu1' });
    const { payload } = await jwtVerify(token, createLocalJWKSet(await jwks()), {
      issuer: `https://fidm.gigya.com/jwt/${testbed.site.apiKey}/`,
      currentDate: new Date(testbed.clock.now()),
    });
    expect(payload.jti).toBe(nonce);
    expect(payload.iat).toBe(timestamp);
    expect(payload.exp).toBe(timestamp + 60);
    expect(payload.sub).toBe(createHash('sha256').update(notification!.raw).digest('base64url'));
  });

  it('reports a lite account that registers as accountProgressed, never a second accountCreated', async () => {
    await setWebhook();
    const { body } = await testbed.liteSubmit({ email: 'jane@example.com' });
    const lite = await testbed.server('accounts.getLiteToken', { email: 'jane@example.com' });
    const registered = await testbed.call('accounts.register', {
      apiKey: testbed.site.apiKey,
      email: 'jane@example.com',
      password: 'correct-horse-1',
      regToken: lite.token,
      finalizeRegistration: 'true',
    });
    expect(registered.errorCode).toBe(0);
    await testbed.webhooks.drain();
    expect(receiver.events().map((event) => [event.type, event.data.accountType, event.data.uid])).toEqual([
      ['accountCreated', 'lite', body.UID],
      ['accountProgressed', 'full', body.UID],
      ['accountRegistered', 'full', body.UID],
    ]);
  });

  it('sends accountUpdated when a write changes a full account, and accountLoggedIn alone for a login', async () => {
    await setWebhook();
    const full = await testbed.registerFull('john@example.com', 'correct-horse-1', { firstName: 'John' });
    await testbed.server('accounts.setAccountInfo', { UID: full.UID, profile: JSON.stringify({ firstName: 'Jane' }) });
    await testbed.anonymous('accounts.login', { loginID: 'john@example.com', password: 'correct-horse-1' });
    await testbed.server('accounts.setAccountInfo', { UID: full.UID, subscriptions: JSON.stringify({ news: { email: { isSubscribed: true } } }) });
    await testbed.server('accounts.deleteAccount', { UID: full.UID });
    await testbed.webhooks.drain();
    expect(receiver.events().map((event) => event.type)).toEqual([
      'accountCreated',
      'accountRegistered',
      'accountUpdated',
      'accountLoggedIn',
      'subscriptionUpdated',
      'accountDeleted',
    ]);
  });
});

describe('versions 1.x', () => {
  it('signs 1.1 with X-Gigya-Sig-Hmac-Sha1 over the raw body, keyed by the base64-decoded secret', async () => {
    await setWebhook({ version: '1.1', signingUserKey: testbed.site.userKey });
    await testbed.liteSubmit({ email: 'jane@example.com' });
    await testbed.webhooks.drain();
    const [notification] = receiver.received;
    const expected = createHmac('sha1', Buffer.from(testbed.site.secret, 'base64')).update(notification!.raw).digest('base64');
    expect(notification!.headers['x-gigya-sig-hmac-sha1']).toBe(expected);
    expect(notification!.headers['x-gigya-sig-jwt']).toBeUndefined();
    expect(notification!.body.events[0]).toMatchObject({ type: 'accountCreated', version: '1.1', data: { accountType: 'lite' } });
  });

  it('tells a 1.0 webhook of full accounts only, with type, id, timestamp and data.uid', async () => {
    await setWebhook({ version: '1.0' });
    await testbed.liteSubmit({ email: 'jane@example.com' });
    const full = await testbed.registerFull('john@example.com');
    await testbed.webhooks.drain();
    const events = receiver.events();
    expect(events.map((event) => event.type)).toEqual(['accountCreated', 'accountRegistered']);
    expect(Object.keys(events[0]!).sort()).toEqual(['data', 'id', 'timestamp', 'type']);
    expect(events[0]!.data).toEqual({ uid: full.UID });
  });
});

describe('delivery', () => {
  it('retries a refused notification on the site schedule and keeps the events of one UID in order', async () => {
    await setWebhook();
    receiver.answer(500, 503);
    const { body } = await testbed.liteSubmit({ email: 'jane@example.com', firstName: 'Jane' });
    await testbed.server('accounts.setAccountInfo', { UID: body.UID, profile: JSON.stringify({ firstName: 'Janet' }) });
    await testbed.webhooks.drain();
    expect(receiver.received).toHaveLength(1);

    testbed.clock.advance(999);
    await testbed.webhooks.drain();
    expect(receiver.received).toHaveLength(1);
    testbed.clock.advance(1);
    await testbed.webhooks.drain();
    expect(receiver.received).toHaveLength(2);
    testbed.clock.advance(5_000);
    await testbed.webhooks.drain();

    const status = await testbed.server('accounts.webhooks.getStatus', { url: receiver.url });
    expect(status).toMatchObject({ lastStatusCode: 200, failedNotifications: 0, pendingNotifications: 0 });
    // Every attempt carried the same events; only the delivered one counts, and nothing overtook it.
    const ids = receiver.received.map((notification) => notification.body.events.map((event) => event.id));
    expect(new Set(ids.map((list) => list.join())).size).toBe(1);
    expect(receiver.received.at(-1)!.body.events.map((event) => event.type)).toEqual(['accountCreated', 'accountUpdated']);
    expect(new Set(receiver.received.map((notification) => notification.body.nonce)).size).toBe(3);
  });

  it('puts at most 100 events in one notification', async () => {
    await setWebhook({ events: 'accountCreated' });
    for (let index = 0; index < 150; index++) await testbed.liteSubmit({ email: `p${index}@example.com` });
    await testbed.webhooks.drain();
    expect(receiver.received.map((notification) => notification.body.events.length)).toEqual([100, 50]);
  });

  it('sends a new webhook only what happens after it is set, and an inactive one nothing', async () => {
    await testbed.liteSubmit({ email: 'before@example.com' });
    await setWebhook();
    await setWebhook({ active: 'false' });
    await testbed.liteSubmit({ email: 'while-inactive@example.com' });
    await testbed.webhooks.drain();
    await setWebhook({ active: 'true' });
    const { body } = await testbed.liteSubmit({ email: 'after@example.com' });
    await testbed.webhooks.drain();
    expect(receiver.events().map((event) => event.data.uid)).toEqual([body.UID]);
  });

  it('sends the custom headers and keeps their values out of the answers and the attempts', async () => {
    await setWebhook({ headers: JSON.stringify({ 'X-Receiver-Token': 'receiver-secret-1' }) });
    await testbed.liteSubmit({ email: 'jane@example.com' });
    await testbed.webhooks.drain();
    expect(receiver.received[0]!.headers['x-receiver-token']).toBe('receiver-secret-1');
    const all = await testbed.server('accounts.webhooks.getAll');
    expect(JSON.stringify(all)).not.toContain('receiver-secret-1');
    await testbed.store.settled();
    const journal = await testbed.admin('GET', `/journal?apiKey=${encodeURIComponent(testbed.site.apiKey)}`);
    expect(JSON.stringify(journal.body)).toContain('accounts.webhooks.set');
    expect(JSON.stringify(journal.body)).not.toContain('receiver-secret-1');
    const notification = testbed.store.notifications.ofSite(testbed.site.apiKey)[0]!;
    expect(JSON.stringify(testbed.store.notifications.attemptsOf(notification.id))).not.toContain('receiver-secret-1');
  });
});
