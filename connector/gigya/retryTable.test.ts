import { describe, expect, it } from 'vitest';
import { Secret } from '../settings/secret.js';
import { gigyaError, networkFailure, scriptedGigya, type GigyaScript } from '../testing/scriptedGigya.js';
import { GigyaClient } from './client.js';
import { GigyaApiError, GigyaTransportError } from './errors.js';
import { retryableErrors, retryRuleOf } from './retryTable.js';
import { connectorHarness, liteCampaign } from '../testing/connectorHarness.js';

// The retry table, row by row, through the client: a retryable code is tried again (after at
// least its minimum delay), any other code fails at the first answer.

const ok: GigyaScript = () => ({ regToken: 'RT1_x' });

function clientFor(fetchImpl: typeof fetch) {
  const delays: number[] = [];
  const client = new GigyaClient({
    apiKey: '3_key',
    userKey: 'AKuser',
    secret: new Secret('GX98IPy4pUedr7Gkj2U4ODKXRxGVpqOp'),
    dataCenter: 'us1',
    baseUrl: 'http://127.0.0.1:4100',
    timeoutMs: 1_000,
    retry: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1_000 },
    fetch: fetchImpl,
    random: () => 1,
    sleep: async (ms) => {
      delays.push(ms);
    },
  });
  return { client, delays };
}

describe('the retry table: retryable Gigya errors', () => {
  it('holds exactly the codes gigya-api.md §14 names', () => {
    expect(retryableErrors.map((rule) => rule.errorCode).sort()).toEqual([403048, 409030, 500001, 504001, 504002]);
  });

  it.each([
    [500001, 100],
    [504001, 100],
    [504002, 100],
    [409030, 100],
    [403048, 2_000],
  ])('retries %i, waiting at least %i ms, and succeeds on the next answer', async (errorCode, leastDelayMs) => {
    const gigya = scriptedGigya({ 'accounts.initRegistration': [gigyaError(errorCode), ok] });
    const { client, delays } = clientFor(gigya.fetch);
    await expect(client.initRegistration({ isLite: true })).resolves.toMatchObject({ regToken: 'RT1_x' });
    expect(gigya.methods()).toEqual(['accounts.initRegistration', 'accounts.initRegistration']);
    expect(delays).toHaveLength(1);
    expect(delays[0]).toBeGreaterThanOrEqual(leastDelayMs);
    expect(retryRuleOf(errorCode)?.minDelayMs).toBe(leastDelayMs === 100 ? 0 : leastDelayMs);
  });
});

describe('the retry table: every other Gigya error is permanent', () => {
  it.each([400002, 400006, 400009, 400093, 403003, 403005, 403041, 403047, 404000, 206001, 500028, 503001])(
    'fails at once on %i, marked not transient',
    async (errorCode) => {
      const gigya = scriptedGigya({ 'accounts.initRegistration': [gigyaError(errorCode), ok] });
      const { client, delays } = clientFor(gigya.fetch);
      const error = await client.initRegistration({ isLite: true }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GigyaApiError);
      expect(error).toMatchObject({ errorCode, transient: false, attempts: 1 });
      expect(gigya.calls).toHaveLength(1);
      expect(delays).toEqual([]);
      expect(retryRuleOf(errorCode)).toBeUndefined();
    },
  );
});

describe('the retry table: answers that are not Gigya envelopes', () => {
  it('retries a network failure', async () => {
    const gigya = scriptedGigya({ 'accounts.initRegistration': [networkFailure, ok] });
    const { client } = clientFor(gigya.fetch);
    await expect(client.initRegistration({ isLite: true })).resolves.toMatchObject({ regToken: 'RT1_x' });
    expect(gigya.calls).toHaveLength(2);
  });

  it.each([
    [502, true],
    [429, true],
    [200, false],
    [404, false],
  ])('treats HTTP %i without an envelope as transient: %s', async (status, transient) => {
    let calls = 0;
    const fetchImpl = (async () => {
      calls++;
      return new Response('<html>gateway</html>', { status });
    }) as typeof fetch;
    const { client } = clientFor(fetchImpl);
    const error = await client.initRegistration({ isLite: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GigyaTransportError);
    expect(error).toMatchObject({ kind: 'invalidResponse', transient });
    expect(calls).toBe(transient ? 3 : 1);
  });

  it('stops reading an answer past its limit and does not retry it', async () => {
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(chunk);
      },
    });
    const fetchImpl = (async () => new Response(endless, { status: 200 })) as typeof fetch;
    const { client } = clientFor(fetchImpl);
    const error = await client.initRegistration({ isLite: true }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'invalidResponse', transient: false, message: expect.stringContaining('larger than 1048576 bytes') });
    expect(pulled).toBeLessThan(40);
  });
});

describe('the retry table in the outbox', () => {
  it.each([
    [500001, 1_000],
    [403048, 2_000],
  ])('schedules the next push after %i no sooner than %i ms', async (errorCode, delayMs) => {
    const gigya = scriptedGigya({ 'accounts.initRegistration': gigyaError(errorCode) });
    // The harness's outbox backoff gives 1 s for a first retry; a rate limit asks for 2 s.
    const harness = connectorHarness({ fetch: gigya.fetch });
    await harness.request('PUT', '/campaigns/c1', liteCampaign);
    const posted = await harness.request('POST', '/campaigns/c1/participations', { email: 'jane@example.com', firstname: 'Jane', lastname: 'Doe' });
    const participation = posted.json.participation as { status: string; nextAttemptAt: string };
    expect(participation.status).toBe('pending');
    expect(Date.parse(participation.nextAttemptAt) - harness.clock.now).toBe(delayMs);
  });
});
