import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Secret } from '../settings/secret.js';
import { gigyaError, networkFailure, scriptedGigya, type GigyaScript } from '../testing/scriptedGigya.js';
import { GigyaClient, type GigyaClientOptions } from './client.js';
import { GigyaApiError, GigyaTransportError } from './errors.js';
import { signRequest } from './signature.js';

const secretText = 'GX98IPy4pUedr7Gkj2U4ODKXRxGVpqOp';
const ok: GigyaScript = () => ({ regToken: 'RT1_x' });

function clientFor(fetchImpl: typeof fetch, overrides: Partial<GigyaClientOptions> = {}) {
  const delays: number[] = [];
  const client = new GigyaClient({
    apiKey: '3_key',
    userKey: 'AKuser',
    secret: new Secret(secretText),
    dataCenter: 'us1',
    baseUrl: 'http://127.0.0.1:4100',
    timeoutMs: 1_000,
    retry: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1_000 },
    fetch: fetchImpl,
    clock: () => 1_795_869_450_123,
    random: () => 1,
    sleep: async (ms) => {
      delays.push(ms);
    },
    ...overrides,
  });
  return { client, delays };
}

describe('GigyaClient wire format', () => {
  it('POSTs a signed form to <baseUrl>/accounts.<method>', async () => {
    const gigya = scriptedGigya({ 'accounts.setAccountInfo': () => ({ UID: 'u1' }) });
    const { client } = clientFor(gigya.fetch);
    await client.setAccountInfo({ regToken: 'RT1_x', profile: { email: 'a@b.c' } });
    const [call] = gigya.calls;
    expect(call?.url).toBe('http://127.0.0.1:4100/accounts.setAccountInfo');
    expect(call?.form).toMatchObject({
      regToken: 'RT1_x',
      profile: '{"email":"a@b.c"}',
      apiKey: '3_key',
      userKey: 'AKuser',
      format: 'json',
      httpStatusCodes: 'false',
      timestamp: '1795869450',
    });
    expect(call?.form.nonce).toMatch(/^\d+$/);
    expect(call?.form).not.toHaveProperty('secret');
  });

  it('signs over the production host even when delivering to another base URL', async () => {
    const gigya = scriptedGigya({ 'accounts.initRegistration': ok });
    const { client } = clientFor(gigya.fetch);
    await client.initRegistration({ isLite: true });
    const { sig, ...signed } = gigya.calls[0]!.form;
    expect(sig).toBe(signRequest(secretText, 'https://accounts.us1.gigya.com/accounts.initRegistration', signed));
    expect(sig).not.toBe(signRequest(secretText, 'http://127.0.0.1:4100/accounts.initRegistration', signed));
  });

  it('delivers to the data center host when no base URL is set', async () => {
    const gigya = scriptedGigya({ 'accounts.initRegistration': ok });
    const { client } = clientFor(gigya.fetch, { baseUrl: undefined, dataCenter: 'eu1' });
    await client.initRegistration({ isLite: true });
    expect(gigya.calls[0]?.url).toBe('https://accounts.eu1.gigya.com/accounts.initRegistration');
  });

  it('sends booleans as text and leaves undefined parameters out', async () => {
    const gigya = scriptedGigya({ 'accounts.setAccountInfo': () => ({ UID: 'u1' }) });
    const { client } = clientFor(gigya.fetch);
    await client.call('accounts.setAccountInfo', { UID: 'u1', isActive: false, data: undefined });
    expect(gigya.calls[0]?.form.isActive).toBe('false');
    expect(gigya.calls[0]?.form).not.toHaveProperty('data');
  });

  it('resolves the whole envelope on errorCode 0', async () => {
    const gigya = scriptedGigya({ 'accounts.initRegistration': ok });
    const { client } = clientFor(gigya.fetch);
    await expect(client.initRegistration({ isLite: true })).resolves.toMatchObject({ errorCode: 0, regToken: 'RT1_x', callId: 'call-1' });
  });
});

describe('GigyaClient errors and retries', () => {
  it('throws a typed error carrying errorCode, errorDetails, callId and validationErrors', async () => {
    const validation = { errorCode: 400003, message: 'email already exists', fieldName: 'email' };
    const gigya = scriptedGigya({
      'accounts.register': () => ({ errorCode: 400009, errorMessage: 'Validation error', errorDetails: 'Validation failed', callId: 'c-9', validationErrors: [validation] }),
    });
    const { client } = clientFor(gigya.fetch);
    const error = await client.register({ email: 'a@b.c' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GigyaApiError);
    expect(error).toMatchObject({ errorCode: 400009, errorDetails: 'Validation failed', callId: 'c-9', validationErrors: [validation], transient: false });
  });

  it('does not retry a validation error', async () => {
    const gigya = scriptedGigya({ 'accounts.setAccountInfo': gigyaError(400009) });
    const { client } = clientFor(gigya.fetch);
    await expect(client.setAccountInfo({ UID: 'u' })).rejects.toBeInstanceOf(GigyaApiError);
    expect(gigya.calls).toHaveLength(1);
  });

  it.each([500001, 504001, 504002, 409030, 403048])('retries transient error %i and then succeeds', async (code) => {
    const gigya = scriptedGigya({ 'accounts.initRegistration': [gigyaError(code), ok] });
    const { client } = clientFor(gigya.fetch);
    await expect(client.initRegistration({ isLite: true })).resolves.toMatchObject({ regToken: 'RT1_x' });
    expect(gigya.calls).toHaveLength(2);
  });

  it('re-signs every retry with a fresh nonce', async () => {
    let n = 0;
    const gigya = scriptedGigya({ 'accounts.initRegistration': [gigyaError(500001), ok] });
    const { client } = clientFor(gigya.fetch, { nonce: () => `nonce-${++n}` });
    await client.initRegistration({ isLite: true });
    expect(gigya.calls.map((c) => c.form.nonce)).toEqual(['nonce-1', 'nonce-2']);
    expect(gigya.calls[0]?.form.sig).not.toBe(gigya.calls[1]?.form.sig);
  });

  it('waits with exponential backoff between retries and gives up after maxAttempts', async () => {
    const gigya = scriptedGigya({ 'accounts.initRegistration': gigyaError(500001) });
    const { client, delays } = clientFor(gigya.fetch);
    const error = await client.initRegistration({ isLite: true }).catch((e: unknown) => e);
    expect(error).toMatchObject({ errorCode: 500001, attempts: 3, transient: true });
    expect(gigya.calls).toHaveLength(3);
    expect(delays).toEqual([100, 200]);
  });

  it('retries network errors', async () => {
    const gigya = scriptedGigya({ 'accounts.initRegistration': [networkFailure, ok] });
    const { client } = clientFor(gigya.fetch);
    await expect(client.initRegistration({ isLite: true })).resolves.toMatchObject({ regToken: 'RT1_x' });
  });

  it('reports a network error that outlasts the retries as a transient transport error', async () => {
    const gigya = scriptedGigya({ 'accounts.initRegistration': networkFailure });
    const { client } = clientFor(gigya.fetch);
    const error = await client.initRegistration({ isLite: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GigyaTransportError);
    expect(error).toMatchObject({ kind: 'network', transient: true, attempts: 3 });
  });

  it('treats a non-envelope 502 as transient and a non-envelope 200 as final', async () => {
    const answers = [new Response('<html>bad gateway</html>', { status: 502 }), new Response('hello', { status: 200 })];
    const { client } = clientFor((async () => answers.shift()!) as typeof fetch, { retry: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 } });
    await expect(client.call('accounts.x')).rejects.toMatchObject({ kind: 'invalidResponse', transient: true });
    await expect(client.call('accounts.x')).rejects.toMatchObject({ kind: 'invalidResponse', transient: false });
  });

  it('never puts the secret in an error message, even when the server echoes it', async () => {
    const gigya = scriptedGigya({ 'accounts.x': () => ({ errorCode: 403003, errorMessage: 'Invalid request signature', errorDetails: `expected secret ${secretText}` }) });
    const { client } = clientFor(gigya.fetch);
    const error = (await client.call('accounts.x').catch((e: unknown) => e)) as GigyaApiError;
    expect(error.message).not.toContain(secretText);
    expect(error.errorDetails).not.toContain(secretText);
    expect(JSON.stringify(error)).not.toContain(secretText);
  });
});

describe('GigyaClient timeouts', () => {
  let server: Server | undefined;
  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('aborts a request that gets no answer in time and retries it as transient', async () => {
    let requests = 0;
    server = createServer(() => {
      requests++; // never answers
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const { client } = clientFor(fetch, { baseUrl: `http://127.0.0.1:${port}`, timeoutMs: 1_000, retry: { maxAttempts: 2, baseDelayMs: 0, maxDelayMs: 0 } });
    const error = await client.initRegistration({ isLite: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GigyaTransportError);
    expect(error).toMatchObject({ kind: 'timeout', transient: true, attempts: 2 });
    expect(requests).toBe(2);
  });
});
