import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGigya, type RunningFakeGigya } from '../../server/embedded.js';
import { post, signed } from './httpClient.js';

let gigya: RunningFakeGigya;
beforeAll(async () => {
  gigya = await startFakeGigya();
});
afterEach(() => gigya.reset());
afterAll(() => gigya.close());

/** One Qualifio form submit, signed as the connector does: initRegistration(isLite) then setAccountInfo(regToken). */
async function submit(profile: Record<string, unknown>): Promise<string> {
  const init = await post(gigya, 'accounts.initRegistration', signed(gigya, 'accounts.initRegistration', { isLite: 'true' }));
  const regToken = init.body.regToken as string;
  const write = await post(gigya, 'accounts.setAccountInfo', signed(gigya, 'accounts.setAccountInfo', { regToken, profile: JSON.stringify(profile) }));
  expect(write.body.errorCode).toBe(0);
  return write.body.UID as string;
}

describe('lite registration over real HTTP', () => {
  it('creates two lite accounts with two UIDs when one email submits twice', async () => {
    const first = await submit({ email: 'ann@example.com', firstName: 'Ann' });
    const second = await submit({ email: 'ann@example.com', firstName: 'Annie' });
    expect(second).not.toBe(first);
    expect(gigya.store.emailAccounts.get(gigya.site.apiKey, 'ann@example.com')).toMatchObject({ hasLiteAccount: true });
  });

  it('reads a lite account back with getAccountInfo by UID', async () => {
    const uid = await submit({ email: 'ann@example.com', firstName: 'Ann' });
    const { body } = await post(gigya, 'accounts.getAccountInfo', signed(gigya, 'accounts.getAccountInfo', { UID: uid }));
    expect(body).toMatchObject({ errorCode: 0, UID: uid, profile: { firstName: 'Ann' } });
  });

  it('forgets the accounts on reset while the credentials stay valid', async () => {
    const uid = await submit({ email: 'ann@example.com' });
    gigya.reset();
    const { body } = await post(gigya, 'accounts.getAccountInfo', signed(gigya, 'accounts.getAccountInfo', { UID: uid }));
    expect(body.errorCode).toBe(403005);
  });

  it('answers a lite submit with an invalid profile with 400009 naming the field', async () => {
    const init = await post(gigya, 'accounts.initRegistration', { apiKey: gigya.site.apiKey, isLite: 'true' });
    const { body } = await post(gigya, 'accounts.setAccountInfo', {
      apiKey: gigya.site.apiKey,
      regToken: init.body.regToken as string,
      profile: JSON.stringify({ email: 'ann@example.com', birthMonth: 13 }),
    });
    expect(body).toMatchObject({ errorCode: 400009, validationErrors: [{ fieldName: 'profile.birthMonth' }] });
  });
});
