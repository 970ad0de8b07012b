// The embedded kit as another project's tests use it: startFakeGigya() in beforeAll, reset()
// in beforeEach, close() in afterAll, and one call made in-process (app.request) or over
// loopback. Timed in this process, one at a time, a bounded number of runs each.
import { createFakeGigya } from '../server/app.js';
import { startFakeGigya, type RunningFakeGigya } from '../server/embedded.js';
import { form } from './load.js';

export interface Timing {
  name: string;
  what: string;
  runs: number;
  p50Ms: number;
  p99Ms: number;
}

type Call = (method: string, body: string) => Promise<Response>;

function timing(name: string, what: string, ms: number[]): Timing {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (share: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))]!;
  return { name, what, runs: ms.length, p50Ms: at(0.5), p99Ms: at(0.99) };
}

async function timed<T>(into: number[], run: () => Promise<T> | T): Promise<T> {
  const started = performance.now();
  const value = await run();
  into.push(performance.now() - started);
  return value;
}

const credentialsOf = (gigya: RunningFakeGigya) =>
  `apiKey=${gigya.site.apiKey}&userKey=${gigya.site.userKey}&secret=${encodeURIComponent(gigya.site.secret)}`;

/** A lite submit (initRegistration + setAccountInfo): the UID of the account it made. */
async function liteSubmit(gigya: RunningFakeGigya, email: string): Promise<string> {
  const call: Call = (method, body) => fetch(`${gigya.baseUrl}/${method}`, { method: 'POST', headers: form, body });
  const credentials = credentialsOf(gigya);
  const { regToken } = (await (await call('accounts.initRegistration', `${credentials}&isLite=true`)).json()) as { regToken: string };
  const profile = encodeURIComponent(JSON.stringify({ email, firstName: 'Jane' }));
  const answer = (await (await call('accounts.setAccountInfo', `${credentials}&regToken=${regToken}&profile=${profile}`)).json()) as { errorCode: number; UID?: string };
  if (answer.errorCode !== 0 || !answer.UID) throw new Error(`lite submit answered ${JSON.stringify(answer)}`);
  return answer.UID;
}

/** The same getAccountInfo `calls` times after `calls / 10` untimed ones; every answer is checked. */
async function callTimes(call: Call, body: string, calls: number): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < calls + calls / 10; i++) {
    const into = i < calls / 10 ? [] : ms;
    const answer = await timed(into, async () => (await (await call('accounts.getAccountInfo', body)).json()) as { errorCode: number });
    if (answer.errorCode !== 0) throw new Error(`getAccountInfo answered ${JSON.stringify(answer)}`);
  }
  return ms;
}

export async function embeddedKitTimings(runs = 100, calls = 2000): Promise<Timing[]> {
  const starts: number[] = [];
  const resets: number[] = [];
  const closes: number[] = [];
  for (let run = 0; run < runs; run++) {
    const gigya = await timed(starts, () => startFakeGigya());
    // Something for reset() to forget, as a test leaves behind.
    for (let i = 0; i < 3; i++) await liteSubmit(gigya, `kit${run}.${i}@embedded.example`);
    await timed(resets, () => gigya.reset());
    await timed(closes, () => gigya.close());
  }

  const gigya = await startFakeGigya();
  try {
    const uid = await liteSubmit(gigya, 'one-call@embedded.example');
    const body = `${credentialsOf(gigya)}&UID=${uid}`;
    // The same store behind a second app: the same account, without the socket.
    const app = createFakeGigya({ store: gigya.store });
    const inProcess = await callTimes(async (method, text) => app.request(`/${method}`, { method: 'POST', headers: form, body: text }), body, calls);
    const loopback = await callTimes((method, text) => fetch(`${gigya.baseUrl}/${method}`, { method: 'POST', headers: form, body: text }), body, calls);
    return [
      timing('startFakeGigya()', 'in-memory store, its own site, listening on a loopback port', starts),
      timing('reset()', 'after three lite submits: accounts, tokens, history, journal and faults forgotten', resets),
      timing('close()', 'server closed, store closed', closes),
      timing('getAccountInfo in-process', 'app.request() on createFakeGigya({ store }): no socket', inProcess),
      timing('getAccountInfo over loopback', 'fetch() to startFakeGigya().baseUrl, keep-alive', loopback),
    ];
  } finally {
    await gigya.close();
  }
}
