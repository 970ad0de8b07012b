import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Testbed } from '../../server/testing/testbed.js';
import { WebhookReceiver } from './receiver.js';

// The delivery faults, seen from the receiver: what a receiver must survive (the same
// notification twice, a late one, two UIDs out of order) without the fake ever breaking a
// UID's own order.

let testbed: Testbed;
let receiver: WebhookReceiver;

beforeEach(async () => {
  testbed = new Testbed();
  receiver = await WebhookReceiver.start();
  const set = await testbed.server('accounts.webhooks.set', { name: 'crm', url: receiver.url, events: 'accountCreated,accountUpdated' });
  expect(set.errorCode).toBe(0);
});

afterEach(async () => {
  await receiver.close();
  testbed.close();
});

const fault = async (input: Record<string, unknown>) => {
  const added = await testbed.admin('POST', '/faults', { apiKey: testbed.site.apiKey, ...input });
  expect(added.status).toBe(201);
};

describe('webhook delivery faults', () => {
  it('webhookDuplicate POSTs the same bytes twice, signature and nonce included, and counts one delivery', async () => {
    await fault({ kind: 'webhookDuplicate', times: 1 });
    await testbed.liteSubmit({ email: 'jane@example.com' });
    await testbed.webhooks.drain();
    expect(receiver.received).toHaveLength(2);
    const [first, second] = receiver.received;
    expect(second!.raw).toBe(first!.raw);
    expect(second!.headers['x-gigya-sig-jwt']).toBe(first!.headers['x-gigya-sig-jwt']);

    // Spent after one notification: the next write is sent once.
    await testbed.liteSubmit({ email: 'john@example.com' });
    await testbed.webhooks.drain();
    expect(receiver.received).toHaveLength(3);
    const status = await testbed.server('accounts.webhooks.getStatus', { name: 'crm' });
    expect(status).toMatchObject({ deliveredNotifications: 2, pendingNotifications: 0 });
  });

  it('webhookDelay waits before it sends, through the injected sleep', async () => {
    await fault({ kind: 'webhookDelay', ms: 2_500, times: 1 });
    await testbed.liteSubmit({ email: 'jane@example.com' });
    await testbed.webhooks.drain();
    expect(testbed.slept).toEqual([2_500]);
    expect(receiver.received).toHaveLength(1);
  });

  it('webhookReorder sends the later UID first and keeps each UID in order', async () => {
    await fault({ kind: 'webhookReorder', times: 1 });
    const jane = (await testbed.liteSubmit({ email: 'jane@example.com', firstName: 'Jane' })).body.UID as string;
    await testbed.server('accounts.setAccountInfo', { UID: jane, profile: JSON.stringify({ firstName: 'Janet' }) });
    const john = (await testbed.liteSubmit({ email: 'john@example.com', firstName: 'John' })).body.UID as string;
    await testbed.server('accounts.setAccountInfo', { UID: john, profile: JSON.stringify({ firstName: 'Johnny' }) });
    await testbed.webhooks.drain();

    expect(receiver.received.map((notification) => notification.body.events.map((event) => event.data.uid))).toEqual([
      [john, john],
      [jane, jane],
    ]);
    expect(receiver.events().map((event) => `${event.data.uid === jane ? 'jane' : 'john'}:${event.type}`)).toEqual([
      'john:accountCreated',
      'john:accountUpdated',
      'jane:accountCreated',
      'jane:accountUpdated',
    ]);
  });

  it('keeps a UID in order under a refusal even when its notifications were reordered', async () => {
    await fault({ kind: 'webhookReorder', times: 1 });
    const jane = (await testbed.liteSubmit({ email: 'jane@example.com' })).body.UID as string;
    const john = (await testbed.liteSubmit({ email: 'john@example.com' })).body.UID as string;
    receiver.answer(500);
    await testbed.webhooks.drain();
    // John's notification was refused: Jane's waits behind it, and nothing about Jane is sent first.
    expect(receiver.events().map((event) => event.data.uid)).toEqual([john]);
    await testbed.server('accounts.setAccountInfo', { UID: jane, profile: JSON.stringify({ firstName: 'Jane' }) });
    testbed.clock.advance(60_000);
    await testbed.webhooks.drain();
    expect(receiver.events().map((event) => `${event.data.uid === jane ? 'jane' : 'john'}:${event.type}`)).toEqual([
      'john:accountCreated',
      'john:accountCreated',
      'jane:accountCreated',
      'jane:accountUpdated',
    ]);
  });

  it('acts on its own site only', async () => {
    const other = await testbed.admin('POST', '/sites', { name: 'other' });
    const { apiKey } = other.body;
    const { userKey, secret } = other.body.applicationKeys[0];
    const otherReceiver = await WebhookReceiver.start();
    try {
      await testbed.admin('POST', '/webhooks', { apiKey, name: 'crm', url: otherReceiver.url, events: ['accountCreated'] });
      await fault({ kind: 'webhookDuplicate' });
      expect((await testbed.call('accounts.importLiteAccount', { apiKey, userKey, secret, email: 'ann@example.com' })).errorCode).toBe(0);
      await testbed.liteSubmit({ email: 'jane@example.com' });
      await testbed.webhooks.drain();
      expect(otherReceiver.received).toHaveLength(1);
      expect(receiver.received).toHaveLength(2);
    } finally {
      await otherReceiver.close();
    }
  });
});
