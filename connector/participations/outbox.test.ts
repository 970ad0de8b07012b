import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openConnectorDatabase } from '../store/database.js';
import { connectorHarness, liteCampaign, testIntegration, testSecret } from '../testing/connectorHarness.js';
import { gigyaError, networkFailure, scriptedGigya, type GigyaScript } from '../testing/scriptedGigya.js';

const jane = { email: 'jane@example.com', firstname: 'Jane', lastname: 'Doe' };
const init: GigyaScript = () => ({ regToken: 'RT1_a' });
const stored: GigyaScript = () => ({ UID: 'lite-1' });

async function submit(harness: ReturnType<typeof connectorHarness>) {
  await harness.request('PUT', '/campaigns/c1', liteCampaign);
  const posted = await harness.request('POST', '/campaigns/c1/participations', jane);
  return posted.json.participation as { id: string; status: string };
}

describe('outbox', () => {
  it('keeps a transiently failed push pending with its error and next attempt time', async () => {
    const gigya = scriptedGigya({ 'accounts.initRegistration': init, 'accounts.setAccountInfo': gigyaError(500001) });
    const harness = connectorHarness({ fetch: gigya.fetch });
    const participation = await submit(harness);
    expect(harness.participations.get(participation.id)).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: expect.stringContaining('500001'),
      nextAttemptAt: new Date(harness.clock.now + 1_000).toISOString(),
    });
  });

  it('retries when due and resumes with the stored regToken, so one lite account is made', async () => {
    const gigya = scriptedGigya({ 'accounts.initRegistration': init, 'accounts.setAccountInfo': [gigyaError(500001), stored] });
    const harness = connectorHarness({ fetch: gigya.fetch });
    const participation = await submit(harness);

    expect(await harness.outbox.drain()).toBe(0);
    harness.clock.now += 1_000;
    expect(await harness.outbox.drain()).toBe(1);

    expect(harness.participations.get(participation.id)).toMatchObject({ status: 'succeeded', uid: 'lite-1', attempts: 2, lastError: null });
    expect(gigya.methods()).toEqual(['accounts.initRegistration', 'accounts.setAccountInfo', 'accounts.setAccountInfo']);
    expect(gigya.calls[2]?.form.regToken).toBe('RT1_a');
  });

  it('backs off exponentially between outbox attempts', async () => {
    const gigya = scriptedGigya({ 'accounts.initRegistration': networkFailure });
    const harness = connectorHarness({ fetch: gigya.fetch });
    const participation = await submit(harness);
    const start = harness.clock.now;
    harness.clock.now = start + 1_000;
    await harness.outbox.drain();
    expect(harness.participations.get(participation.id)?.nextAttemptAt).toBe(new Date(start + 1_000 + 2_000).toISOString());
  });

  it('marks the push failed once the maximum age has passed, keeping it visible', async () => {
    const gigya = scriptedGigya({ 'accounts.initRegistration': gigyaError(504002) });
    const harness = connectorHarness({ fetch: gigya.fetch });
    const participation = await submit(harness);
    harness.clock.now += 600_000;
    await harness.outbox.drain();
    const listed = (await harness.request('GET', '/campaigns/c1/participations')).json.participations as Array<Record<string, unknown>>;
    expect(listed[0]).toMatchObject({ id: participation.id, status: 'failed', attempts: 2, nextAttemptAt: null, lastError: expect.stringContaining('gave up after 2 attempt(s)') });
  });

  it('re-triggers a failed push through POST /participations/:id/retry', async () => {
    const gigya = scriptedGigya({ 'accounts.initRegistration': init, 'accounts.setAccountInfo': [gigyaError(400009), stored] });
    const harness = connectorHarness({ fetch: gigya.fetch });
    const participation = await submit(harness);
    expect(harness.participations.get(participation.id)?.status).toBe('failed');

    const retried = await harness.request('POST', `/participations/${participation.id}/retry`, {});
    expect(retried.status).toBe(200);
    expect(retried.json.participation).toMatchObject({ status: 'succeeded', uid: 'lite-1', attempts: 2 });
    expect(gigya.methods().filter((m) => m === 'accounts.initRegistration')).toHaveLength(1);
  });

  it('refuses to retry a push that already succeeded', async () => {
    const gigya = scriptedGigya({ 'accounts.initRegistration': init, 'accounts.setAccountInfo': stored });
    const harness = connectorHarness({ fetch: gigya.fetch });
    const participation = await submit(harness);
    expect((await harness.request('POST', `/participations/${participation.id}/retry`, {})).status).toBe(409);
    expect((await harness.request('POST', '/participations/nope/retry', {})).status).toBe(404);
  });

  it('never stores the secret in the last error', async () => {
    const gigya = scriptedGigya({ 'accounts.initRegistration': () => ({ errorCode: 500001, errorDetails: `secret was ${testSecret}` }) });
    const harness = connectorHarness({ fetch: gigya.fetch });
    const participation = await submit(harness);
    const stored = harness.participations.get(String(participation.id))!.lastError;
    expect(stored).toContain('[redacted]');
    expect(stored).not.toContain(testSecret);
  });

  it('keeps pushes pending while the integration is disabled', async () => {
    const gigya = scriptedGigya({ 'accounts.initRegistration': gigyaError(500001) });
    const harness = connectorHarness({ fetch: gigya.fetch });
    const participation = await submit(harness);
    await harness.request('PUT', '/settings/integrations/gigya-lite-registration', { ...testIntegration, secret: undefined, enabled: false });
    harness.clock.now += 1_000;
    await harness.outbox.drain();
    expect(harness.participations.get(participation.id)).toMatchObject({ status: 'pending', lastError: expect.stringContaining('disabled') });
    expect(gigya.calls).toHaveLength(1);
  });
});

describe('restart', () => {
  it('resumes a push interrupted after initRegistration, reusing the stored regToken after reopening the database', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'connector-')), 'connector.db');
    // First run: initRegistration answers, then the process "dies" while setAccountInfo is in flight.
    let setAccountInfoStarted!: () => void;
    const started = new Promise<void>((resolve) => (setAccountInfoStarted = resolve));
    const firstGigya = scriptedGigya({ 'accounts.initRegistration': init });
    const hangingFetch = ((input: string | URL | Request, initOptions?: RequestInit) => {
      if (String(input).endsWith('accounts.setAccountInfo')) {
        setAccountInfoStarted();
        return new Promise<Response>(() => {});
      }
      return firstGigya.fetch(input, initOptions);
    }) as typeof fetch;
    const first = connectorHarness({ fetch: hangingFetch, db: openConnectorDatabase(file) });
    await first.request('PUT', '/campaigns/c1', liteCampaign);
    void first.request('POST', '/campaigns/c1/participations', jane);
    await started;
    first.db.close();

    // Second run: same file, a Gigya that answers; the outbox resumes on start.
    const secondGigya = scriptedGigya({ 'accounts.initRegistration': () => ({ regToken: 'RT1_other' }), 'accounts.setAccountInfo': stored });
    const second = connectorHarness({ fetch: secondGigya.fetch, db: openConnectorDatabase(file), now: first.clock.now });
    const [participation] = second.participations.byCampaign('c1');
    expect(participation).toMatchObject({ status: 'pending', attempts: 1 });

    expect(await second.outbox.drain()).toBe(1);
    expect(second.participations.get(participation!.id)).toMatchObject({ status: 'succeeded', uid: 'lite-1', attempts: 2 });
    expect(secondGigya.methods()).toEqual(['accounts.setAccountInfo']);
    expect(secondGigya.calls[0]?.form.regToken).toBe('RT1_a');
    second.db.close();
  });

  it('loses nothing saved before a restart: participations and settings come back', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'connector-')), 'connector.db');
    const gigya = scriptedGigya({ 'accounts.initRegistration': init, 'accounts.setAccountInfo': stored });
    const first = connectorHarness({ fetch: gigya.fetch, db: openConnectorDatabase(file) });
    await submit(first);
    first.db.close();
    const second = connectorHarness({ fetch: gigya.fetch, db: openConnectorDatabase(file), integration: null });
    expect(second.settings.integration()?.secret?.reveal()).toBe(testSecret);
    expect(second.participations.byCampaign('c1')).toMatchObject([{ status: 'succeeded', uid: 'lite-1' }]);
    second.db.close();
  });
});
