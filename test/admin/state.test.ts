import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Lab, type LabSite } from './lab.js';

let lab: Lab;
let site: LabSite;
let other: LabSite;
beforeEach(async () => {
  lab = new Lab();
  site = await lab.createSite();
  other = await lab.createSite();
});
afterEach(() => lab.close());

const accountCount = async (apiKey: string) => (await lab.admin('GET', `/accounts?apiKey=${apiKey}`)).body.total as number;

describe('POST /__admin/reset', () => {
  it('empties one site and leaves the others and the credentials alone', async () => {
    await lab.liteSubmit(site, { email: 'a@example.com' });
    await lab.liteSubmit(other, { email: 'b@example.com' });
    const { body } = await lab.admin('POST', '/reset', { apiKey: site.apiKey });
    expect(body).toEqual({ reset: site.apiKey, sites: [site.apiKey], faultsCleared: 0 });
    expect(await accountCount(site.apiKey)).toBe(0);
    expect(await accountCount(other.apiKey)).toBe(1);
    expect((await lab.admin('GET', `/journal/count?apiKey=${site.apiKey}`)).body.count).toBe(0);
    expect((await lab.server(site, 'accounts.getSchema')).errorCode).toBe(0);
  });

  it('empties every site and the whole journal when no apiKey is given', async () => {
    await lab.liteSubmit(site, { email: 'a@example.com' });
    await lab.liteSubmit(other, { email: 'b@example.com' });
    await lab.call('accounts.getSchema', { apiKey: '3_who' });
    expect((await lab.admin('POST', '/reset')).body.reset).toBe('all');
    expect(await accountCount(site.apiKey)).toBe(0);
    expect(await accountCount(other.apiKey)).toBe(0);
    expect((await lab.admin('GET', '/journal/count')).body.count).toBe(0);
    expect((await lab.admin('GET', '/sites')).body.sites).toHaveLength(2);
  });

  it('answers 404 for an unknown site and 400 for an unknown field', async () => {
    expect((await lab.admin('POST', '/reset', { apiKey: '3_nope' })).status).toBe(404);
    expect((await lab.admin('POST', '/reset', { site: 'x' })).status).toBe(400);
  });
});

describe('POST /__admin/seed', () => {
  const seed = {
    sites: [
      {
        apiKey: '3_seeded',
        applicationKeys: [{ userKey: 'ASEEDED', secret: 'c2VlZGVkLXNlY3JldA==' }],
        accounts: [
          { kind: 'full', email: 'full@example.com', password: 'Seeded-pass-1', profile: { firstName: 'Full' } },
          { kind: 'lite', email: 'lite@example.com', subscriptions: { news: { email: { isSubscribed: true } } } },
        ],
      },
    ],
  };

  it('creates the sites and accounts, and adds nothing when applied twice', async () => {
    expect((await lab.admin('POST', '/seed', seed)).body).toEqual({ sites: 1, accounts: 2, webhooks: 0 });
    expect((await lab.admin('POST', '/seed', seed)).body).toEqual({ sites: 0, accounts: 0, webhooks: 0 });
    const seeded = { apiKey: '3_seeded', userKey: 'ASEEDED', secret: 'c2VlZGVkLXNlY3JldA==' };
    const login = await lab.call('accounts.login', { apiKey: seeded.apiKey, loginID: 'full@example.com', password: 'Seeded-pass-1' });
    expect(login.errorCode).toBe(0);
    expect(await accountCount('3_seeded')).toBe(2);
  });

  it('rejects an invalid seed with the path of each problem', async () => {
    const { status, body } = await lab.admin('POST', '/seed', { sites: [{ accounts: [{ kind: 'full', email: 'no-password@example.com' }] }] });
    expect(status).toBe(400);
    expect(body.error.issues).toEqual([{ path: 'sites.0.accounts.0.password', message: 'a full account needs a password' }]);
  });
});

describe('snapshot and restore', () => {
  it('snapshots a site with its secrets and password hashes: the file is sensitive', async () => {
    await lab.registerFull(site, 'bob@example.com', 'Bobs-pass-123');
    const { status, body } = await lab.admin('GET', `/snapshot?apiKey=${site.apiKey}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ format: 'fake-gigya-snapshot', version: 1, takenAt: '2026-03-01T10:00:00.000Z' });
    expect(body.sites).toHaveLength(1);
    expect(body.sites[0].appKeys[0].secret).toBe(site.secret);
    expect(body.sites[0].accounts[0].password_hash).toEqual(expect.any(String));
    expect(body.sites[0].accounts[0].password_hash).not.toContain('Bobs-pass-123');
    expect(body.sites[0].history.length).toBeGreaterThan(0);
    expect(body.sites[0].emailAccounts).toHaveLength(1);
  });

  it('snapshots every site when no apiKey is given', async () => {
    const { body } = await lab.admin('GET', '/snapshot');
    expect(body.sites.map((entry: { site: { api_key: string } }) => entry.site.api_key)).toEqual([site.apiKey, other.apiKey]);
  });

  it('restores a site as it was: later accounts go, earlier ones come back with their passwords and history', async () => {
    const bob = await lab.registerFull(site, 'bob@example.com', 'Bobs-pass-123');
    const snapshot = (await lab.admin('GET', `/snapshot?apiKey=${site.apiKey}`)).body;
    const historyBefore = (await lab.admin('GET', `/accounts/${bob.UID}/history`)).body;
    await lab.server(site, 'accounts.deleteAccount', { UID: bob.UID });
    await lab.liteSubmit(site, { email: 'later@example.com' });
    await lab.admin('PATCH', `/sites/${site.apiKey}/policies`, { liteAccounts: 'mergeByEmail' });
    await lab.liteSubmit(other, { email: 'other@example.com' });

    expect((await lab.admin('POST', '/restore', snapshot)).body).toEqual({ restored: [site.apiKey] });
    const accounts = (await lab.admin('GET', `/accounts?apiKey=${site.apiKey}`)).body;
    expect(accounts.accounts.map((account: { email: string }) => account.email)).toEqual(['bob@example.com']);
    expect((await lab.admin('GET', `/sites/${site.apiKey}`)).body.policies.liteAccounts).toBe('perSubmit');
    const historyAfter = (await lab.admin('GET', `/accounts/${bob.UID}/history`)).body;
    expect(historyAfter.history.map((entry: { changes: unknown }) => entry.changes)).toEqual(historyBefore.history.map((entry: { changes: unknown }) => entry.changes));
    expect((await lab.call('accounts.login', { apiKey: site.apiKey, loginID: 'bob@example.com', password: 'Bobs-pass-123' })).errorCode).toBe(0);
    expect(await accountCount(other.apiKey)).toBe(1);
  });

  it('recreates a deleted site, credentials included, from its snapshot', async () => {
    await lab.liteSubmit(site, { email: 'ann@example.com' });
    const snapshot = (await lab.admin('GET', '/snapshot')).body;
    await lab.admin('DELETE', `/sites/${site.apiKey}`);
    expect((await lab.server(site, 'accounts.getSchema')).errorCode).toBe(400093);
    expect((await lab.admin('POST', '/restore', snapshot)).body.restored).toEqual([site.apiKey, other.apiKey]);
    expect((await lab.server(site, 'accounts.getSchema')).errorCode).toBe(0);
    expect(await accountCount(site.apiKey)).toBe(1);
  });

  it('refuses a snapshot whose application key belongs to another site, changing nothing', async () => {
    const snapshot = (await lab.admin('GET', `/snapshot?apiKey=${site.apiKey}`)).body;
    snapshot.sites[0].appKeys[0].user_key = other.userKey;
    await lab.liteSubmit(site, { email: 'kept@example.com' });
    const { status, body } = await lab.admin('POST', '/restore', snapshot);
    expect(status).toBe(409);
    expect(body.error.message).toContain('belongs to another site');
    expect(await accountCount(site.apiKey)).toBe(1);
  });

  it('rejects a body that is not a snapshot, and an unknown site', async () => {
    const invalid = await lab.admin('POST', '/restore', { sites: [] });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.issues.map((issue: { path: string }) => issue.path).sort()).toEqual(['format', 'takenAt', 'version']);
    const snapshot = (await lab.admin('GET', `/snapshot?apiKey=${site.apiKey}`)).body;
    snapshot.sites[0].accounts = [{ site: site.apiKey, uid: 'x', "kind; DROP TABLE sites; --": 'lite' }];
    const injected = await lab.admin('POST', '/restore', snapshot);
    expect(injected.status).toBe(409);
    expect(injected.body.error.message).toContain('has no column');
    expect((await lab.admin('GET', '/snapshot?apiKey=3_nope')).status).toBe(404);
  });
});
