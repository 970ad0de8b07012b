import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../server/store/index.js';
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

describe('/__admin/journal', () => {
  it('records every call, newest first, with secrets, signatures, passwords and tokens redacted', async () => {
    const init = await lab.call('accounts.initRegistration', { apiKey: site.apiKey, isLite: 'true' });
    lab.clock.advance(1000);
    await lab.call('accounts.setAccountInfo', { apiKey: site.apiKey, regToken: init.regToken, profile: JSON.stringify({ email: 'Ann@Example.com' }) });
    lab.clock.advance(1000);
    await lab.registerFull(site, 'bob@example.com', 'Secret-pass-1');

    const { status, body } = await lab.admin('GET', `/journal?apiKey=${site.apiKey}`);
    expect(status).toBe(200);
    expect(body.total).toBe(3);
    expect(body.entries.map((entry: { method: string }) => entry.method)).toEqual([
      'accounts.register',
      'accounts.setAccountInfo',
      'accounts.initRegistration',
    ]);
    const [register, setAccountInfo] = body.entries;
    expect(register).toMatchObject({ apiKey: site.apiKey, errorCode: 0, email: 'bob@example.com', at: '2026-03-01T10:00:02.000Z' });
    expect(register.params).toMatchObject({ secret: '[redacted]', password: '[redacted]', userKey: site.userKey });
    expect(setAccountInfo.params.regToken).toBe('[redacted]');
    expect(setAccountInfo.email).toBe('ann@example.com');
    expect(register.callId).toMatch(/^[0-9a-f]{32}$/);
    expect(typeof register.durationMs).toBe('number');
    expect(JSON.stringify(body)).not.toContain(site.secret);
    expect(JSON.stringify(body)).not.toContain('Secret-pass-1');
  });

  it('filters by site, method, errorCode, email and time range, and counts', async () => {
    await lab.liteSubmit(site, { email: 'ann@example.com' });
    lab.clock.advance(60_000);
    await lab.server(site, 'accounts.getAccountInfo', { UID: 'nobody' });
    lab.clock.advance(60_000);
    await lab.liteSubmit(other, { email: 'ann@example.com' });

    const count = async (query: string) => (await lab.admin('GET', `/journal/count?${query}`)).body.count as number;
    expect(await count('')).toBe(5);
    expect(await count(`apiKey=${site.apiKey}`)).toBe(3);
    expect(await count(`apiKey=${site.apiKey}&method=accounts.initRegistration`)).toBe(1);
    expect(await count('errorCode=403005')).toBe(1);
    expect(await count(`errorCode=0&apiKey=${site.apiKey}`)).toBe(2);
    expect(await count('email=ANN@example.com')).toBe(2);
    expect(await count(`from=${encodeURIComponent('2026-03-01T10:01:00.000Z')}`)).toBe(3);
    expect(await count(`from=2026-03-01T10:00:30Z&to=2026-03-01T10:01:30Z`)).toBe(1);
    expect(await count(`to=${Date.parse('2026-03-01T10:00:00.000Z')}`)).toBe(2);

    const paged = await lab.admin('GET', '/journal?limit=2&offset=1');
    expect(paged.body).toMatchObject({ total: 5, limit: 2, offset: 1 });
    expect(paged.body.entries.map((entry: { id: number }) => entry.id)).toEqual([4, 3]);
  });

  it('journals calls with an unknown apiKey under no site', async () => {
    await lab.call('accounts.getSchema', { apiKey: '3_who' });
    const { body } = await lab.admin('GET', '/journal?errorCode=400093');
    expect(body.entries).toHaveLength(1);
    expect(body.entries[0].apiKey).toBeNull();
  });

  it('clears one site or everything', async () => {
    await lab.server(site, 'accounts.getSchema');
    await lab.server(other, 'accounts.getSchema');
    await lab.call('accounts.getSchema', { apiKey: '3_who' });
    expect((await lab.admin('DELETE', `/journal?apiKey=${site.apiKey}`)).body).toEqual({ deleted: 1 });
    expect((await lab.admin('GET', '/journal/count')).body.count).toBe(2);
    expect((await lab.admin('DELETE', '/journal')).body).toEqual({ deleted: 2 });
    expect((await lab.admin('GET', '/journal/count')).body.count).toBe(0);
  });

  it('rejects bad queries and unknown sites', async () => {
    const bad = await lab.admin('GET', '/journal?limit=0&from=yesterday&colour=red');
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((issue: { path: string }) => issue.path).sort()).toEqual(['(root)', 'from', 'limit']);
    expect((await lab.admin('GET', '/journal?apiKey=3_nope')).status).toBe(404);
    expect((await lab.admin('DELETE', '/journal?apiKey=3_nope')).status).toBe(404);
  });
});

describe('the journal bound', () => {
  it('never keeps more than its bound, dropping the oldest entries', () => {
    const store = openStore({ file: ':memory:', journalMaxEntries: 50 });
    const entry = (n: number) => ({ callId: `c${n}`, site: null, atMs: n, method: 'accounts.getSchema', params: {}, email: null, errorCode: 0, durationMs: 1 });
    for (let n = 1; n <= 500; n++) {
      store.journal.record(entry(n));
      expect(store.journal.count()).toBeLessThanOrEqual(50);
    }
    expect(store.journal.query({}, { limit: 1000, offset: 0 }).map((record) => record.callId).at(-1)).toBe('c451');
    store.close();
  });

  it('holds with a large bound within 1% of slack, over real calls', async () => {
    const bounded = new Lab({ journalMaxEntries: 200 });
    const own = await bounded.createSite();
    for (let n = 0; n < 450; n++) await bounded.call('accounts.getSchema', { apiKey: own.apiKey });
    const count = (await bounded.admin('GET', '/journal/count')).body.count as number;
    expect(count).toBeGreaterThanOrEqual(200);
    expect(count).toBeLessThanOrEqual(202);
    bounded.close();
  });
});
