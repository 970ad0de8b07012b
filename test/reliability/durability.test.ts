import { afterAll, describe, expect, it } from 'vitest';
import { callGigya, demoCredentials, FakeGigyaProcess, temporaryDatabase } from './fakeGigyaProcess.js';
import { inPool, reliabilityScale, report, seededRandom } from './reliabilityScale.js';

// kill -9 in the middle of a lite-submit load, restart on the same SQLite file, and look up
// every account whose setAccountInfo was answered errorCode 0: a write is acknowledged only
// after its group commit, so none of them may be missing.

const demo = demoCredentials();
const db = temporaryDatabase('reliability-durability');
const random = seededRandom(20_260_301);
const workers = 24;
/** Every UID ever acknowledged, with the email it was written with, over all rounds. */
const acknowledged = new Map<string, string>();
const logs = { text: '' };
let fake: FakeGigyaProcess | undefined;

afterAll(async () => {
  await fake?.kill9();
});

interface LoadOutcome {
  acknowledgedThisRound: number;
  inFlightAtKill: number;
  failedAfterKill: number;
}

/** Lite submits from `workers` loops until the fake is killed, once `killAfter` writes were acknowledged. */
async function loadThenKill(running: FakeGigyaProcess, round: number, killAfter: number): Promise<LoadOutcome> {
  const { baseUrl } = running;
  let acknowledgedThisRound = 0;
  let inFlight = 0;
  let inFlightAtKill = -1;
  let failedAfterKill = 0;
  let killing: Promise<void> | undefined;
  const deadline = Date.now() + 60_000;

  const submit = async (email: string): Promise<void> => {
    const init = await callGigya(baseUrl, 'accounts.initRegistration', { apiKey: demo.apiKey, isLite: 'true' });
    if (init.errorCode !== 0) throw new Error(`initRegistration answered ${String(init.errorCode)}`);
    const written = await callGigya(baseUrl, 'accounts.setAccountInfo', {
      apiKey: demo.apiKey,
      regToken: String(init.regToken),
      profile: JSON.stringify({ email, firstName: `Round${round}` }),
      data: JSON.stringify({ round }),
    });
    if (written.errorCode !== 0) throw new Error(`setAccountInfo answered ${String(written.errorCode)}`);
    acknowledged.set(String(written.UID), email);
    acknowledgedThisRound++;
    if (acknowledgedThisRound >= killAfter && killing === undefined) {
      inFlightAtKill = inFlight - 1;
      killing = running.kill9();
    }
  };

  const worker = async (w: number) => {
    for (let i = 0; killing === undefined && Date.now() < deadline && i < 100_000; i++) {
      inFlight++;
      try {
        await submit(`r${round}-w${w}-${i}@durability.example.com`);
      } catch (error) {
        if (killing === undefined) throw error;
        failedAfterKill++;
      } finally {
        inFlight--;
      }
    }
  };
  await Promise.all(Array.from({ length: workers }, (_, w) => worker(w)));
  await killing;
  return { acknowledgedThisRound, inFlightAtKill, failedAfterKill };
}

describe('durability: kill -9 during a write load', () => {
  const rounds = Array.from({ length: reliabilityScale.killRounds }, (_, index) => index + 1);

  it.each(rounds)('keeps every acknowledged lite account after kill -9 number %i and a restart on the same file', async (round) => {
    fake = await FakeGigyaProcess.start(db, demo, logs);
    const killAfter = 150 + Math.floor(random() * 350);
    const load = await loadThenKill(fake, round, killAfter);
    expect(fake.alive).toBe(false);
    expect(load.acknowledgedThisRound).toBeGreaterThanOrEqual(killAfter);
    // The kill landed in the middle of the load: other submits were still waiting for answers.
    expect(load.inFlightAtKill).toBeGreaterThan(0);

    fake = await FakeGigyaProcess.start(db, demo, logs);
    const missing: string[] = [];
    await inPool([...acknowledged], 16, async ([uid, email]) => {
      const read = await callGigya(fake!.baseUrl, 'accounts.getAccountInfo', { apiKey: demo.apiKey, userKey: demo.userKey, secret: demo.secret, UID: uid });
      const profile = read.profile as { email?: string } | undefined;
      if (read.errorCode !== 0 || profile?.email !== email) missing.push(`${uid} (${email}): errorCode ${String(read.errorCode)}`);
    });
    expect(missing).toEqual([]);
    const { total } = await fake.admin.accounts(demo.apiKey, { limit: 1 });
    // Writes committed whose answer the kill cut off may be there too; fewer is a lost write.
    expect(total).toBeGreaterThanOrEqual(acknowledged.size);
    report(
      `durability round ${round}: killed after ${load.acknowledgedThisRound} acknowledged writes with ${load.inFlightAtKill} submits in flight ` +
        `(${load.failedAfterKill} cut off); after restart ${acknowledged.size}/${acknowledged.size} acknowledged accounts found, ${total} on file`,
    );
    await fake.stop();
  }, 120_000);

  it('never printed the demo secret in its logs, across every start', () => {
    expect(logs.text).toContain('fake-gigya listening on');
    expect(logs.text).toContain('secret=(as given in FAKE_GIGYA_SECRET)');
    expect(logs.text).not.toContain(demo.secret);
  });
});
