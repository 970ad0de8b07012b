import { afterEach, describe, expect, it } from 'vitest';
import { startEndToEnd, type EndToEnd } from './fakeGigyaConnector.js';

const jane = { email: 'jane@example.com', firstname: 'Jane', lastname: 'Doe' };

let run: EndToEnd | undefined;
afterEach(async () => {
  await run?.close();
  run = undefined;
});

describe('outbox against the fake', () => {
  it('recovers when the fake answers 500001 and then succeeds, with a single lite account', async () => {
    run = await startEndToEnd('liteOnly', { maxAttempts: 1 });
    await run.fake.admin.addFault({ kind: 'error', apiKey: run.fake.site.apiKey, method: 'accounts.setAccountInfo', errorCode: 500001, times: 1 });

    const participation = await run.submit(jane);
    expect(participation).toMatchObject({ status: 'pending', lastError: expect.stringContaining('500001') });

    run.connector.participations.retrigger(participation.id as string, Date.now());
    await run.connector.outbox.drain();
    const done = run.connector.participations.get(participation.id as string);
    expect(done).toMatchObject({ status: 'succeeded', attempts: 2 });

    const accounts = await run.gigya.search({ query: 'SELECT * FROM accounts WHERE profile.email = "jane@example.com"', accountTypes: 'full,lite' });
    expect(accounts.results).toEqual([expect.objectContaining({ UID: done?.uid })]);
  });

  it('retries a transient 500001 within one push when the client policy allows it', async () => {
    run = await startEndToEnd('liteOnly', { maxAttempts: 3 });
    await run.fake.admin.addFault({ kind: 'error', apiKey: run.fake.site.apiKey, method: 'accounts.initRegistration', errorCode: 500001, times: 2 });
    expect(await run.submit(jane)).toMatchObject({ status: 'succeeded', attempts: 1 });
  });
});
