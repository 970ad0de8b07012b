import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeGigya, type RunningFakeGigya } from '../../server/embedded.js';
import { AdminRequestError } from '../../server/admin/client.js';

let fake: RunningFakeGigya;
afterEach(() => fake.close());

async function call(method: string, params: Record<string, string>): Promise<Record<string, unknown>> {
  const response = await fetch(`${fake.baseUrl}/${method}`, { method: 'POST', body: new URLSearchParams(params) });
  return (await response.json()) as Record<string, unknown>;
}

describe('startFakeGigya', () => {
  beforeEach(async () => {
    fake = await startFakeGigya();
  });

  it('listens on a random loopback port with a site of its own', async () => {
    expect(fake.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(fake.site.dataCenter).toBe('us1');
    const body = await call('accounts.importLiteAccount', { ...fake.site, email: 'ann@example.com' });
    expect(body.errorCode).toBe(0);
    expect((await fake.admin.accounts(fake.site.apiKey)).total).toBe(1);
    expect(await fake.admin.journalCount({ apiKey: fake.site.apiKey, method: 'accounts.importLiteAccount' })).toBe(1);
  });

  it('reset() forgets accounts, journal and faults, and the credentials stay valid', async () => {
    await call('accounts.importLiteAccount', { ...fake.site, email: 'ann@example.com' });
    await fake.admin.addFault({ kind: 'error', apiKey: fake.site.apiKey, method: 'accounts.getSchema', errorCode: 500001 });
    fake.reset();
    expect((await fake.admin.accounts(fake.site.apiKey)).total).toBe(0);
    expect(await fake.admin.faults()).toEqual([]);
    expect((await call('accounts.getSchema', { ...fake.site })).errorCode).toBe(0);
  });

  it('gives a typed admin client over the whole admin API', async () => {
    const created = await fake.admin.createSite({ name: 'second', policies: { liteAccounts: 'mergeByEmail' } });
    expect(created.applicationKeys[0]!.secret).toEqual(expect.any(String));
    expect((await fake.admin.site(created.apiKey)).policies.liteAccounts).toBe('mergeByEmail');
    expect((await fake.admin.setPolicies(created.apiKey, { searchDelayMs: 10 })).policies.searchDelayMs).toBe(10);
    const snapshot = await fake.admin.snapshot(created.apiKey);
    await fake.admin.deleteSite(created.apiKey);
    expect((await fake.admin.restore(snapshot)).restored).toEqual([created.apiKey]);
    const failure = await fake.admin.site('3_nope').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AdminRequestError);
    expect((failure as AdminRequestError).status).toBe(404);
    expect(await fake.admin.health()).toEqual({ status: 'ok' });
  });
});

describe('startFakeGigya options', () => {
  it('loads a seed before it starts', async () => {
    fake = await startFakeGigya({
      seed: { sites: [{ apiKey: '3_seeded', applicationKeys: [{ userKey: 'ASEED', secret: 'c2VlZC1zZWNyZXQ=' }], accounts: [{ kind: 'lite', email: 'lite@example.com' }] }] },
    });
    expect((await fake.admin.accounts('3_seeded')).accounts.map((account) => account.email)).toEqual(['lite@example.com']);
  });

  it('keeps the journal within journalMaxEntries', async () => {
    fake = await startFakeGigya({ journalMaxEntries: 20 });
    for (let n = 0; n < 60; n++) await call('accounts.getSchema', { apiKey: fake.site.apiKey });
    expect(await fake.admin.journalCount()).toBe(20);
  });
});

describe('startFakeGigya with fixed credentials', () => {
  const site = { apiKey: '3_fixed-site', userKey: 'AFIXEDKEY', secret: Buffer.from('a fixed test secret').toString('base64'), name: 'fixed' };

  it('creates the site with the credentials given, which a client can use at once', async () => {
    fake = await startFakeGigya({ site });
    expect(fake.site).toMatchObject({ apiKey: site.apiKey, userKey: site.userKey, secret: site.secret });
    expect((await call('accounts.importLiteAccount', { apiKey: site.apiKey, userKey: site.userKey, secret: site.secret, email: 'ann@example.com' })).errorCode).toBe(0);
    expect((await fake.admin.site(site.apiKey)).name).toBe('fixed');
  });

  it('reset() restores the policies it started with and shows every authenticated call to beforeHandle', async () => {
    const seen: string[] = [];
    fake = await startFakeGigya({ site, policies: { liteAccounts: 'mergeByEmail' }, beforeHandle: ({ method }) => void seen.push(method) });
    await fake.admin.setPolicies(site.apiKey, { liteAccounts: 'perSubmit' });
    fake.reset();
    expect((await fake.admin.site(site.apiKey)).policies.liteAccounts).toBe('mergeByEmail');
    await call('accounts.getSchema', { apiKey: site.apiKey });
    await call('accounts.search', { apiKey: site.apiKey, query: 'SELECT * FROM accounts' });
    expect(seen).toEqual(['accounts.getSchema']);
  });
});

describe('startFakeGigya reset() and the site schema', () => {
  it('restores the schema the site started with', async () => {
    fake = await startFakeGigya();
    const { apiKey, userKey, secret } = fake.site;
    const changed = await call('accounts.setSchema', { apiKey, userKey, secret, dataSchema: JSON.stringify({ fields: { score: { type: 'long', writeAccess: 'serverOnly' } } }) });
    expect(changed.errorCode).toBe(0);
    const fields = async () => ((await call('accounts.getSchema', { apiKey, include: 'dataSchema' })).dataSchema as { fields: Record<string, unknown> }).fields;
    expect(await fields()).toHaveProperty('score');
    fake.reset();
    expect(await fields()).not.toHaveProperty('score');
  });
});
