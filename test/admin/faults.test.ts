import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeGigya, type RunningFakeGigya } from '../../server/embedded.js';
import { FaultRegistry } from '../../server/faults/registry.js';
import { Lab, type LabSite } from './lab.js';

let lab: Lab;
let site: LabSite;
beforeEach(async () => {
  lab = new Lab();
  site = await lab.createSite();
});
afterEach(() => lab.close());

const schema = () => lab.server(site, 'accounts.getSchema');

describe('error faults', () => {
  it('answers the error with its real envelope for the next N calls, then normally', async () => {
    const added = await lab.admin('POST', '/faults', { kind: 'error', apiKey: site.apiKey, method: 'accounts.getSchema', errorCode: 500001, times: 2 });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ id: 'fault-1', kind: 'error', remaining: 2, probability: 1 });
    const first = await schema();
    expect(first).toMatchObject({ errorCode: 500001, errorMessage: 'General Server error', statusCode: 500, statusReason: 'Internal Server Error' });
    expect(first.callId).toMatch(/^[0-9a-f]{32}$/);
    expect((await schema()).errorCode).toBe(500001);
    expect((await schema()).errorCode).toBe(0);
    expect((await lab.admin('GET', '/faults')).body.faults).toEqual([]);
  });

  it('uses the catalogue message and status of the code, and the given details', async () => {
    await lab.admin('POST', '/faults', { kind: 'error', apiKey: site.apiKey, errorCode: 403048, errorDetails: 'slow down' });
    expect(await schema()).toMatchObject({ errorCode: 403048, errorMessage: 'API Rate Limit Exceeded', errorDetails: 'slow down', statusCode: 403 });
  });

  it('never writes: the account, its history and emailAccounts stay as they were', async () => {
    const created = await lab.liteSubmit(site, { email: 'kept@example.com', firstName: 'Kept' });
    const uid = created.UID as string;
    const before = await lab.admin('GET', `/accounts/${uid}?apiKey=${site.apiKey}`);
    await lab.admin('POST', '/faults', { kind: 'error', apiKey: site.apiKey, method: 'accounts.*', errorCode: 500001 });
    const write = await lab.server(site, 'accounts.setAccountInfo', { UID: uid, profile: JSON.stringify({ firstName: 'Overwritten' }) });
    expect(write.errorCode).toBe(500001);
    const lite = await lab.liteSubmit(site, { email: 'new@example.com' });
    expect(lite.errorCode).toBe(500001);
    const after = await lab.admin('GET', `/accounts/${uid}?apiKey=${site.apiKey}`);
    expect(after.body).toEqual(before.body);
    expect(lab.store.accounts.count(site.apiKey)).toBe(1);
    expect(lab.store.emailAccounts.get(site.apiKey, 'new@example.com')).toBeNull();
    // The failed calls are journalled with their error code.
    expect((await lab.admin('GET', `/journal/count?apiKey=${site.apiKey}&errorCode=500001`)).body.count).toBe(3);
  });

  it('applies to its own site only', async () => {
    const other = await lab.createSite();
    await lab.admin('POST', '/faults', { kind: 'error', apiKey: site.apiKey, errorCode: 500001 });
    expect((await lab.server(other, 'accounts.getSchema')).errorCode).toBe(0);
    expect((await schema()).errorCode).toBe(500001);
  });

  it('matches an exact method, a namespace wildcard or every method', async () => {
    await lab.admin('POST', '/faults', { kind: 'error', apiKey: site.apiKey, method: 'accounts.login', errorCode: 500001 });
    expect((await schema()).errorCode).toBe(0);
    await lab.admin('POST', '/faults', { kind: 'error', apiKey: site.apiKey, method: 'accounts.*', errorCode: 504002 });
    expect((await schema()).errorCode).toBe(504002);
    expect((await lab.server(site, 'accounts.login', { loginID: 'a@example.com', password: 'x' })).errorCode).toBe(500001);
  });

  it('fires with a probability, the same way for the same seed', async () => {
    const run = async (seed: number) => {
      const registryLab = new Lab();
      const own = await registryLab.createSite({ apiKey: '3_prob' });
      await registryLab.admin('POST', '/faults', { kind: 'error', apiKey: own.apiKey, errorCode: 500001, probability: 0.3, seed });
      const codes: number[] = [];
      for (let i = 0; i < 60; i++) codes.push((await registryLab.server(own, 'accounts.getSchema')).errorCode as number);
      registryLab.close();
      return codes.map((code) => (code === 0 ? '.' : 'x')).join('');
    };
    const first = await run(42);
    expect(await run(42)).toBe(first);
    expect(await run(7)).not.toBe(first);
    const fired = [...first].filter((c) => c === 'x').length;
    expect(fired).toBeGreaterThan(5);
    expect(fired).toBeLessThan(35);
  });
});

describe('latency faults', () => {
  it('waits a fixed time, then the call proceeds', async () => {
    await lab.admin('POST', '/faults', { kind: 'latency', apiKey: site.apiKey, ms: 250, times: 1 });
    expect((await schema()).errorCode).toBe(0);
    expect((await schema()).errorCode).toBe(0);
    expect(lab.slept).toEqual([250]);
  });

  it('draws a delay in the range from the seeded PRNG', async () => {
    const registry = () => {
      const slept: number[] = [];
      const faults = new FaultRegistry({ clock: lab.clock, sleep: async (ms) => void slept.push(ms) });
      faults.add({ kind: 'latency', apiKey: site.apiKey, ms: 100, maxMs: 200, seed: 9 });
      return { faults, slept };
    };
    const a = registry();
    const b = registry();
    const siteRow = lab.store.sites.get(site.apiKey)!;
    for (let i = 0; i < 20; i++) {
      await a.faults.beforeHandle({ site: siteRow, method: 'accounts.getSchema', params: {} });
      await b.faults.beforeHandle({ site: siteRow, method: 'accounts.getSchema', params: {} });
    }
    expect(a.slept).toEqual(b.slept);
    expect(a.slept.every((ms) => ms >= 100 && ms <= 200)).toBe(true);
    expect(new Set(a.slept).size).toBeGreaterThan(5);
  });

  it('adds up with an error fault added after it', async () => {
    await lab.admin('POST', '/faults', { kind: 'latency', apiKey: site.apiKey, ms: 40 });
    await lab.admin('POST', '/faults', { kind: 'error', apiKey: site.apiKey, errorCode: 504001 });
    expect((await schema()).errorCode).toBe(504001);
    expect(lab.slept).toEqual([40]);
  });
});

describe('rate limit faults', () => {
  it('lets N calls through per window and answers the rest with 403048', async () => {
    await lab.admin('POST', '/faults', { kind: 'rateLimit', apiKey: site.apiKey, limit: 2, windowMs: 1000 });
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await schema()).errorCode);
    expect(codes).toEqual([0, 0, 403048, 403048]);
    expect(await schema()).toMatchObject({ errorCode: 403048, errorMessage: 'API Rate Limit Exceeded', errorDetails: 'Api rate limit exceeded' });
    lab.clock.advance(1000);
    expect((await schema()).errorCode).toBe(0);
    const [fault] = (await lab.admin('GET', `/faults?apiKey=${site.apiKey}`)).body.faults;
    expect(fault).toMatchObject({ kind: 'rateLimit', matched: 6, fired: 3 });
  });
});

describe('dropped connections', () => {
  it('gives an in-process caller a network error and writes nothing', async () => {
    await lab.admin('POST', '/faults', { kind: 'drop', apiKey: site.apiKey, times: 1 });
    const response = await lab.app.request('/accounts.importLiteAccount', {
      method: 'POST',
      body: new URLSearchParams({ ...site, email: 'dropped@example.com' }),
    });
    expect(response.type).toBe('error');
    expect(lab.store.accounts.count(site.apiKey)).toBe(0);
  });

  describe('over HTTP', () => {
    let fake: RunningFakeGigya;
    beforeEach(async () => {
      fake = await startFakeGigya();
    });
    afterEach(() => fake.close());

    it('closes the socket with no response, then answers the next call', async () => {
      await fake.admin.addFault({ kind: 'drop', apiKey: fake.site.apiKey, method: 'accounts.getSchema', times: 1 });
      const call = () =>
        fetch(`${fake.baseUrl}/accounts.getSchema`, { method: 'POST', body: new URLSearchParams({ ...fake.site }) });
      const failure = await call().then(
        () => null,
        (error: unknown) => error as Error & { cause?: { code?: string; message?: string } },
      );
      expect(failure?.message).toBe('fetch failed');
      expect(failure?.cause?.message ?? failure?.cause?.code).toMatch(/other side closed|ECONNRESET|socket/i);
      const next = (await (await call()).json()) as { errorCode: number };
      expect(next.errorCode).toBe(0);
    });
  });
});

describe('/__admin/faults', () => {
  it('lists, deletes one, and clears per site or all', async () => {
    const other = await lab.createSite();
    const first = (await lab.admin('POST', '/faults', { kind: 'drop', apiKey: site.apiKey })).body;
    await lab.admin('POST', '/faults', { kind: 'latency', apiKey: site.apiKey, ms: 5 });
    await lab.admin('POST', '/faults', { kind: 'drop', apiKey: other.apiKey });
    expect((await lab.admin('GET', '/faults')).body.faults).toHaveLength(3);
    expect((await lab.admin('GET', `/faults?apiKey=${other.apiKey}`)).body.faults).toHaveLength(1);
    expect((await lab.admin('DELETE', `/faults/${first.id}`)).body).toEqual({ deleted: first.id });
    expect((await lab.admin('DELETE', `/faults/${first.id}`)).status).toBe(404);
    expect((await lab.admin('DELETE', `/faults?apiKey=${site.apiKey}`)).body).toEqual({ cleared: 1 });
    expect((await lab.admin('DELETE', '/faults')).body).toEqual({ cleared: 1 });
  });

  it('rejects an invalid fault and a fault for an unknown site', async () => {
    const invalid = await lab.admin('POST', '/faults', { kind: 'error', apiKey: site.apiKey, errorCode: 12, probability: 2 });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.issues.map((issue: { path: string }) => issue.path).sort()).toEqual(['errorCode', 'probability']);
    const range = await lab.admin('POST', '/faults', { kind: 'latency', apiKey: site.apiKey, ms: 50, maxMs: 10 });
    expect(range.body.error.issues).toEqual([{ path: 'maxMs', message: 'maxMs must be ≥ ms' }]);
    expect((await lab.admin('POST', '/faults', { kind: 'gremlin', apiKey: site.apiKey })).status).toBe(400);
    expect((await lab.admin('POST', '/faults', { kind: 'drop', apiKey: '3_nope' })).status).toBe(404);
  });

  it('forgets a site\'s faults when the site is reset', async () => {
    await lab.admin('POST', '/faults', { kind: 'drop', apiKey: site.apiKey });
    expect((await lab.admin('POST', '/reset', { apiKey: site.apiKey })).body.faultsCleared).toBe(1);
    expect((await schema()).errorCode).toBe(0);
  });
});
