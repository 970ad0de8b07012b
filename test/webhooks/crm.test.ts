import { generateKeyPairSync, sign } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeGigya, type RunningFakeGigya } from '../../server/embedded.js';
import { Crm } from '../../scenarios/crm.js';

// The scenarios' CRM as a receiver must be: it refuses what Gigya did not sign, applies a
// duplicate once, and follows a key rotation. Loopback only.

let fake: RunningFakeGigya;
let crm: Crm;

beforeEach(async () => {
  fake = await startFakeGigya();
  crm = await Crm.start(fake);
  await crm.subscribe();
});

afterEach(async () => {
  await fake.close();
  await crm.close();
});

async function call(method: string, params: Record<string, string>): Promise<Record<string, unknown>> {
  const { apiKey, userKey, secret } = fake.site;
  const response = await fetch(`${fake.baseUrl}/${method}`, { method: 'POST', body: new URLSearchParams({ apiKey, userKey, secret, ...params }) });
  return (await response.json()) as Record<string, unknown>;
}

async function importLite(email: string, firstName: string): Promise<string> {
  expect((await call('accounts.importLiteAccount', { email, profile: JSON.stringify({ firstName }) })).errorCode).toBe(0);
  await fake.webhooks.drain();
  return (await fake.admin.accounts(fake.site.apiKey, { email })).accounts[0]!.UID;
}

describe('the CRM receiver', () => {
  it('copies each account the webhook tells it of, verified with the published keys', async () => {
    const uid = await importLite('ann@example.com', 'Ann');
    expect(crm.customer(uid)).toMatchObject({ email: 'ann@example.com', firstName: 'Ann', lastEvent: 'accountCreated' });
    expect({ accepted: crm.accepted, refused: crm.refused }).toEqual({ accepted: 1, refused: 0 });
  });

  it('answers 401 to a notification signed by another key, and to one with no signature, and applies neither', async () => {
    const body = JSON.stringify({ events: [{ type: 'accountCreated', id: 'e1', data: { uid: 'forged' } }], nonce: 'n1', timestamp: 1 });
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const input = `${part({ alg: 'RS256', kid: 'forged', typ: 'JWT' })}.${part({ iss: `https://fidm.gigya.com/jwt/${fake.site.apiKey}/`, jti: 'n1' })}`;
    const forged = `${input}.${sign('sha256', Buffer.from(input), privateKey).toString('base64url')}`;
    const signed = await fetch(crm.url, { method: 'POST', headers: { 'x-gigya-sig-jwt': forged, 'content-type': 'application/json' }, body });
    expect(signed.status).toBe(401);
    const unsigned = await fetch(crm.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(unsigned.status).toBe(401);
    expect(crm.customer('forged')).toBeUndefined();
    expect(crm.refused).toBe(2);
  });

  it('applies a duplicated notification once', async () => {
    await fake.admin.addFault({ kind: 'webhookDuplicate', apiKey: fake.site.apiKey, times: 1 });
    const uid = await importLite('ann@example.com', 'Ann');
    expect(crm.accepted).toBe(2);
    expect(crm.customer(uid)?.firstName).toBe('Ann');
    // The same bytes twice, one copy of the account: the second POST's event id was already applied.
    expect(await fake.admin.journalCount({ apiKey: fake.site.apiKey, method: 'accounts.getAccountInfo' })).toBe(1);
  });

  it('follows a key rotation: a notification under a new kid is verified after fetching the keys again', async () => {
    await importLite('ann@example.com', 'Ann');
    expect((await fake.admin.request('POST', '/webhooks/keys/rotate', { dataCenter: fake.site.dataCenter })) as object).toHaveProperty('previous');
    const uid = await importLite('bob@example.com', 'Bob');
    expect(crm.customer(uid)).toMatchObject({ firstName: 'Bob' });
    expect({ accepted: crm.accepted, refused: crm.refused }).toEqual({ accepted: 2, refused: 0 });
  });
});
