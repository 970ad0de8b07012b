// npm run bench: the fake Gigya against the ceiling of this machine, in ONE run.
// Every figure is also given as a ratio to a raw node:http server measured in the same run,
// so the report means something on any machine. Loopback only; every load run is bounded.
//
//   npm run bench                       5 s per load run, 100 000 seeded accounts
//   BENCH_SECONDS=10 BENCH_ACCOUNTS=20000 npm run bench
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { form, load, type LoadResult } from './load.js';
import { inspectorPageTimes } from './pages.js';
import { cpuMs, freePort, rssMb, startProcess, stop } from './processes.js';
import { benchEmail, benchSite, benchUid, seedAccounts } from './seedAccounts.js';

const seconds = Math.min(Number(process.env.BENCH_SECONDS ?? 5), 10);
const accounts = Number(process.env.BENCH_ACCOUNTS ?? 100_000);
// The fake is started exactly as `npm start` starts it (node flags included), minus the build.
const startWords = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { start: string } }).scripts.start.split(' ');
const startArgs = startWords.slice(startWords.indexOf('node') + 1);
const credentials = `apiKey=${benchSite.apiKey}&userKey=${benchSite.userKey}&secret=${encodeURIComponent(benchSite.secret)}`;

interface Row {
  name: string;
  result: LoadResult;
  cpuUsPerRequest: number;
}

async function measured(pid: number, name: string, run: () => Promise<LoadResult>): Promise<Row> {
  const before = cpuMs(pid);
  const result = await run();
  const cpuUsPerRequest = ((cpuMs(pid) - before) * 1000) / Math.max(result.total, 1);
  return { name, result, cpuUsPerRequest };
}

async function ceiling(): Promise<{ row: Row; startupMs: number }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const { child, startupMs } = await startProcess(process.execPath, ['bench/targets/hello.mjs', String(port)], {}, async () => (await fetch(url)).ok);
  const row = await measured(child.pid!, 'node:http hello (ceiling)', () => load({ url, duration: seconds }));
  await stop(child);
  return { row, startupMs };
}

/** getAccountInfo of random seeded UIDs, server-side (userKey + secret in clear). */
function getAccountInfoLoad(base: string): Promise<LoadResult> {
  return load({
    url: `${base}/accounts.getAccountInfo`,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        headers: form,
        setupRequest: (request) => ({ ...request, body: `${credentials}&UID=${benchUid(Math.floor(Math.random() * accounts))}` }),
      },
    ],
  });
}

/** A comparison server from bench/targets/, under the same getAccountInfo load as the fake. */
async function targetRow(name: string, script: string, extraArgs: string[]): Promise<Row> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const probe = async () => (await fetch(`${base}/accounts.getAccountInfo`, { method: 'POST', headers: form, body: `${credentials}&UID=${benchUid(1)}` })).ok;
  const { child } = await startProcess(process.execPath, [script, String(port), ...extraArgs], {}, probe);
  const row = await measured(child.pid!, name, () => getAccountInfoLoad(base));
  await stop(child);
  return row;
}

/** Hono alone (bench/targets/hono.mjs), answering the same form POSTs without a store: the framework's own share. */
function honoAlone(): Promise<Row> {
  return targetRow('Hono + URLSearchParams form POST, no store', 'bench/targets/hono.mjs', []);
}

/** The floor of the design (bench/targets/floor.mjs) on the seeded file: the best a getAccountInfo with a journal can do here. */
function floor(db: string, dir: string): Promise<Row> {
  return targetRow('floor: node:http + SQLite read + journal', 'bench/targets/floor.mjs', [db, join(dir, 'floor-journal.db'), benchSite.secret]);
}

async function fake(dir: string) {
  const db = join(dir, 'bench.db');
  console.log(`seeding ${accounts} accounts ...`);
  seedAccounts(db, accounts);
  const floorRow = await floor(db, dir);
  execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = { FAKE_GIGYA_API_KEY: benchSite.apiKey, FAKE_GIGYA_USER_KEY: benchSite.userKey, FAKE_GIGYA_SECRET: benchSite.secret };
  const probe = async () => {
    const response = await fetch(`${base}/accounts.getAccountInfo`, { method: 'POST', headers: form, body: `${credentials}&UID=${benchUid(1)}` });
    return ((await response.json()) as { errorCode: number }).errorCode === 0;
  };
  // BENCH_CPU_PROFILE=<dir> writes a V8 CPU profile of the fake, for finding where its time goes.
  const profile = process.env.BENCH_CPU_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`] : [];
  const args = [...profile, ...startArgs, '--port', String(port), '--db', db];
  const { child, startupMs } = await startProcess(process.execPath, args, env, probe);
  const pid = child.pid!;
  const pick = () => Math.floor(Math.random() * accounts);
  let submitted = 0;

  const rows: Row[] = [];
  rows.push(
    await measured(pid, 'lite submit (initRegistration + setAccountInfo)', () =>
      load({
        url: `${base}/accounts.initRegistration`,
        duration: seconds,
        requests: [
          {
            method: 'POST',
            headers: form,
            body: `${credentials}&isLite=true`,
            onResponse: (_status, body, context) => {
              (context as { regToken?: string }).regToken = (JSON.parse(body) as { regToken: string }).regToken;
            },
          },
          {
            method: 'POST',
            path: '/accounts.setAccountInfo',
            headers: form,
            setupRequest: (request, context) => ({
              ...request,
              body: `${credentials}&regToken=${(context as { regToken?: string }).regToken}&profile=${encodeURIComponent(
                JSON.stringify({ email: `bench${submitted++}@submit.example`, firstName: 'Jane', lastName: 'Doe' }),
              )}`,
            }),
          },
        ],
      }),
    ),
  );
  rows.push(await measured(pid, 'getAccountInfo', () => getAccountInfoLoad(base)));
  rows.push(
    await measured(pid, `search by email (${accounts} accounts)`, () =>
      load({
        url: `${base}/accounts.search`,
        duration: seconds,
        requests: [
          {
            method: 'POST',
            headers: form,
            setupRequest: (request) => ({
              ...request,
              body: `${credentials}&accountTypes=full,lite&query=${encodeURIComponent(`SELECT * FROM accounts WHERE profile.email = "${benchEmail(pick())}"`)}`,
            }),
          },
        ],
      }),
    ),
  );
  const rss = rssMb(pid);
  const pages = await inspectorPageTimes(base, accounts);
  await stop(child);
  return { rows, floorRow, startupMs, rssMb: rss, submitted, pages };
}

function percent(value: number, of: number): string {
  return `${((value / of) * 100).toFixed(0)}%`;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'fake-gigya-bench-'));
  try {
    const base = await ceiling();
    const hono = await honoAlone();
    const measuredFake = await fake(dir);
    const top = base.row.result.requestsPerSecond;
    const rows = [base.row, hono, measuredFake.floorRow, ...measuredFake.rows];
    console.log(`\n${seconds} s per run, 50 connections, loopback; ratios against the ceiling measured in this run\n`);
    console.table(
      rows.map((row) => ({
        scenario: row.name,
        'req/s': Math.round(row.result.requestsPerSecond),
        'of ceiling': percent(row.result.requestsPerSecond, top),
        'p50 ms': row.result.p50Ms,
        'p99 ms': row.result.p99Ms,
        'server CPU µs/req': Math.round(row.cpuUsPerRequest),
        'errors/non-2xx': row.result.errors + row.result.non2xx,
      })),
    );
    const startupRatio = measuredFake.startupMs / base.startupMs;
    console.log(`start-up to first answer: fake ${measuredFake.startupMs.toFixed(0)} ms (target < 400), node:http ${base.startupMs.toFixed(0)} ms (x${startupRatio.toFixed(1)})`);
    console.log(`fake RSS after load with ${accounts} accounts: ${measuredFake.rssMb.toFixed(0)} MB (target < 150)`);
    console.log(`\ninspector pages with ${accounts} accounts (10 sequential loads each; target: well under a second at 10 000)`);
    console.table(measuredFake.pages.map((page) => ({ page: page.page, 'median ms': page.medianMs.toFixed(1), 'max ms': page.maxMs.toFixed(1) })));
    const targets = {
      liteSubmit: { ratio: measuredFake.rows[0]!.result.requestsPerSecond / top, target: 0.35 },
      getAccountInfo: { ratio: measuredFake.rows[1]!.result.requestsPerSecond / top, target: 0.5 },
      startupMs: { value: measuredFake.startupMs, target: 400 },
      rssMb: { value: measuredFake.rssMb, target: 150 },
    };
    writeFileSync(
      'bench/results.json',
      `${JSON.stringify({ at: new Date().toISOString(), seconds, connections: 50, accounts, node: process.version, rows, startup: { fakeMs: measuredFake.startupMs, ceilingMs: base.startupMs }, rssMb: measuredFake.rssMb, inspectorPages: measuredFake.pages, targets }, null, 2)}\n`,
    );
    console.log('\nwritten: bench/results.json');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
