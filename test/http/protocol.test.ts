import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGigya, type RunningFakeGigya } from '../../server/embedded.js';
import { post, signed } from './httpClient.js';

let gigya: RunningFakeGigya;
beforeAll(async () => {
  gigya = await startFakeGigya();
});
afterEach(() => gigya.reset());
afterAll(() => gigya.close());

describe('the fake Gigya over real HTTP', () => {
  it('listens on a random loopback port', () => {
    expect(gigya.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('answers a form POST with an exact envelope', async () => {
    const { status, body } = await post(gigya, 'accounts.initRegistration', { apiKey: gigya.site.apiKey, isLite: 'true' });
    expect(status).toBe(200);
    expect(Object.keys(body)).toEqual(['callId', 'errorCode', 'apiVersion', 'statusCode', 'statusReason', 'time', 'regToken']);
  });

  it('answers a GET with the params in the query string', async () => {
    const response = await fetch(`${gigya.baseUrl}/accounts.initRegistration?apiKey=${gigya.site.apiKey}`);
    expect(await response.json()).toMatchObject({ errorCode: 0, regToken: expect.any(String) });
  });

  it('answers a JSON body', async () => {
    const response = await fetch(`${gigya.baseUrl}/accounts.initRegistration`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ apiKey: gigya.site.apiKey, isLite: true }),
    });
    expect(await response.json()).toMatchObject({ errorCode: 0 });
  });

  it('answers an unknown path with an envelope and HTTP 200, never a bare 404', async () => {
    const response = await fetch(`${gigya.baseUrl}/nothing/here`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toMatchObject({ errorCode: 404000 });
  });

  it('answers a path with broken percent-encoding with an envelope', async () => {
    const response = await fetch(`${gigya.baseUrl}/accounts.%ZZ`);
    expect(await response.json()).toMatchObject({ errorCode: 404000 });
  });

  it('answers a jsonp request with a script calling the callback', async () => {
    const response = await fetch(`${gigya.baseUrl}/accounts.initRegistration?apiKey=${gigya.site.apiKey}&format=jsonp&callback=cb`);
    expect(await response.text()).toMatch(/^cb\(\{"callId":"[0-9a-f]{32}".*\}\);$/);
  });

  it('mirrors the status in HTTP with httpStatusCodes=true', async () => {
    const { status, body } = await post(gigya, 'accounts.deleteAccount', { apiKey: gigya.site.apiKey, UID: 'x', httpStatusCodes: 'true' });
    expect(status).toBe(403);
    expect(body.errorCode).toBe(403007);
  });

  it('answers a missing apiKey with 400093', async () => {
    expect((await post(gigya, 'accounts.initRegistration', {})).body.errorCode).toBe(400093);
  });

  it('answers a malformed JSON body with an envelope', async () => {
    const response = await fetch(`${gigya.baseUrl}/accounts.initRegistration`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"apiKey":',
    });
    expect(await response.json()).toMatchObject({ errorCode: 400001 });
  });

  it('accepts userKey + secret in clear over HTTP by default', async () => {
    const { body } = await post(gigya, 'accounts.getSchema', { apiKey: gigya.site.apiKey, userKey: gigya.site.userKey, secret: gigya.site.secret });
    expect(body.errorCode).toBe(0);
  });

  it('answers a wrong secret with 403003 and never echoes it', async () => {
    const { body, text } = await post(gigya, 'accounts.getSchema', { apiKey: gigya.site.apiKey, userKey: gigya.site.userKey, secret: 'bm90LXRoZS1zZWNyZXQ=' });
    expect(body.errorCode).toBe(403003);
    expect(text).not.toContain('bm90LXRoZS1zZWNyZXQ=');
  });

  it('accepts a request signed over the production URL', async () => {
    const { body } = await post(gigya, 'accounts.getSchema', signed(gigya, 'accounts.getSchema', {}));
    expect(body.errorCode).toBe(0);
  });

  it('accepts a request signed over the URL actually called', async () => {
    const url = `${gigya.baseUrl}/accounts.getSchema`;
    const { body } = await post(gigya, 'accounts.getSchema', signed(gigya, 'accounts.getSchema', {}, url));
    expect(body.errorCode).toBe(0);
  });

  it('answers a replayed signed request with 403004', async () => {
    const params = signed(gigya, 'accounts.getSchema', {});
    await post(gigya, 'accounts.getSchema', params);
    expect((await post(gigya, 'accounts.getSchema', params)).body.errorCode).toBe(403004);
  });

  it('answers a signed request from ten minutes ago with 403002', async () => {
    const params = signed(gigya, 'accounts.getSchema', {});
    const old = { ...params, timestamp: String(Date.now() - 600_000) };
    expect((await post(gigya, 'accounts.getSchema', old)).body.errorCode).toBe(403002);
  });

  it('answers a body declared over 1 MiB with 400001 and statusCode 413', async () => {
    const response = await fetch(`${gigya.baseUrl}/accounts.initRegistration`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `apiKey=${gigya.site.apiKey}&pad=${'x'.repeat(1_048_577)}`,
    });
    expect(await response.json()).toMatchObject({ errorCode: 400001, statusCode: 413 });
  });
});

describe('the httpsOnly policy over real HTTP', () => {
  let strict: RunningFakeGigya;
  beforeAll(async () => {
    strict = await startFakeGigya({ policies: { httpsOnly: true } });
  });
  afterAll(() => strict.close());

  const clear = () => ({ apiKey: strict.site.apiKey, userKey: strict.site.userKey, secret: strict.site.secret });

  it('answers a secret sent over HTTP with 403006', async () => {
    expect((await post(strict, 'accounts.getSchema', clear())).body.errorCode).toBe(403006);
  });

  it('accepts it behind a TLS proxy that sets X-Forwarded-Proto: https', async () => {
    expect((await post(strict, 'accounts.getSchema', clear(), { 'x-forwarded-proto': 'https' })).body.errorCode).toBe(0);
  });
});
