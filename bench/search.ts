// accounts.search benchmark: seeds 100k and 1M accounts into a temporary
// SQLite file and reports p50/p99 of the handler for indexed equality (UID, profile.email),
// an AND of three predicates, contains, ORDER BY + LIMIT and count(*). Reports, never asserts.
//
//   npm run bench:search                 both sizes
//   npm run bench:search -- 100000       one size (any number of accounts)
// Each case runs up to 2000 times or for a time budget (at least 20 runs, 10 at 1M), after 20
// warm-ups; with few runs p99 is the slowest run. Timings depend on the machine and its load.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { search } from '../server/accounts/search.js';
import { callMethod } from '../server/testing/callMethod.js';
import type { MethodContext, Params } from '../server/protocol/method.js';
import { openStore, type Store } from '../server/store/index.js';
import { defaultPolicies } from '../server/store/policies.js';
import type { Site } from '../server/store/sites.js';
import { mulberry32 } from '../server/faults/prng.js';

const site: Site = { apiKey: 'bench_site', name: 'bench', dataCenter: 'us1', policies: defaultPolicies, createdMs: 0 };
const firstNames = ['Alice', 'Bob', 'Carol', 'Dave', 'Erin', 'Frank', 'Grace', 'Heidi', 'Ivan', 'Judy', 'Mallory', 'Niaj', 'Olivia', 'Peggy'];
const countries = ['BE', 'FR', 'NL', 'DE', 'LU', 'ES', 'IT', 'PT', 'GB', 'IE', 'US', 'CA'];
const tags = ['vip', 'newsletter', 'sports', 'music', 'travel', 'cinema', 'food'];
const words = ['quiz', 'contest', 'winter', 'summer', 'football', 'cooking', 'travel', 'music', 'prize', 'weekly'];

const uidOf = (i: number) => `uid${i.toString(16).padStart(8, '0')}`;
const emailOf = (i: number) => `user${i}@bench.example`;

/** One transaction of repository saves: fast enough for a million accounts, and the rows are the real ones. */
function seed(store: Store, count: number): void {
  store.sites.insert(site);
  // Deterministic, so two runs seed the same data.
  const next = mulberry32(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const start = 1_600_000_000_000;
  store.transaction(() => {
    for (let i = 0; i < count; i++) {
      const lite = next() < 0.2;
      const email = emailOf(i);
      const profile = { email, firstName: pick(firstNames), country: pick(countries), birthYear: 1940 + Math.floor(next() * 70) };
      const data = {
        score: Math.floor(next() * 1000),
        tags: tags.filter(() => next() < 0.25),
        bio: Array.from({ length: 6 }, () => pick(words)).join(' '),
      };
      const created = start + i * 1000;
      store.accounts.save({
        site: site.apiKey, uid: uidOf(i), kind: lite ? 'lite' : 'full', email, loginIds: [], passwordHash: null, profile, data,
        subscriptions: {}, preferences: {}, isRegistered: !lite, isActive: true, isVerified: next() < 0.5,
        regSource: lite ? 'qualifio' : 'web', createdMs: created, lastUpdatedMs: created, registeredMs: null, verifiedMs: null, lastLoginMs: null,
      });
    }
  });
}

function context(store: Store, query: string): MethodContext<Params> {
  const id = () => '0'.repeat(32);
  return {
    method: 'accounts.search',
    params: { query },
    site,
    caller: { via: 'userKeySecret', userKey: 'bench' },
    store,
    clock: { now: () => Date.now() },
    ids: { callId: id, uid: id, regToken: id, emailAccountToken: id, apiKey: id, userKey: id, secret: id },
  };
}

interface Case {
  name: string;
  query: (i: number) => string;
}

function cases(count: number): Case[] {
  const at = (i: number) => (i * 7919) % count;
  return [
    { name: 'UID = (indexed)', query: (i) => `SELECT * FROM accounts WHERE UID = "${uidOf(at(i))}"` },
    { name: 'profile.email = (indexed)', query: (i) => `SELECT * FROM accounts WHERE profile.email = "${emailOf(at(i))}"` },
    {
      name: 'AND of three predicates',
      query: (i) => `SELECT UID FROM accounts WHERE profile.country = "${countries[i % countries.length]}" AND data.score > 900 AND isVerified = true`,
    },
    { name: 'contains (whole word)', query: (i) => `SELECT UID FROM accounts WHERE data.bio contains "${words[i % words.length]} prize" LIMIT 100` },
    { name: 'ORDER BY created DESC LIMIT 10', query: () => 'SELECT UID, profile.firstName FROM accounts ORDER BY created DESC LIMIT 10' },
    { name: 'ORDER BY data.score DESC LIMIT 10', query: () => 'SELECT UID FROM accounts WHERE profile.country = "BE" ORDER BY data.score DESC LIMIT 10' },
    { name: 'count(*)', query: () => 'SELECT count(*) FROM accounts' },
    { name: 'count(*) WHERE one predicate', query: (i) => `SELECT count(*) FROM accounts WHERE profile.country = "${countries[i % countries.length]}"` },
  ];
}

/** A full GC on demand, without asking for node --expose-gc. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Runs a case for at most `runs` iterations or `budgetMs`, whichever ends first (after 5 warm-ups). */
function measure(store: Store, item: Case, runs: number, budgetMs: number, minRuns: number): { p50: number; p99: number; n: number } {
  // Garbage left by seeding or by the previous case is collected before, not during, this one.
  collectGarbage();
  for (let i = 0; i < Math.min(20, minRuns); i++) callMethod(search, context(store, item.query(i)));
  const times: number[] = [];
  const deadline = performance.now() + budgetMs;
  for (let i = 0; i < runs && (times.length < minRuns || performance.now() < deadline); i++) {
    const started = performance.now();
    callMethod(search, context(store, item.query(i + 5)));
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99), n: times.length };
}

function bench(count: number): void {
  const dir = mkdtempSync(join(tmpdir(), 'search-bench-'));
  const store = openStore({ file: join(dir, 'bench.sqlite') });
  try {
    const seeding = performance.now();
    seed(store, count);
    console.log(`\n${count.toLocaleString('en')} accounts seeded in ${((performance.now() - seeding) / 1000).toFixed(1)} s`);
    console.log(`${'query'.padEnd(36)} ${'p50 ms'.padStart(9)} ${'p99 ms'.padStart(9)} ${'runs'.padStart(6)}`);
    for (const item of cases(count)) {
      // At 1M a scan takes around a second: fewer runs keep the whole bench within a few minutes.
      const { p50, p99, n } = measure(store, item, 2000, count > 200_000 ? 6000 : 5000, count > 200_000 ? 10 : 20);
      console.log(`${item.name.padEnd(36)} ${p50.toFixed(3).padStart(9)} ${p99.toFixed(3).padStart(9)} ${String(n).padStart(6)}`);
    }
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const sizes = process.argv.slice(2).map(Number).filter((n) => Number.isInteger(n) && n > 0);
for (const count of sizes.length > 0 ? sizes : [100_000, 1_000_000]) bench(count);
