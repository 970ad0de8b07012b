import { maxBodyBytes } from '../../server/protocol/params.js';
import { request as httpRequest, Agent } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { callGigya, demoCredentials, FakeGigyaProcess, temporaryDatabase } from './fakeGigyaProcess.js';
import { FuzzRequestSource, type FuzzRequest, type FuzzTargets } from './fuzzRequests.js';
import { inPool, reliabilityScale, report, seededRandom } from './reliabilityScale.js';
import { haystacksOf, leaksOf } from './secretsAudit.js';

// Malformed requests against one running fake (a child process): it must never die, answer
// every one of them with a Gigya envelope, and leave the victim site's data as it was.

const total = reliabilityScale.fuzzRequests;
const demo = demoCredentials();
const db = temporaryDatabase('reliability-fuzz');
const agent = new Agent({ keepAlive: true, maxSockets: 16 });
let fake: FakeGigyaProcess | undefined;

afterAll(async () => {
  agent.destroy();
  await fake?.stop();
});

interface Answer {
  status: number;
  contentType: string;
  text: string;
}

function send(baseUrl: string, fuzz: FuzzRequest): Promise<Answer> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    // An explicit length: Node sends a DELETE or OPTIONS body unframed otherwise, which is not HTTP.
    // A chunked body goes without one, on a connection of its own: the fake may close it early.
    const headers = fuzz.body === undefined || fuzz.chunked ? fuzz.headers : { ...fuzz.headers, 'content-length': String(fuzz.body.length) };
    const outgoing = httpRequest({ host: hostname, port, method: fuzz.method, path: fuzz.path, headers, agent: fuzz.chunked ? false : agent, timeout: 30_000 }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, contentType: String(response.headers['content-type'] ?? ''), text: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    outgoing.on('timeout', () => outgoing.destroy(new Error('no answer within 30 s')));
    outgoing.on('error', reject);
    if (!fuzz.chunked || fuzz.body === undefined) {
      outgoing.end(fuzz.body);
      return;
    }
    // Bounded: the body is at most a few MiB, written in 64 KiB pieces.
    for (let offset = 0; offset < fuzz.body.length && !outgoing.destroyed; offset += 65_536) outgoing.write(fuzz.body.subarray(offset, offset + 65_536));
    outgoing.end();
  });
}

/** Why `answer` breaks the request's own expectation (hostileRequests.ts), or null. */
function unexpected(fuzz: FuzzRequest, answer: Answer): string | null {
  const expected = fuzz.expect;
  if (expected?.admin !== undefined) {
    if (!expected.admin.includes(answer.status)) return `status ${answer.status}, expected ${expected.admin.join(' or ')}`;
    try {
      const body = JSON.parse(answer.text) as { error?: { message?: unknown } };
      return typeof body.error?.message === 'string' ? null : 'an admin refusal without an error message';
    } catch {
      return 'an admin refusal that is not JSON';
    }
  }
  const problem = notAnEnvelope(answer);
  if (problem !== null) return problem;
  const body = JSON.parse(answer.text.replace(/^[A-Za-z_$][\w$.]*\(([\s\S]*)\);?\s*$/, '$1')) as { errorCode: number };
  if (expected?.errorCode !== undefined && body.errorCode !== expected.errorCode) return `errorCode ${body.errorCode}, expected ${expected.errorCode}`;
  if (expected?.refused && body.errorCode === 0) return 'accepted, expected a refusal';
  return null;
}

/** Why `answer` is not a Gigya envelope, or null when it is one. */
function notAnEnvelope(answer: Answer): string | null {
  let text = answer.text;
  if (answer.contentType.startsWith('text/javascript')) {
    const wrapped = /^[A-Za-z_$][\w$.]*\(([\s\S]*)\);?\s*$/.exec(text);
    if (!wrapped) return 'a JSONP answer that is not callback({...})';
    text = wrapped[1]!;
  } else if (!answer.contentType.startsWith('application/json')) {
    return `content type ${answer.contentType}`;
  }
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return 'not JSON';
  }
  if (typeof body !== 'object' || body === null) return 'not a JSON object';
  if (typeof body.callId !== 'string' || !/^[0-9a-f]{32}$/.test(body.callId)) return 'no 32-hex callId';
  if (!Number.isInteger(body.errorCode)) return 'no numeric errorCode';
  if (!Number.isInteger(body.statusCode)) return 'no numeric statusCode';
  if (typeof body.time !== 'string' || Number.isNaN(Date.parse(body.time))) return 'no time';
  return null;
}

/** Every row of a snapshot as JSON text, so two snapshots compare as sets of rows. */
function rowsOf(snapshot: { sites: Array<Record<string, unknown>> }): Set<string> {
  const rows = new Set<string>();
  for (const site of snapshot.sites) {
    for (const [table, value] of Object.entries(site)) {
      for (const row of Array.isArray(value) ? value : [value]) rows.add(`${table} ${JSON.stringify(row)}`);
    }
  }
  return rows;
}

/** Rows only in `before` (removed or changed) and only in `after` (added or changed). */
function changedRows(before: Set<string>, after: Set<string>): string[] {
  return [...[...before].filter((row) => !after.has(row)).map((row) => `- ${row}`), ...[...after].filter((row) => !before.has(row)).map((row) => `+ ${row}`)];
}

describe('fuzz: malformed requests against a running fake', () => {
  const answers: string[] = [];
  let source: FuzzRequestSource | undefined;

  it(`answers ${total} malformed requests with Gigya envelopes, never dies, and changes no victim data`, async () => {
    fake = await FakeGigyaProcess.start(db, demo);
    const { baseUrl } = fake;
    const sandboxSite = await fake.admin.createSite({ name: 'fuzz sandbox' });
    const sandbox = { apiKey: sandboxSite.apiKey, userKey: sandboxSite.applicationKeys[0]!.userKey, secret: sandboxSite.applicationKeys[0]!.secret };

    // The victim: the demo site, with lite and full accounts written through the API itself.
    const victimPassword = `Victim-${demo.secret.slice(0, 8)}-pw`;
    const victim: FuzzTargets['victim'] = { ...demo, uids: [], emails: [] };
    for (let i = 0; i < 4; i++) {
      const email = `victim${i}@victim.example.com`;
      const init = await callGigya(baseUrl, 'accounts.initRegistration', { apiKey: demo.apiKey, isLite: 'true' });
      const written = await callGigya(baseUrl, 'accounts.setAccountInfo', { apiKey: demo.apiKey, regToken: String(init.regToken), profile: JSON.stringify({ email, firstName: `Victim${i}` }) });
      expect(written.errorCode).toBe(0);
      victim.uids.push(String(written.UID));
      victim.emails.push(email);
    }
    const full = await callGigya(baseUrl, 'accounts.register', {
      apiKey: demo.apiKey, userKey: demo.userKey, secret: demo.secret, email: victim.emails[0]!, password: victimPassword, finalizeRegistration: 'true',
    });
    expect(full.errorCode).toBe(0);
    victim.uids.push(String(full.UID));
    const victimBefore = rowsOf(await fake.admin.snapshot(demo.apiKey));

    source = new FuzzRequestSource(seededRandom(8_675_309), { victim, sandbox });
    const requests = Array.from({ length: total }, () => source!.next());
    const failures: string[] = [];
    const codes = new Map<number, number>();
    const kinds = new Map<string, number>();
    let sent = 0;
    const deadline = Date.now() + 420_000;
    await inPool(requests, 16, async (fuzz) => {
      if (Date.now() > deadline) return;
      sent++;
      for (const kind of fuzz.kinds) {
        const category = /^[A-Z]+ \//.test(kind) ? 'odd method or path' : kind.replace(/ ".*$|: .*$| %.*$|( [0-9a-f]{1,2})+$/, '');
        kinds.set(category, (kinds.get(category) ?? 0) + 1);
      }
      let answer: Answer;
      try {
        answer = await send(baseUrl, fuzz);
      } catch (error) {
        // A body over the limit may be cut short: the fake answers 413 and closes while the client still writes.
        const oversized = fuzz.expect?.orClosed || (fuzz.body?.length ?? 0) > maxBodyBytes;
        if (oversized && /socket hang up|ECONNRESET|EPIPE/.test((error as Error).message)) return;
        failures.push(`${fuzz.method} ${fuzz.path.slice(0, 60)} [${fuzz.kinds.join('; ')}]: ${(error as Error).message}`);
        return;
      }
      answers.push(answer.text);
      const problem = unexpected(fuzz, answer);
      if (problem !== null) {
        failures.push(`${fuzz.method} ${fuzz.path.slice(0, 60)} [${fuzz.kinds.join('; ')}]: ${problem}: ${answer.text.slice(0, 200)}`);
        return;
      }
      if (fuzz.expect?.admin !== undefined) return;
      const body = JSON.parse(answer.text.replace(/^[A-Za-z_$][\w$.]*\(([\s\S]*)\);?\s*$/, '$1')) as { errorCode: number; errorDetails?: string };
      codes.set(body.errorCode, (codes.get(body.errorCode) ?? 0) + 1);
      // No fault is injected here: a 500001 is the fake failing on its input.
      if (body.errorCode === 500001) failures.push(`${fuzz.method} ${fuzz.path.slice(0, 60)} [${fuzz.kinds.join('; ')}]: 500001 General Server error`);
    });

    expect(sent).toBe(total);
    expect({ failures: failures.slice(0, 20), serverErrors: fake.output.split('\n').filter((line) => /unexpected/i.test(line)).slice(0, 5) }).toEqual({ failures: [], serverErrors: [] });
    expect(fake.alive).toBe(true);
    expect(await fake.admin.health()).toMatchObject({ status: 'ok' });
    expect(changedRows(victimBefore, rowsOf(await fake.admin.snapshot(demo.apiKey))).slice(0, 10)).toEqual([]);
    // The victim still works: its full account logs in with the right password.
    const login = await callGigya(baseUrl, 'accounts.login', { apiKey: demo.apiKey, loginID: victim.emails[0]!, password: victimPassword });
    expect(login.errorCode).toBe(0);
    const byCode = [...codes].sort((a, b) => b[1] - a[1]).map(([code, count]) => `${code}×${count}`).join(', ');
    report(`fuzz: ${sent} requests, ${answers.length} envelopes; errorCodes ${byCode}`);
    report(`fuzz kinds: ${[...kinds].sort((a, b) => b[1] - a[1]).map(([kind, count]) => `${kind}×${count}`).join(', ')}`);

    // Secrets: nothing the fuzzer sent as a credential shows up anywhere.
    const secrets = new Map<string, string>([
      ['the demo secret', demo.secret],
      ['the sandbox secret', sandbox.secret],
      ["the victim's password", victimPassword],
    ]);
    const sample = <T,>(items: T[], n: number) => items.filter((_, i) => i % Math.max(1, Math.floor(items.length / n)) === 0);
    sample(source.sent.signatures, 100).forEach((sig, i) => secrets.set(`signature #${i}`, sig));
    sample(source.sent.passwords, 100).forEach((password, i) => secrets.set(`password #${i}`, password));
    sample(source.sent.wrongSecrets, 100).forEach((secret, i) => secrets.set(`wrong secret #${i}`, secret));
    const haystacks = await haystacksOf(fake, db, answers);
    expect(haystacks.find((h) => h.where === 'the SQLite journal table')!.text.length).toBeGreaterThan(0);
    expect(leaksOf(haystacks, secrets)).toEqual([]);
    report(`fuzz secrets: ${secrets.size} literals searched in the journal (API and table), the logs and ${answers.length} answers: none found`);
  }, 600_000);
});
