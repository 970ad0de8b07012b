import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Testbed } from '../testing/testbed.js';

let bed: Testbed;
beforeEach(() => {
  bed = new Testbed();
});
afterEach(() => bed.close());

describe('accounts.initRegistration', () => {
  it('returns an RT1_ regToken', async () => {
    expect(await bed.anonymous('accounts.initRegistration')).toMatchObject({ errorCode: 0, regToken: expect.stringMatching(/^RT1_/) });
  });

  it('returns a new regToken on every call', async () => {
    const first = await bed.anonymous('accounts.initRegistration', { isLite: 'true' });
    const second = await bed.anonymous('accounts.initRegistration', { isLite: 'true' });
    expect(second.regToken).not.toBe(first.regToken);
  });

  it('stores a lite token valid one hour when isLite=true', async () => {
    const body = await bed.anonymous('accounts.initRegistration', { isLite: 'true' });
    expect(bed.store.regTokens.get(bed.site.apiKey, body.regToken)).toEqual({
      token: body.regToken,
      site: bed.site.apiKey,
      isLite: true,
      uid: null,
      expiresMs: bed.clock.now() + 3_600_000,
    });
  });

  it('stores a full-registration token without isLite', async () => {
    const body = await bed.anonymous('accounts.initRegistration');
    expect(bed.store.regTokens.get(bed.site.apiKey, body.regToken)?.isLite).toBe(false);
  });

  it('answers an isLite that is not a boolean with 400006', async () => {
    expect((await bed.anonymous('accounts.initRegistration', { isLite: 'sure' })).errorCode).toBe(400006);
  });

  it("answers another site's regToken as unknown (400006)", async () => {
    const other = bed.addSite({ name: 'other' });
    const body = await bed.anonymous('accounts.initRegistration', { isLite: 'true' }, other);
    const write = await bed.anonymous('accounts.setAccountInfo', { regToken: body.regToken, profile: '{"email":"a@b.c"}' });
    expect(write.errorCode).toBe(400006);
  });
});
