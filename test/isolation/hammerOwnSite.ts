import { expect, inject } from 'vitest';
import { AdminClient } from '../../server/admin/client.js';

// What every isolation worker does, on its own site of the one shared server: 200 Gigya calls,
// ten at a time, with the same emails as every other worker, then checks that it saw its own
// data only, that another site's UID and keys are refused, and that nothing leaked either way.

const parallel = 10;
const submits = 40;
const crossAttempts = 10;

type Envelope = Record<string, unknown> & { errorCode: number };

export async function hammerOwnSite(worker: string): Promise<void> {
  const { baseUrl, adminUrl, neighbour } = inject('sharedFakeGigya');
  const admin = new AdminClient(adminUrl);
  const created = await admin.createSite({ name: `isolation-${worker}` });
  const own = { apiKey: created.apiKey, userKey: created.applicationKeys[0]!.userKey, secret: created.applicationKeys[0]!.secret };
  const neighbourCount = (await admin.accounts(neighbour.apiKey)).total;

  const call = async (method: string, params: Record<string, string>): Promise<Envelope> => {
    const response = await fetch(`${baseUrl}/${method}`, { method: 'POST', body: new URLSearchParams(params) });
    return (await response.json()) as Envelope;
  };
  const inBatches = async <T>(count: number, work: (index: number) => Promise<T>): Promise<T[]> => {
    const results: T[] = [];
    for (let start = 0; start < count; start += parallel) {
      results.push(...(await Promise.all(Array.from({ length: Math.min(parallel, count - start) }, (_, offset) => work(start + offset)))));
    }
    return results;
  };

  // 80 calls: lite submits, the same five emails in every worker.
  const uids = await inBatches(submits, async (index) => {
    const init = await call('accounts.initRegistration', { apiKey: own.apiKey, isLite: 'true' });
    const email = `participant-${index % 5}@example.com`;
    const set = await call('accounts.setAccountInfo', { apiKey: own.apiKey, regToken: String(init.regToken), profile: JSON.stringify({ email, lastName: worker }) });
    expect(set.errorCode).toBe(0);
    return String(set.UID);
  });
  // 40 calls: each account reads back as this worker wrote it.
  const reads = await inBatches(submits, (index) => call('accounts.getAccountInfo', { ...own, UID: uids[index]! }));
  for (const read of reads) expect(read).toMatchObject({ errorCode: 0, profile: { lastName: worker } });
  // 30 calls: the neighbour's UID with our keys, our keys on the neighbour's site, the neighbour's userKey on ours.
  const crossed = await inBatches(crossAttempts * 3, (index) => {
    const uid = neighbour.uids[index % neighbour.uids.length]!;
    if (index % 3 === 0) return call('accounts.getAccountInfo', { ...own, UID: uid });
    if (index % 3 === 1) return call('accounts.getAccountInfo', { ...own, apiKey: neighbour.apiKey, UID: uid });
    return call('accounts.getAccountInfo', { ...own, userKey: neighbour.userKey, UID: uid });
  });
  for (const refused of crossed) expect(refused.errorCode).toBe(403005);
  // 50 calls: the other workers' accounts, as far as they exist yet, are as unknown to us as the neighbour's.
  const others = (await admin.sites()).filter((site) => site.name.startsWith('isolation-') && site.apiKey !== own.apiKey);
  const foreignUids = (await Promise.all(others.map(async (site) => (await admin.accounts(site.apiKey, { limit: 5 })).accounts.map((a) => a.UID)))).flat();
  const probes = await inBatches(50, (index) => call('accounts.getAccountInfo', { ...own, UID: foreignUids[index % Math.max(1, foreignUids.length)] ?? 'no-such-uid' }));
  for (const probe of probes) expect(probe.errorCode).toBe(403005);

  // What the admin API sees: our 40 accounts, 8 per shared email; every call we made with our apiKey, and no other.
  expect((await admin.accounts(own.apiKey)).total).toBe(submits);
  expect((await admin.accounts(own.apiKey, { email: 'participant-0@example.com' })).total).toBe(submits / 5);
  expect(await admin.journalCount({ apiKey: own.apiKey })).toBe(2 * submits + submits + 2 * crossAttempts + 50);
  expect((await admin.accounts(neighbour.apiKey)).total).toBe(neighbourCount);
}
