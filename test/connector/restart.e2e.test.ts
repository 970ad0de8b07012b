import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeGigya } from '../../server/index.js';
import { accountsByEmailQuery, createConnectorApp, openConnectorDatabase, type IntegrationSettingsInput } from '../../connector/index.js';
import { observerClient } from '../../scenarios/stage.js';
import type { RunningFake } from './fakeGigyaConnector.js';

let fake: RunningFake | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('restart in the middle of a push, against the fake', () => {
  it('resumes the stored regToken after the database is closed and reopened, leaving one lite account', async () => {
    fake = await startFakeGigya();
    const file = join(mkdtempSync(join(tmpdir(), 'connector-e2e-')), 'connector.db');
    const integration: IntegrationSettingsInput = {
      enabled: true,
      apiKey: fake.site.apiKey,
      userKey: fake.site.userKey,
      secret: fake.site.secret,
      baseUrl: fake.baseUrl,
      setup: 'liteOnly',
      retry: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 },
    };
    await fake.admin.addFault({ kind: 'error', apiKey: fake.site.apiKey, method: 'accounts.setAccountInfo', errorCode: 500001, times: 1 });

    const firstDb = openConnectorDatabase(file);
    const first = createConnectorApp({ db: firstDb, initialIntegration: integration });
    await first.app.request('/campaigns/c1', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ identified: true, formStep: { sso: 'gigyaLite' } }) });
    const posted = await first.app.request('/campaigns/c1/participations', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'jane@example.com', firstname: 'Jane', lastname: 'Doe' }),
    });
    const { participation } = (await posted.json()) as { participation: { id: string; status: string } };
    expect(participation.status).toBe('pending');
    await first.close();
    firstDb.close();

    // The next process starts later: the pending push is due and the outbox picks it up.
    const secondDb = openConnectorDatabase(file);
    const second = createConnectorApp({ db: secondDb, clock: () => Date.now() + 60_000 });
    expect(await second.outbox.drain()).toBe(1);
    expect(second.participations.get(participation.id)).toMatchObject({ status: 'succeeded', attempts: 2 });
    await second.close();
    secondDb.close();

    expect(await fake.admin.journalCount({ apiKey: fake.site.apiKey, method: 'accounts.initRegistration' })).toBe(1);
    const gigya = observerClient(fake);
    const found = await gigya.search({ query: accountsByEmailQuery('jane@example.com'), accountTypes: 'full,lite' });
    expect(found.results).toHaveLength(1);
  });
});
