// npm run bench: the fake Gigya against the ceiling of this machine and, with --peers, against
// what users would pick instead (WireMock, Mockoon CLI, json-server), in ONE run. Every server
// is measured twice from its own spawn: over the first 10 s (start-up included: what a CI job
// sees) and warm (after a bounded warm-up). Every figure is also a ratio to a raw node:http
// server measured in the same run, so the report means something on any machine. Loopback
// only; every load run is bounded in time, every loop in count.
//
//   npm run bench                       the fake, the ceiling, Hono alone, the floor, the embedded kit
//   npm run bench -- --peers            and the peers, installed on demand
//   npm run bench -- --help             the settings (BENCH_SECONDS, BENCH_WARMUP_SECONDS, ...)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { coldThenWarm, type ColdWarm, type Phases } from './coldWarm.js';
import { embeddedKitTimings } from './embeddedKit.js';
import { measureFake } from './fakeRuns.js';
import { okPerSecond, type Row } from './measured.js';
import { benchOptions, BenchUsageError, benchUsage, type BenchOptions } from './options.js';
import { peersCacheDir } from './peers/cache.js';
import { wiremock } from './peers/wiremock.js';
import { mockoon } from './peers/mockoon.js';
import { measurePeers, type PeerRuns } from './peers/measure.js';
import { ceilingTable, comparisonTable, kitTable, markdownTable, targets, targetsTable, type Measured, type WarmLine } from './report.js';
import { benchSite, seedAccounts } from './seedAccounts.js';
import { gigyaRead, hello } from './workloads.js';

function parse(): BenchOptions {
  try {
    return benchOptions(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof BenchUsageError)) throw error;
    console.error(`npm run bench: ${error.message}`);
    process.exit(2);
  }
}

const script = (file: string, ...args: string[]) => (port: number) => ({ command: process.execPath, args: [file, String(port), ...args] });

const warmLine = (name: string, what: string, run: ColdWarm): WarmLine => ({ name, what, ...run.warm });
const rowLine = (row: Row, what: string): WarmLine => ({
  name: row.name,
  what,
  perSecond: okPerSecond(row.result),
  p50Ms: row.result.p50Ms,
  p99Ms: row.result.p99Ms,
  cpuUsPerRequest: row.cpuUsPerRequest,
  failed: row.result.errors + row.result.non2xx,
});

async function main(options: BenchOptions): Promise<void> {
  const phases: Phases = { coldSeconds: options.coldSeconds, warmupSeconds: options.warmupSeconds, seconds: options.seconds };
  const dir = mkdtempSync(join(tmpdir(), 'fake-gigya-bench-'));
  // Other processes on the machine take CPU from the servers and the load generator alike: say how busy it was.
  const loadSamples = [loadavg()[0]!];
  const sampler = setInterval(() => loadSamples.push(loadavg()[0]!), 5000);
  try {
    console.log('ceiling: node:http hello ...');
    const ceiling = await coldThenWarm(script('bench/targets/hello.mjs'), hello, phases);
    console.log('Hono alone ...');
    const hono = await coldThenWarm(script('bench/targets/hono.mjs'), gigyaRead(options.accounts), phases);
    const db = join(dir, 'bench.db');
    console.log(`seeding ${options.accounts} accounts ...`);
    seedAccounts(db, options.accounts);
    console.log('floor ...');
    const floor = await coldThenWarm(script('bench/targets/floor.mjs', db, join(dir, 'floor-journal.db'), benchSite.secret), gigyaRead(options.accounts), phases);
    execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
    console.log('the fake: getAccountInfo, lite submit, lite submit --ephemeral ...');
    const fake = await measureFake(db, options.accounts, phases);
    const peerRuns: PeerRuns = options.peers
      ? await measurePeers({ cacheDir: peersCacheDir(process.env), workDir: join(dir, 'peers'), answers: fake.answers }, phases)
      : { rows: [], unavailable: [], byName: {} };
    console.log('embedded kit ...');
    const kit = await embeddedKitTimings(options.kitRuns);

    const wiremockRuns = peerRuns.byName[wiremock.name] ?? {};
    const mockoonRuns = peerRuns.byName[mockoon.name] ?? {};
    const comparison: Measured[] = [
      { server: 'node:http hello (ceiling)', kind: 'read', what: 'a GET answered `hello`', result: ceiling },
      ...peerRuns.rows,
      { server: 'fake, durable file', kind: 'read', what: `getAccountInfo of a random account of ${options.accounts}`, result: fake.read },
      { server: 'fake, durable file', kind: 'submit', what: 'lite submit: initRegistration + setAccountInfo, history and journal on', result: fake.submit },
      { server: 'fake, --ephemeral', kind: 'submit', what: 'lite submit, everything in memory', result: fake.ephemeralSubmit },
    ];
    const warm: WarmLine[] = [
      warmLine('node:http hello (ceiling)', 'the cheapest answer Node gives', ceiling),
      warmLine('Hono + URLSearchParams form POST, no store', 'the framework alone', hono),
      warmLine('floor: node:http + SQLite read + journal', 'the least a durable getAccountInfo can cost', floor),
      warmLine('getAccountInfo', 'the fake, a random seeded account', fake.read),
      warmLine('lite submit (initRegistration + setAccountInfo)', 'the fake, durable file', fake.submit),
      warmLine('lite submit, --ephemeral', 'the fake, in memory', fake.ephemeralSubmit),
      rowLine(fake.search, 'the fake, `profile.email = …`, a random seeded email'),
    ];
    const reached = targets({
      fakeRead: fake.read,
      fakeSubmit: fake.submit,
      ephemeralSubmit: fake.ephemeralSubmit,
      wiremock: wiremockRuns,
      mockoon: mockoonRuns,
      accounts: options.accounts,
      kit,
    });

    clearInterval(sampler);
    const sorted = [...loadSamples].sort((a, b) => a - b);
    const load = { min: sorted[0]!, median: sorted[sorted.length >> 1]!, max: sorted[sorted.length - 1]!, cores: availableParallelism() };
    console.log(`\nmachine load average (1 min, every 5 s): median ${load.median.toFixed(1)}, ${load.min.toFixed(1)}–${load.max.toFixed(1)}, on ${load.cores} cores`);
    console.log(`\nCold (the first ${phases.coldSeconds} s after the spawn, start-up included) and warm (after ${phases.warmupSeconds} s of load, ${phases.seconds} s measured); 50 connections, loopback\n`);
    console.log(comparisonTable(comparison, ceiling, wiremockRuns));
    for (const line of peerRuns.unavailable) console.log(line);
    console.log('\nWarm, against the ceiling\n');
    console.log(ceilingTable(warm));
    console.log(`\nstart-up to the first answer: fake ${fake.read.startupMs.toFixed(0)} ms (${options.accounts} accounts), --ephemeral ${fake.ephemeralSubmit.startupMs.toFixed(0)} ms, node:http ${ceiling.startupMs.toFixed(0)} ms`);
    console.log(`fake RSS after the warm getAccountInfo run: ${fake.read.rssMb.toFixed(0)} MB`);
    console.log(`\nInspector pages with ${options.accounts} accounts (10 sequential loads each)\n`);
    console.log(markdownTable(['Page', 'median ms', 'max ms'], fake.pages.map((page) => [page.page, page.medianMs.toFixed(1), page.maxMs.toFixed(1)])));
    console.log('\n');
    console.log(kitTable(kit));
    console.log('\nTargets (reported, never asserted in a test)\n');
    console.log(targetsTable(reached));
    writeFileSync(
      'bench/results.json',
      `${JSON.stringify(
        { at: new Date().toISOString(), node: process.version, loadAverage: load, phases, connections: 50, accounts: options.accounts, comparison, unavailable: peerRuns.unavailable, warm, inspectorPages: fake.pages, embeddedKit: kit, targets: reached },
        null,
        2,
      )}\n`,
    );
    console.log('\nwritten: bench/results.json');
  } finally {
    clearInterval(sampler);
    rmSync(dir, { recursive: true, force: true });
  }
}

const options = parse();
if (options.help) console.log(benchUsage);
else await main(options);
