import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Testbed } from '../testing/testbed.js';

let bed: Testbed;
beforeEach(() => {
  bed = new Testbed();
});
afterEach(() => bed.close());

describe('accounts.finalizeRegistration', () => {
  it('finalizes a pending registration and opens a session', async () => {
    const pending = await bed.server('accounts.register', { email: 'ann@example.com', password: 'correct-horse-1' });
    const body = await bed.anonymous('accounts.finalizeRegistration', { regToken: pending.regToken });
    expect(body).toMatchObject({ errorCode: 0, UID: pending.UID, isRegistered: true, newUser: true, sessionInfo: { cookieValue: expect.any(String) } });
    expect(bed.store.accounts.get(bed.site.apiKey, pending.UID)).toMatchObject({ isRegistered: true, registeredMs: bed.clock.now() });
  });

  it('returns a mobile session with targetEnv=mobile', async () => {
    const pending = await bed.server('accounts.register', { email: 'ann@example.com', password: 'correct-horse-1' });
    const body = await bed.anonymous('accounts.finalizeRegistration', { regToken: pending.regToken, targetEnv: 'mobile' });
    expect(body.sessionInfo).toEqual({ sessionToken: expect.stringMatching(/^st2\./), sessionSecret: expect.any(String) });
  });

  it('says newUser false when the account was already finalized', async () => {
    const pending = await bed.server('accounts.register', { email: 'ann@example.com', password: 'correct-horse-1' });
    await bed.anonymous('accounts.finalizeRegistration', { regToken: pending.regToken });
    const again = await bed.anonymous('accounts.finalizeRegistration', { regToken: pending.regToken });
    expect(again).toMatchObject({ errorCode: 0, newUser: false });
  });

  it('answers a lite regToken with 400006', async () => {
    const { regToken } = await bed.liteSubmit({ email: 'lite@example.com' });
    expect((await bed.anonymous('accounts.finalizeRegistration', { regToken })).errorCode).toBe(400006);
  });

  it('answers an unknown regToken with 400006', async () => {
    expect((await bed.anonymous('accounts.finalizeRegistration', { regToken: 'RT1_nope' })).errorCode).toBe(400006);
  });

  it('answers a missing regToken with 400002', async () => {
    expect((await bed.anonymous('accounts.finalizeRegistration')).errorCode).toBe(400002);
  });
});
