import { Gigya, type GigyaResponse, type ProxyHttpRequest } from 'gigya';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGigya, type RunningFakeGigya } from '../../server/index.js';

// The most used Node client, unmodified except for where it sends requests: its constructor's
// third argument is the function it uses for HTTP (gigya-api.md §9 "Redirecting it").
// It still signs over the production host, as it would in production.

let fake: RunningFakeGigya;

function sdk(secret: string): Gigya {
  const toFake: ProxyHttpRequest = async <R>(endpoint: string, _host: string, params: object, headers?: Record<string, unknown>) => {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(params)) body.append(name, String(value));
    const response = await fetch(`${fake.baseUrl}/${endpoint}`, {
      method: 'POST',
      body,
      headers: headers?.authorization ? { authorization: String(headers.authorization) } : {},
    });
    return (await response.json()) as GigyaResponse & R;
  };
  const client = new Gigya(fake.site.apiKey, 'us1', toFake);
  return client.setCredentials({ userKey: fake.site.userKey, secret });
}

interface SdkError {
  errorCode: number;
}

beforeAll(async () => {
  fake = await startFakeGigya();
});
afterAll(async () => {
  await fake.close();
});

describe('the gigya npm SDK 3.0.1 in signed mode', () => {
  it('creates two lite accounts with two UIDs when one email submits twice', async () => {
    const gigya = sdk(fake.site.secret);
    const uids: string[] = [];
    for (const firstName of ['Jane', 'Janet']) {
      const { regToken } = await gigya.request<{ regToken: string }>('accounts.initRegistration', { isLite: true });
      const result = await gigya.request<{ UID: string }>('accounts.setAccountInfo', {
        regToken,
        profile: { email: 'jane@example.com', firstName },
      });
      uids.push(result.UID);
    }
    expect(uids[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(uids[1]).toMatch(/^[0-9a-f]{32}$/);
    expect(uids[0]).not.toBe(uids[1]);
  });

  it('reads a lite account back with getAccountInfo', async () => {
    const gigya = sdk(fake.site.secret);
    const { regToken } = await gigya.request<{ regToken: string }>('accounts.initRegistration', { isLite: true });
    const { UID } = await gigya.request<{ UID: string }>('accounts.setAccountInfo', {
      regToken,
      profile: { email: 'reader@example.com', firstName: 'Rea', lastName: 'Der' },
    });
    const account = await gigya.accounts.getAccountInfo({ UID, include: ['profile', 'data'] });
    expect(account.UID).toBe(UID);
    expect(account.profile).toMatchObject({ email: 'reader@example.com', firstName: 'Rea', lastName: 'Der' });
    expect(account.isRegistered).toBe(false);
  });

  it('fails with 403003 when the secret is wrong', async () => {
    const wrongSecret = Buffer.from('not the secret of this site').toString('base64');
    const gigya = sdk(wrongSecret);
    const error = (await gigya.request<{ regToken: string }>('accounts.initRegistration', { isLite: true }).catch((e: unknown) => e)) as SdkError;
    expect(error.errorCode).toBe(403003);
  });
});
