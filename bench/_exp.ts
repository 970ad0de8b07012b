import { existsSync } from 'node:fs';
import { load, form } from '/work/main/bench/load.js';
import { cpuMs, freePort, startProcess, stop } from '/work/main/bench/processes.js';
import { benchSite, benchUid, seedAccounts } from '/work/main/bench/seedAccounts.js';
const db = '/tmp/exp/accounts.db';
if (!existsSync(db)) seedAccounts(db, 100_000);
const credentials = `apiKey=${benchSite.apiKey}&userKey=${benchSite.userKey}&secret=${encodeURIComponent(benchSite.secret)}`;
const staticBody = process.env.STATIC === '1';
for (const spec of (process.env.VARIANTS ?? 'hello,0,1,2,3').split(',')) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const args = spec.startsWith('hono') ? ['/work/main/bench/_hono.mjs', String(port), spec.slice(5)] : spec === 'hello' ? ['/work/main/bench/targets/hello.mjs', String(port)] : ['/tmp/exp/variant.mjs', String(port), spec, db, '/tmp/exp/j.db', benchSite.secret];
  const { child } = await startProcess(process.execPath, args, {}, async () => (await fetch(base + '/', { method: 'POST', body: 'x' })).ok);
  const before = cpuMs(child.pid!);
  const r = await load({ ...(process.env.RATE ? { overallRate: Number(process.env.RATE) } : {}), url: base + '/accounts.getAccountInfo', duration: 5, requests: [{ method: 'POST', headers: form, ...(staticBody ? { body: `${credentials}&UID=${benchUid(5)}` } : { setupRequest: (q) => ({ ...q, body: `${credentials}&UID=${benchUid(Math.floor(Math.random() * 100000))}` }) }) }] });
  const us = ((cpuMs(child.pid!) - before) * 1000) / r.total;
  console.log(spec, Math.round(r.requestsPerSecond), 'req/s', us.toFixed(1), 'µs/req server');
  await stop(child);
}
