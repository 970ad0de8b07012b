import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Testbed } from '../testing/testbed.js';

let bed: Testbed;
let uid: string;
beforeEach(async () => {
  bed = new Testbed();
  uid = (await bed.registerFull('ann@example.com', 'correct-horse-1', { firstName: 'Ann' })).UID as string;
  await bed.server('accounts.setAccountInfo', {
    UID: uid,
    data: '{"score":3}',
    subscriptions: JSON.stringify({ newsletter: { email: { isSubscribed: true } } }),
    preferences: JSON.stringify({ terms: { isConsentGranted: true } }),
  });
});
afterEach(() => bed.close());

describe('accounts.getAccountInfo', () => {
  it('returns profile and data by default, and not subscriptions or preferences', async () => {
    const body = await bed.server('accounts.getAccountInfo', { UID: uid });
    expect(body).toMatchObject({ errorCode: 0, UID: uid, profile: { email: 'ann@example.com', firstName: 'Ann' }, data: { score: 3 } });
    expect(body).not.toHaveProperty('subscriptions');
    expect(body).not.toHaveProperty('preferences');
  });

  it('returns the parts named in a CSV include', async () => {
    const body = await bed.server('accounts.getAccountInfo', { UID: uid, include: 'subscriptions,preferences' });
    expect(body.subscriptions.newsletter.email.isSubscribed).toBe(true);
    expect(body.preferences).toEqual({ terms: { isConsentGranted: true } });
    expect(body).not.toHaveProperty('profile');
  });

  it('reads include sent as a JSON array (npm gigya)', async () => {
    const body = await bed.server('accounts.getAccountInfo', { UID: uid, include: '["data","loginIDs"]' });
    expect(body.data).toEqual({ score: 3 });
    expect(body.loginIDs).toEqual({ emails: ['ann@example.com'], unverifiedEmails: [] });
    expect(body).not.toHaveProperty('profile');
  });

  it('returns every part with include=all', async () => {
    const body = await bed.server('accounts.getAccountInfo', { UID: uid, include: 'all' });
    for (const part of ['profile', 'data', 'subscriptions', 'preferences', 'emails', 'loginIDs', 'regSource']) expect(body).toHaveProperty(part);
  });

  it('accepts documented include names it has no data for', async () => {
    const body = await bed.server('accounts.getAccountInfo', { UID: uid, include: 'identities-all,irank' });
    expect(body.errorCode).toBe(0);
  });

  it('answers an unknown include name with 400006', async () => {
    const body = await bed.server('accounts.getAccountInfo', { UID: uid, include: 'profile,secrets' });
    expect(body).toMatchObject({ errorCode: 400006, errorDetails: expect.stringContaining('secrets') });
  });

  it('leaves extra profile fields out unless extraProfileFields names them', async () => {
    const extra = { phones: [{ type: 'mobile', number: '+32470000000' }], work: [{ company: 'Qualifio' }], address: 'Rue 1', city: 'Namur' };
    await bed.server('accounts.setAccountInfo', { UID: uid, profile: JSON.stringify(extra) });

    const basic = await bed.server('accounts.getAccountInfo', { UID: uid });
    expect(basic.profile).toMatchObject({ firstName: 'Ann', city: 'Namur' });
    expect(basic.profile).not.toHaveProperty('phones');
    expect(basic.profile).not.toHaveProperty('work');
    expect(basic.profile).not.toHaveProperty('address');

    const asked = await bed.server('accounts.getAccountInfo', { UID: uid, extraProfileFields: 'phones,address,languages' });
    expect(asked.profile).toMatchObject({ firstName: 'Ann', phones: extra.phones, address: 'Rue 1' });
    expect(asked.profile).not.toHaveProperty('work');
  });

  it('answers an unknown extraProfileFields name with 400006', async () => {
    const body = await bed.server('accounts.getAccountInfo', { UID: uid, extraProfileFields: 'phones,password' });
    expect(body).toMatchObject({ errorCode: 400006, errorDetails: expect.stringContaining('password') });
  });

  it('returns the identity and times of a full account', async () => {
    const body = await bed.server('accounts.getAccountInfo', { UID: uid });
    expect(body).toMatchObject({
      isActive: true,
      isRegistered: true,
      isVerified: false,
      created: new Date(bed.clock.now()).toISOString(),
      createdTimestamp: bed.clock.now(),
      lastLogin: '0001-01-01T00:00:00Z',
      lastLoginTimestamp: 0,
      socialProviders: 'site',
    });
  });

  it('never returns the password hash', async () => {
    const text = JSON.stringify(await bed.server('accounts.getAccountInfo', { UID: uid, include: 'all' }));
    expect(text).not.toContain('scrypt$');
  });

  it('reads a lite account client-side by its regToken', async () => {
    const { regToken, body } = await bed.liteSubmit({ email: 'lite@example.com', firstName: 'Lia' });
    const read = await bed.anonymous('accounts.getAccountInfo', { regToken });
    expect(read).toMatchObject({ errorCode: 0, UID: body.UID, isRegistered: false, profile: { firstName: 'Lia' } });
  });

  it('answers a regToken not yet bound to an account with 400006', async () => {
    const init = await bed.anonymous('accounts.initRegistration', { isLite: 'true' });
    expect((await bed.anonymous('accounts.getAccountInfo', { regToken: init.regToken })).errorCode).toBe(400006);
  });

  it('answers an expired regToken with 400006', async () => {
    const { regToken } = await bed.liteSubmit({ email: 'lite@example.com' });
    bed.clock.advance(60 * 60 * 1000);
    expect((await bed.anonymous('accounts.getAccountInfo', { regToken })).errorCode).toBe(400006);
  });

  it('answers neither UID nor regToken with 400002', async () => {
    expect((await bed.server('accounts.getAccountInfo')).errorCode).toBe(400002);
  });

  it('answers an unknown UID with 403005', async () => {
    expect((await bed.server('accounts.getAccountInfo', { UID: 'f'.repeat(32) })).errorCode).toBe(403005);
  });
});
