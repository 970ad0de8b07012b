import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Testbed } from '../testing/testbed.js';

let bed: Testbed;
beforeEach(() => {
  bed = new Testbed();
});
afterEach(() => bed.close());

describe('accounts.getLiteToken', () => {
  it('returns a token that updates the lite account as a regToken', async () => {
    const { body } = await bed.liteSubmit({ email: 'ann@example.com', firstName: 'Ann' });
    const { token } = await bed.server('accounts.getLiteToken', { email: 'ann@example.com' });
    const write = await bed.anonymous('accounts.setAccountInfo', { regToken: token, profile: '{"lastName":"Lee"}' });
    expect(write).toMatchObject({ errorCode: 0, UID: body.UID });
    expect(bed.store.accounts.byEmail(bed.site.apiKey, 'ann@example.com')).toHaveLength(1);
    expect(bed.store.accounts.get(bed.site.apiKey, body.UID)?.profile).toEqual({ email: 'ann@example.com', firstName: 'Ann', lastName: 'Lee' });
  });

  it('returns a token that reads the lite account', async () => {
    const { body } = await bed.liteSubmit({ email: 'ann@example.com' });
    const { token } = await bed.server('accounts.getLiteToken', { email: 'ANN@example.com' });
    expect((await bed.anonymous('accounts.getAccountInfo', { regToken: token })).UID).toBe(body.UID);
  });

  it('stands for the most recently updated lite account of the email', async () => {
    await bed.liteSubmit({ email: 'ann@example.com' });
    bed.clock.advance(1000);
    const latest = await bed.liteSubmit({ email: 'ann@example.com' });
    const { token } = await bed.server('accounts.getLiteToken', { email: 'ann@example.com' });
    expect((await bed.anonymous('accounts.getAccountInfo', { regToken: token })).UID).toBe(latest.body.UID);
  });

  it('takes the emailAccounts token as emailToken', async () => {
    const { body } = await bed.liteSubmit({ email: 'ann@example.com' });
    const emailToken = bed.store.emailAccounts.get(bed.site.apiKey, 'ann@example.com')!.token;
    const { token } = await bed.server('accounts.getLiteToken', { emailToken });
    expect((await bed.anonymous('accounts.getAccountInfo', { regToken: token })).UID).toBe(body.UID);
  });

  it('answers an email without a lite account with 403047', async () => {
    const body = await bed.server('accounts.getLiteToken', { email: 'nobody@example.com' });
    expect(body).toMatchObject({ errorCode: 403047, errorMessage: 'Login ID does not exist' });
  });

  it('answers the email of a full account only with 403047', async () => {
    await bed.registerFull('ann@example.com');
    expect((await bed.server('accounts.getLiteToken', { email: 'ann@example.com' })).errorCode).toBe(403047);
  });

  it('answers both email and emailToken with 400006', async () => {
    expect((await bed.server('accounts.getLiteToken', { email: 'a@b.c', emailToken: 'x' })).errorCode).toBe(400006);
  });

  it('answers neither email nor emailToken with 400002', async () => {
    expect((await bed.server('accounts.getLiteToken')).errorCode).toBe(400002);
  });

  it('answers an unknown emailToken with 400006', async () => {
    expect((await bed.server('accounts.getLiteToken', { emailToken: 'f'.repeat(64) })).errorCode).toBe(400006);
  });

  it('expires the token after sessionExpiration seconds', async () => {
    await bed.liteSubmit({ email: 'ann@example.com' });
    const { token } = await bed.server('accounts.getLiteToken', { email: 'ann@example.com', sessionExpiration: '60' });
    bed.clock.advance(59_999);
    expect((await bed.anonymous('accounts.getAccountInfo', { regToken: token })).errorCode).toBe(0);
    bed.clock.advance(1);
    expect((await bed.anonymous('accounts.getAccountInfo', { regToken: token })).errorCode).toBe(400006);
  });

  it('answers a sessionExpiration that is not 1 to 86400 seconds with 400006', async () => {
    await bed.liteSubmit({ email: 'ann@example.com' });
    expect((await bed.server('accounts.getLiteToken', { email: 'ann@example.com', sessionExpiration: '0' })).errorCode).toBe(400006);
  });
});
