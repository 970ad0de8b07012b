import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Lab, type LabSite } from './lab.js';

let lab: Lab;
let site: LabSite;
beforeEach(async () => {
  lab = new Lab();
  site = await lab.createSite();
});
afterEach(() => lab.close());

describe('/__admin/accounts', () => {
  it('lists a site\'s accounts, newest first, filtered by email and kind', async () => {
    await lab.liteSubmit(site, { email: 'ann@example.com' });
    lab.clock.advance(1000);
    await lab.liteSubmit(site, { email: 'ann@example.com' });
    lab.clock.advance(1000);
    await lab.registerFull(site, 'bob@example.com');
    const other = await lab.createSite();
    await lab.liteSubmit(other, { email: 'ann@example.com' });

    const all = await lab.admin('GET', `/accounts?apiKey=${site.apiKey}`);
    expect(all.body.total).toBe(3);
    expect(all.body.accounts.map((account: { email: string }) => account.email)).toEqual(['bob@example.com', 'ann@example.com', 'ann@example.com']);
    expect(all.body.accounts[0]).toMatchObject({ kind: 'full', hasPassword: true, isRegistered: true });
    expect(JSON.stringify(all.body)).not.toContain('passwordHash');

    const ann = await lab.admin('GET', `/accounts?apiKey=${site.apiKey}&email=ANN@example.com`);
    expect(ann.body.total).toBe(2);
    const full = await lab.admin('GET', `/accounts?apiKey=${site.apiKey}&kind=full`);
    expect(full.body.accounts.map((account: { kind: string }) => account.kind)).toEqual(['full']);
    const page = await lab.admin('GET', `/accounts?apiKey=${site.apiKey}&limit=1&offset=1`);
    expect(page.body).toMatchObject({ total: 3, limit: 1, offset: 1 });
    expect(page.body.accounts).toHaveLength(1);
  });

  it('reads one account with its change history', async () => {
    const { UID } = await lab.liteSubmit(site, { email: 'ann@example.com', firstName: 'Ann' });
    await lab.server(site, 'accounts.setAccountInfo', { UID, data: JSON.stringify({ optIn: true }) });
    const { status, body } = await lab.admin('GET', `/accounts/${UID}?apiKey=${site.apiKey}`);
    expect(status).toBe(200);
    expect(body.account).toMatchObject({ UID, kind: 'lite', profile: { email: 'ann@example.com', firstName: 'Ann' }, data: { optIn: true } });
    expect(body.history.map((entry: { method: string }) => entry.method)).toEqual(['accounts.setAccountInfo', 'accounts.setAccountInfo']);
    expect(body.history[1]).toMatchObject({ userKey: site.userKey, changes: [{ field: 'data.optIn', before: null, after: true }] });
  });

  it('keeps the history route and shape, with or without apiKey', async () => {
    const { UID } = await lab.liteSubmit(site, { email: 'ann@example.com' });
    const withKey = await lab.admin('GET', `/accounts/${UID}/history?apiKey=${site.apiKey}`);
    const withoutKey = await lab.admin('GET', `/accounts/${UID}/history`);
    expect(withKey.body).toEqual(withoutKey.body);
    expect(withKey.body.uid).toBe(UID);
    expect(Object.keys(withKey.body.history[0]).sort()).toEqual(['at', 'changes', 'id', 'method', 'userKey']);
  });

  it('shows the history of a deleted account, with the account as null', async () => {
    const { UID } = await lab.liteSubmit(site, { email: 'ann@example.com' });
    expect((await lab.server(site, 'accounts.deleteAccount', { UID })).errorCode).toBe(0);
    const { body } = await lab.admin('GET', `/accounts/${UID}`);
    expect(body.account).toBeNull();
    expect(body.history.length).toBeGreaterThanOrEqual(2);
  });

  it('answers 404 for unknown sites and UIDs, 400 for an ambiguous UID and bad queries', async () => {
    expect((await lab.admin('GET', '/accounts?apiKey=3_nope')).status).toBe(404);
    expect((await lab.admin('GET', '/accounts/nobody')).body).toEqual({ error: { message: 'account nobody not found' } });
    expect((await lab.admin('GET', `/accounts/nobody/history?apiKey=${site.apiKey}`)).status).toBe(404);
    expect((await lab.admin('GET', '/accounts/nobody/history?apiKey=3_nope')).body.error.message).toBe('site 3_nope not found');

    const snapshot = (await lab.admin('GET', `/snapshot?apiKey=${site.apiKey}`)).body;
    const { UID } = await lab.liteSubmit(site, { email: 'twin@example.com' });
    const twin = (await lab.admin('GET', `/snapshot?apiKey=${site.apiKey}`)).body;
    // The same account restored under a second site: one UID, two sites.
    const copy = JSON.parse(JSON.stringify(twin).replaceAll(site.apiKey, '3_twin').replaceAll(site.userKey, 'ATWINKEY'));
    // emailAccounts tokens and regTokens are unique across sites: the copy goes without them.
    copy.sites[0].emailAccounts = [];
    copy.sites[0].regTokens = [];
    expect((await lab.admin('POST', '/restore', copy)).status).toBe(200);
    const ambiguous = await lab.admin('GET', `/accounts/${UID}`);
    expect(ambiguous.status).toBe(400);
    expect(ambiguous.body.error.message).toContain('add ?apiKey=');
    expect((await lab.admin('GET', `/accounts/${UID}?apiKey=3_twin`)).status).toBe(200);
    expect(snapshot.sites[0].accounts).toEqual([]);

    const bad = await lab.admin('GET', `/accounts?apiKey=${site.apiKey}&kind=ghost&limit=5000`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues).toHaveLength(2);
    expect((await lab.admin('GET', '/accounts')).status).toBe(400);
  });
});
