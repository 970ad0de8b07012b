// The fake as `npm start` runs it (its bundle and node flags), cold then warm: getAccountInfo and
// lite submits on the seeded file (durable: history and journal on, every write committed before
// its answer), and lite submits with --ephemeral. Its real answers are kept for the stubs.
import { readFileSync } from 'node:fs';
import { coldThenWarm, type ColdWarm, type Phases, type Spawn } from './coldWarm.js';
import { form, load } from './load.js';
import { measured, type Row } from './measured.js';
import { inspectorPageTimes, type PageTime } from './pages.js';
import type { FakeAnswers } from './peers/peer.js';
import { benchEmail, benchSite, benchUid } from './seedAccounts.js';
import { benchCredentials, gigyaLiteSubmit, gigyaRead } from './workloads.js';

export interface FakeRuns {
  read: ColdWarm;
  submit: ColdWarm;
  ephemeralSubmit: ColdWarm;
  search: Row;
  pages: PageTime[];
  answers: FakeAnswers;
}

// Started exactly as `npm start` starts it (node flags included), minus the build.
const startWords = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { start: string } }).scripts.start.split(' ');
const startArgs = startWords.slice(startWords.indexOf('node') + 1);
const env = { FAKE_GIGYA_API_KEY: benchSite.apiKey, FAKE_GIGYA_USER_KEY: benchSite.userKey, FAKE_GIGYA_SECRET: benchSite.secret };

/** `storage` is `--db <file>` or `--ephemeral`. BENCH_CPU_PROFILE=<dir> writes a V8 CPU profile of each start. */
function fakeAt(storage: string[]): (port: number) => Spawn {
  const profile = process.env.BENCH_CPU_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`] : [];
  return (port) => ({ command: process.execPath, args: [...profile, ...startArgs, '--port', String(port), ...storage], env });
}

async function answerOf(base: string, method: string, body: string): Promise<string> {
  const text = await (await fetch(`${base}/${method}`, { method: 'POST', headers: form, body })).text();
  const { errorCode } = JSON.parse(text) as { errorCode: number };
  if (errorCode !== 0) throw new Error(`the fake answered ${method} with errorCode ${errorCode}: ${text.slice(0, 300)}`);
  return text;
}

/** One getAccountInfo of a seeded full account and one lite submit, as the fake answers them. */
async function captureAnswers(base: string): Promise<FakeAnswers> {
  const uid = benchUid(1);
  const getAccountInfo = await answerOf(base, 'accounts.getAccountInfo', `${benchCredentials}&UID=${uid}`);
  const initRegistration = await answerOf(base, 'accounts.initRegistration', `${benchCredentials}&isLite=true`);
  const { regToken } = JSON.parse(initRegistration) as { regToken: string };
  const profile = encodeURIComponent(JSON.stringify({ email: 'answers@submit.example', firstName: 'Jane', lastName: 'Doe' }));
  const setAccountInfo = await answerOf(base, 'accounts.setAccountInfo', `${benchCredentials}&regToken=${regToken}&profile=${profile}`);
  return { uid, getAccountInfo, initRegistration, setAccountInfo };
}

export async function measureFake(db: string, accounts: number, phases: Phases): Promise<FakeRuns> {
  const readsSeeded = async (response: Response) => ((await response.json()) as { errorCode: number }).errorCode === 0;
  let search: Row | undefined;
  let pages: PageTime[] = [];
  let answers: FakeAnswers | undefined;
  const read = await coldThenWarm(fakeAt(['--db', db]), gigyaRead(accounts, readsSeeded), phases, async (base, pid) => {
    search = await measured(pid, `search by email (${accounts} accounts)`, () =>
      load({
        url: `${base}/accounts.search`,
        duration: phases.seconds,
        requests: [
          {
            method: 'POST',
            headers: form,
            setupRequest: (request) => ({
              ...request,
              body: `${benchCredentials}&accountTypes=full,lite&query=${encodeURIComponent(
                `SELECT * FROM accounts WHERE profile.email = "${benchEmail(Math.floor(Math.random() * accounts))}"`,
              )}`,
            }),
          },
        ],
      }),
    );
    pages = await inspectorPageTimes(base, accounts);
    answers = await captureAnswers(base);
  });
  const submit = await coldThenWarm(fakeAt(['--db', db]), gigyaLiteSubmit(), phases);
  const ephemeralSubmit = await coldThenWarm(fakeAt(['--ephemeral']), gigyaLiteSubmit(), phases);
  return { read, submit, ephemeralSubmit, search: search!, pages, answers: answers! };
}
