import { createLocalJWKSet, jwtVerify, type JWK } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeGigya, type RunningFakeGigya } from '../../server/embedded.js';
import { WebhookReceiver } from './receiver.js';

// startFakeGigya delivers the webhooks it is started with, from the moment it listens.

let fake: RunningFakeGigya | undefined;
let receiver: WebhookReceiver;

beforeEach(async () => {
  receiver = await WebhookReceiver.start();
});

afterEach(async () => {
  await fake?.close();
  fake = undefined;
  await receiver.close();
});

async function call(method: string, params: Record<string, string>): Promise<Record<string, unknown>> {
  const response = await fetch(`${fake!.baseUrl}/${method}`, { method: 'POST', body: new URLSearchParams(params) });
  return (await response.json()) as Record<string, unknown>;
}

describe('startFakeGigya webhooks', () => {
  it('sends the configured webhook a signed notification of each write, verifiable with the published keys', async () => {
    fake = await startFakeGigya({ webhooks: [{ name: 'crm', url: receiver.url, events: ['accountCreated', 'accountUpdated'] }] });
    const { apiKey, userKey, secret } = fake.site;
    const imported = await call('accounts.importLiteAccount', { apiKey, userKey, secret, email: 'ann@example.com' });
    expect(imported.errorCode).toBe(0);

    const [account] = (await fake.admin.accounts(apiKey)).accounts;
    const [notification] = await receiver.until(1);
    expect(notification!.body.events).toMatchObject([{ type: 'accountCreated', apiKey, data: { accountType: 'lite', uid: account!.UID } }]);
    const published = await call('accounts.getJWTPublicKey', { apiKey, V2: 'true' });
    const { payload } = await jwtVerify(notification!.headers['x-gigya-sig-jwt'] as string, createLocalJWKSet({ keys: published.keys as JWK[] }), {
      issuer: `https://fidm.gigya.com/jwt/${apiKey}/`,
    });
    expect(payload.jti).toBe(notification!.body.nonce);

    const listed = await call('accounts.webhooks.getAll', { apiKey, userKey, secret });
    expect(listed.webhooks).toMatchObject([{ name: 'crm', url: receiver.url, version: '2.0', active: true }]);
  });

  it('restores its webhooks on reset(), and close() stops delivery before it closes the store', async () => {
    fake = await startFakeGigya({ webhooks: [{ name: 'crm', url: receiver.url, events: ['accountCreated'] }] });
    const { apiKey, userKey, secret } = fake.site;
    expect((await call('accounts.webhooks.delete', { apiKey, userKey, secret, name: 'crm' })).errorCode).toBe(0);
    fake.reset();
    await call('accounts.importLiteAccount', { apiKey, userKey, secret, email: 'ann@example.com' });
    await receiver.until(1);

    const store = fake.store;
    await fake.close();
    fake = undefined;
    // The store is closed with the fake: nothing is left to send from, and no delivery loop is left running.
    expect(() => store.webhooks.all()).toThrow();
    expect(receiver.received).toHaveLength(1);
  });

  it('refuses a webhook it cannot deliver to before it listens', async () => {
    await expect(startFakeGigya({ webhooks: [{ name: 'crm', url: 'ftp://127.0.0.1/x', events: ['accountCreated'] }] })).rejects.toThrow(/url/);
  });
});
