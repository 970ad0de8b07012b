import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bodyOf, Testbed } from '../testing/testbed.js';
import { maxBodyBytes, readParams } from './params.js';

let bed: Testbed;
beforeEach(() => {
  bed = new Testbed();
});
afterEach(() => bed.close());

const profile = JSON.stringify({ email: 'Ann@Example.com', firstName: 'Ann' });

async function liteToken(): Promise<string> {
  return (await bed.anonymous('accounts.initRegistration', { isLite: 'true' })).regToken as string;
}

describe('where params come from', () => {
  it('reads an application/x-www-form-urlencoded POST body', async () => {
    const regToken = await liteToken();
    const body = await bed.call('accounts.setAccountInfo', { apiKey: bed.site.apiKey, regToken, profile }, { transport: 'form' });
    expect(body).toMatchObject({ errorCode: 0, UID: expect.any(String) });
  });

  it('reads the query string of a GET', async () => {
    const regToken = await liteToken();
    const body = await bed.call('accounts.setAccountInfo', { apiKey: bed.site.apiKey, regToken, profile }, { transport: 'query' });
    expect(body).toMatchObject({ errorCode: 0, UID: expect.any(String) });
  });

  it('reads a JSON body, with object params as JSON text', async () => {
    const regToken = await liteToken();
    const body = await bed.call('accounts.setAccountInfo', { apiKey: bed.site.apiKey, regToken, profile }, { transport: 'json' });
    expect(body).toMatchObject({ errorCode: 0, UID: expect.any(String) });
  });

  it('takes an object param given as a JSON object inside a JSON body', async () => {
    const regToken = await liteToken();
    const response = await bed.request('/accounts.setAccountInfo', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ apiKey: bed.site.apiKey, regToken, profile: { email: 'ann@example.com', birthYear: 1990 } }),
    });
    const body = await bodyOf(response);
    const read = await bed.server('accounts.getAccountInfo', { UID: body.UID });
    expect(read.profile).toEqual({ email: 'ann@example.com', birthYear: 1990 });
  });

  it('answers 400001 to a JSON body nested deeper than the stack allows, not 500001', async () => {
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    const response = await bed.request('/accounts.getSchema', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"apiKey":${JSON.stringify(bed.site.apiKey)},"p":${deep}}`,
    });
    expect(await bodyOf(response)).toMatchObject({ errorCode: 400001 });
  });

  it('decodes + as a space in a form body', async () => {
    const params = await readParams(
      new Request('http://localhost/accounts.x', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'firstName=Ann+Marie&lastName=O%27Neil',
      }),
    );
    expect(params).toEqual({ firstName: 'Ann Marie', lastName: "O'Neil" });
  });

  it('reads a body without a content type as a form', async () => {
    const params = await readParams(new Request('http://localhost/accounts.x', { method: 'POST', body: 'a=1&b=2' }));
    expect(params).toEqual({ a: '1', b: '2' });
  });

  it('reads a text/plain body as a form', async () => {
    const params = await readParams(
      new Request('http://localhost/accounts.x', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'a=1' }),
    );
    expect(params).toEqual({ a: '1' });
  });

  it('reads a multipart/form-data body', async () => {
    const form = new FormData();
    form.set('apiKey', bed.site.apiKey);
    form.set('isLite', 'true');
    const response = await bed.request('/accounts.initRegistration', { method: 'POST', body: form });
    expect(await bodyOf(response)).toMatchObject({ errorCode: 0, regToken: expect.any(String) });
  });

  it('keeps the first value of a name given twice', async () => {
    const params = await readParams(new Request('http://localhost/accounts.x?a=query', { method: 'POST', body: 'a=body&b=1&b=2' }));
    expect(params).toEqual({ a: 'query', b: '1' });
  });

  it('merges the query string and the body of a POST', async () => {
    const response = await bed.request(`/accounts.initRegistration?apiKey=${bed.site.apiKey}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'isLite=true',
    });
    expect(await bodyOf(response)).toMatchObject({ errorCode: 0 });
  });

  it('accepts the apiKey spelled APIKey', async () => {
    const body = await bed.call('accounts.initRegistration', { APIKey: bed.site.apiKey });
    expect(body.errorCode).toBe(0);
  });

  it('accepts the apiKey spelled apikey', async () => {
    const body = await bed.call('accounts.initRegistration', { apikey: bed.site.apiKey });
    expect(body.errorCode).toBe(0);
  });
});

describe('malformed input', () => {
  it('answers a profile that is not valid JSON with 400006', async () => {
    const regToken = await liteToken();
    const body = await bed.anonymous('accounts.setAccountInfo', { regToken, profile: '{"email":' });
    expect(body).toMatchObject({ errorCode: 400006, errorMessage: 'Invalid parameter value', statusCode: 400 });
    expect(body.errorDetails).toContain('profile');
  });

  it('answers data that is a JSON array instead of an object with 400006', async () => {
    const regToken = await liteToken();
    const body = await bed.anonymous('accounts.setAccountInfo', { regToken, profile, data: '[1,2]' });
    expect(body.errorCode).toBe(400006);
  });

  it('answers a JSON body that does not parse with 400001', async () => {
    const response = await bed.request('/accounts.initRegistration', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"apiKey":',
    });
    expect(await bodyOf(response)).toMatchObject({ errorCode: 400001, errorMessage: 'Invalid request format' });
  });

  it('answers a JSON body that is an array with 400001', async () => {
    const response = await bed.request('/accounts.initRegistration', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '[1]',
    });
    expect(await bodyOf(response)).toMatchObject({ errorCode: 400001 });
  });

  it('answers a body over 1 MiB with 400001 and statusCode 413', async () => {
    const response = await bed.request('/accounts.initRegistration', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `apiKey=${bed.site.apiKey}&pad=${'x'.repeat(maxBodyBytes)}`,
    });
    expect(response.headers.get('connection')).toBe('close');
    expect(await bodyOf(response)).toMatchObject({ errorCode: 400001, statusCode: 413, statusReason: 'Payload Too Large' });
  });

  it('keeps the connection of an ordinary answer open', async () => {
    const response = await bed.request('/accounts.initRegistration', { method: 'POST', body: new URLSearchParams({ apiKey: bed.site.apiKey }) });
    expect(response.headers.get('connection')).toBeNull();
  });

  it('refuses a body whose declared length is over 1 MiB before reading it', async () => {
    const request = new Request('http://localhost/accounts.x', {
      method: 'POST',
      headers: { 'content-length': String(maxBodyBytes + 1) },
      body: 'a=1',
    });
    await expect(readParams(request)).rejects.toMatchObject({ errorCode: 400001, statusCode: 413 });
  });

  it('answers a malformed multipart body with 400001', async () => {
    const response = await bed.request('/accounts.initRegistration', {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
      body: 'not multipart at all',
    });
    expect(await bodyOf(response)).toMatchObject({ errorCode: 400001 });
  });
});
