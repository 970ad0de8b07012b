import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Testbed } from '../testing/testbed.js';
import { defaultPolicies } from '../store/policies.js';
import { createSite, SiteConflict } from './createSite.js';

let bed: Testbed;
beforeEach(() => {
  bed = new Testbed();
});
afterEach(() => bed.close());

describe('createSite', () => {
  it('generates the apiKey, userKey and secret it is not given', () => {
    const created = createSite(bed.store, bed.ids, bed.clock, {});
    expect(created.site).toMatchObject({ apiKey: expect.any(String), dataCenter: 'us1', policies: defaultPolicies });
    expect(created.applicationKeys).toEqual([{ userKey: expect.any(String), secret: expect.any(String), name: 'default' }]);
  });

  it('keeps the credentials it is given', () => {
    const created = createSite(bed.store, bed.ids, bed.clock, {
      apiKey: '3_fixed',
      dataCenter: 'eu1',
      applicationKeys: [{ userKey: 'AKfixed', secret: 'c2VjcmV0LWZpeGVk' }],
    });
    expect(created.site).toMatchObject({ apiKey: '3_fixed', dataCenter: 'eu1' });
    expect(bed.store.sites.appKey('AKfixed')).toMatchObject({ site: '3_fixed', secret: 'c2VjcmV0LWZpeGVk' });
  });

  it('defaults the policies: perSubmit, 120 s skew, no httpsOnly', () => {
    expect(defaultPolicies).toMatchObject({ liteAccounts: 'perSubmit', signatureSkewSeconds: 120, httpsOnly: false });
  });

  it('refuses an apiKey that exists', () => {
    expect(() => createSite(bed.store, bed.ids, bed.clock, { apiKey: bed.site.apiKey })).toThrow(SiteConflict);
  });

  it('refuses a userKey that another site holds', () => {
    expect(() => createSite(bed.store, bed.ids, bed.clock, { applicationKeys: [{ userKey: bed.site.userKey }] })).toThrow(SiteConflict);
  });

  it('refuses an unknown policy', () => {
    expect(() => createSite(bed.store, bed.ids, bed.clock, { policies: { liteAccounts: 'sometimes' } as never })).toThrow();
  });
});

describe('sites are isolated', () => {
  it("answers a UID of site A with 403005 on site B", async () => {
    const other = bed.addSite({ name: 'B' });
    const { body } = await bed.liteSubmit({ email: 'ann@example.com' });
    expect((await bed.server('accounts.getAccountInfo', { UID: body.UID }, other)).errorCode).toBe(403005);
    expect((await bed.server('accounts.setAccountInfo', { UID: body.UID, data: '{}' }, other)).errorCode).toBe(403005);
    expect((await bed.server('accounts.deleteAccount', { UID: body.UID }, other)).errorCode).toBe(403005);
  });

  it("answers site A's regToken as unknown on site B", async () => {
    const other = bed.addSite({ name: 'B' });
    const { regToken } = await bed.liteSubmit({ email: 'ann@example.com' });
    expect((await bed.anonymous('accounts.getAccountInfo', { regToken }, other)).errorCode).toBe(400006);
  });

  it("keeps each site's lite accounts and emailAccounts records apart", async () => {
    const other = bed.addSite({ name: 'B', policies: { liteAccounts: 'mergeByEmail' } });
    await bed.liteSubmit({ email: 'ann@example.com' });
    const init = await bed.anonymous('accounts.initRegistration', { isLite: 'true' }, other);
    await bed.anonymous('accounts.setAccountInfo', { regToken: init.regToken, profile: '{"email":"ann@example.com"}' }, other);
    expect(bed.store.accounts.byEmail(bed.site.apiKey, 'ann@example.com')).toHaveLength(1);
    expect(bed.store.accounts.byEmail(other.apiKey, 'ann@example.com')).toHaveLength(1);
    expect(bed.store.emailAccounts.get(other.apiKey, 'ann@example.com')?.token).not.toBe(
      bed.store.emailAccounts.get(bed.site.apiKey, 'ann@example.com')?.token,
    );
  });

  it("answers site A's emailAccounts token as unknown on site B", async () => {
    const other = bed.addSite({ name: 'B' });
    await bed.liteSubmit({ email: 'ann@example.com' });
    const emailAccountToken = bed.store.emailAccounts.get(bed.site.apiKey, 'ann@example.com')!.token;
    expect((await bed.server('accounts.deleteLiteAccount', { emailAccountToken }, other)).errorCode).toBe(400006);
    expect((await bed.server('accounts.getLiteToken', { emailToken: emailAccountToken }, other)).errorCode).toBe(400006);
    expect(bed.store.accounts.byEmail(bed.site.apiKey, 'ann@example.com')).toHaveLength(1);
  });

  it("lets an email registered on site A register again on site B", async () => {
    const other = bed.addSite({ name: 'B' });
    await bed.registerFull('ann@example.com');
    const body = await bed.server('accounts.register', { email: 'ann@example.com', password: 'correct-horse-1' }, other);
    expect(body.errorCode).toBe(0);
  });

  it("does not let site A's credentials log in site B's users", async () => {
    const other = bed.addSite({ name: 'B' });
    await bed.server('accounts.register', { email: 'bob@example.com', password: 'correct-horse-1', finalizeRegistration: 'true' }, other);
    expect((await bed.anonymous('accounts.login', { loginID: 'bob@example.com', password: 'correct-horse-1' })).errorCode).toBe(403042);
  });
});
