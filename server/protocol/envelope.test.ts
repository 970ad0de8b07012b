import { z } from 'zod';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startMs } from '../testing/clock.js';
import { bodyOf, Testbed } from '../testing/testbed.js';

let bed: Testbed;
beforeEach(() => {
  bed = new Testbed();
});
afterEach(() => bed.close());

describe('the response envelope', () => {
  it('orders a success as callId, errorCode, apiVersion, statusCode, statusReason, time, then the method fields', async () => {
    const body = await bed.anonymous('accounts.initRegistration');
    expect(Object.keys(body)).toEqual(['callId', 'errorCode', 'apiVersion', 'statusCode', 'statusReason', 'time', 'regToken']);
    expect(body).toMatchObject({ errorCode: 0, apiVersion: 2, statusCode: 200, statusReason: 'OK' });
  });

  it('leaves errorMessage, errorDetails and validationErrors out of a success', async () => {
    const body = await bed.anonymous('accounts.initRegistration');
    expect(body).not.toHaveProperty('errorMessage');
    expect(body).not.toHaveProperty('errorDetails');
    expect(body).not.toHaveProperty('validationErrors');
  });

  it('orders an error as callId, errorCode, errorDetails, errorMessage, apiVersion, statusCode, statusReason, time', async () => {
    const body = await bed.call('accounts.initRegistration', {});
    expect(Object.keys(body)).toEqual(['callId', 'errorCode', 'errorDetails', 'errorMessage', 'apiVersion', 'statusCode', 'statusReason', 'time']);
  });

  it('answers a missing apiKey with the captured 400093 body', async () => {
    const body = await bed.call('accounts.initRegistration', {});
    expect(body).toMatchObject({
      errorCode: 400093,
      errorDetails: 'Missing required parameter: ApiKey',
      errorMessage: 'Invalid ApiKey parameter',
      apiVersion: 2,
      statusCode: 400,
      statusReason: 'Bad Request',
    });
  });

  it('answers an unknown apiKey with 400093', async () => {
    const body = await bed.call('accounts.initRegistration', { apiKey: '3_nobody' });
    expect(body).toMatchObject({ errorCode: 400093, errorMessage: 'Invalid ApiKey parameter' });
  });

  it('gives each call a new callId of 32 lowercase hex digits', async () => {
    const first = await bed.anonymous('accounts.initRegistration');
    const second = await bed.call('accounts.initRegistration', {});
    expect(first.callId).toMatch(/^[0-9a-f]{32}$/);
    expect(second.callId).toMatch(/^[0-9a-f]{32}$/);
    expect(second.callId).not.toBe(first.callId);
  });

  it('stamps time as ISO 8601 UTC with milliseconds from the injected clock', async () => {
    bed.clock.advance(123);
    const body = await bed.anonymous('accounts.initRegistration');
    expect(body.time).toBe(new Date(startMs + 123).toISOString());
    expect(body.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('echoes context right after callId on a success', async () => {
    const body = await bed.anonymous('accounts.initRegistration', { context: 'R3948184752' });
    expect(body.context).toBe('R3948184752');
    expect(Object.keys(body).slice(0, 2)).toEqual(['callId', 'context']);
  });

  it('echoes context on an error too', async () => {
    const body = await bed.call('accounts.initRegistration', { context: '{"campaign":7}' });
    expect(body).toMatchObject({ errorCode: 400093, context: '{"campaign":7}' });
  });

  it('carries validationErrors on a validation error', async () => {
    const body = await bed.server('accounts.importLiteAccount', { email: 'a@b.c', profile: '{"gender":"x"}' });
    expect(body.errorCode).toBe(400009);
    expect(body.validationErrors).toEqual([expect.objectContaining({ fieldName: 'profile.gender', errorCode: 400006 })]);
    expect(Object.keys(body).indexOf('validationErrors')).toBeGreaterThan(Object.keys(body).indexOf('time'));
  });

  it('answers an error with HTTP 200 by default', async () => {
    const response = await bed.send('accounts.deleteAccount', { apiKey: bed.site.apiKey, UID: 'x' });
    expect(response.status).toBe(200);
    expect((await bodyOf(response)).errorCode).toBe(403007);
  });

  it('mirrors the error status in HTTP when httpStatusCodes=true', async () => {
    const response = await bed.send('accounts.deleteAccount', { apiKey: bed.site.apiKey, UID: 'x', httpStatusCodes: 'true' });
    expect(response.status).toBe(403);
    expect((await bodyOf(response)).statusCode).toBe(403);
  });

  it('answers a success with HTTP 200 when httpStatusCodes=true', async () => {
    const response = await bed.send('accounts.initRegistration', { apiKey: bed.site.apiKey, httpStatusCodes: 'true' });
    expect(response.status).toBe(200);
  });

  it('answers application/json by default', async () => {
    const response = await bed.send('accounts.initRegistration', { apiKey: bed.site.apiKey });
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('wraps the envelope in the callback when format=jsonp', async () => {
    const response = await bed.send('accounts.initRegistration', { apiKey: bed.site.apiKey, format: 'jsonp', callback: 'gigya.cb_1' });
    const text = await response.text();
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    const match = /^gigya\.cb_1\((.*)\);$/s.exec(text);
    expect(match).not.toBeNull();
    expect(JSON.parse(match![1]!)).toMatchObject({ errorCode: 0, regToken: expect.any(String) });
  });

  it('falls back to plain JSON when the jsonp callback is not a JavaScript name', async () => {
    const response = await bed.send('accounts.initRegistration', { apiKey: bed.site.apiKey, format: 'jsonp', callback: 'alert(1)//' });
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect((await bodyOf(response)).errorCode).toBe(0);
  });
});

describe('paths that are not Gigya methods', () => {
  it('answers an unknown method of a known namespace with a 404000 envelope', async () => {
    const body = await bed.anonymous('accounts.noSuchMethod');
    expect(body).toMatchObject({ errorCode: 404000, errorMessage: 'Not found', statusCode: 404, errorDetails: 'Unknown method: accounts.noSuchMethod' });
    expect(body.callId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('answers an unknown namespace with a 404000 envelope', async () => {
    const body = await bed.anonymous('socialize.getUserInfo');
    expect(body).toMatchObject({ errorCode: 404000, statusCode: 404 });
  });

  it('answers the root path with an envelope, not a bare 404 page', async () => {
    const response = await bed.request('/');
    expect(response.status).toBe(200);
    expect(await bodyOf(response)).toMatchObject({ errorCode: 404000, apiVersion: 2 });
  });

  it('answers a nested unknown path with an envelope', async () => {
    const response = await bed.request('/some/where/favicon.ico');
    expect(await bodyOf(response)).toMatchObject({ errorCode: 404000 });
  });

  it('answers an unknown method with HTTP 404 only when httpStatusCodes=true', async () => {
    const response = await bed.request('/accounts.nope?httpStatusCodes=true');
    expect(response.status).toBe(404);
    expect(await bodyOf(response)).toMatchObject({ errorCode: 404000 });
  });
});

describe('unexpected failures', () => {
  const throwing = {
    name: 'accounts.explode',
    params: z.object({}),
    allowsClientSide: () => true,
    handle: () => {
      throw new Error('database on fire at /srv/secret/path.ts:12');
    },
  };

  it('turns a handler throwing a plain Error into a 500001 envelope', async () => {
    const local = new Testbed({ methods: [throwing] });
    const response = await local.send('accounts.explode', { apiKey: local.site.apiKey });
    const body = await bodyOf(response);
    expect(response.status).toBe(200);
    expect(body).toMatchObject({ errorCode: 500001, errorMessage: 'General Server error', statusCode: 500, statusReason: 'Internal Server Error' });
    local.close();
  });

  it('never shows the stack or the error text of an unexpected failure', async () => {
    const local = new Testbed({ methods: [throwing] });
    const text = await (await local.send('accounts.explode', { apiKey: local.site.apiKey })).text();
    expect(text).not.toMatch(/database on fire|at .*\.ts|Error:/);
    local.close();
  });

  it('reports the unexpected failure to logError', async () => {
    const local = new Testbed({ methods: [throwing] });
    await local.send('accounts.explode', { apiKey: local.site.apiKey });
    expect(local.logged).toEqual([expect.stringContaining('accounts.explode')]);
    local.close();
  });

  it('answers a handler throwing a non-Error value with a 500001 envelope', async () => {
    const local = new Testbed({
      methods: [{ name: 'accounts.throwText', params: z.object({}), allowsClientSide: () => true, handle: () => Promise.reject('plain text') }],
    });
    const body = await local.call('accounts.throwText', { apiKey: local.site.apiKey });
    expect(body.errorCode).toBe(500001);
    local.close();
  });

  it('lets the methods option replace a built-in method', async () => {
    const local = new Testbed({
      methods: [{ name: 'accounts.initRegistration', params: z.object({}), allowsClientSide: () => true, handle: () => ({ regToken: 'RT1_fixed' }) }],
    });
    const body = await local.anonymous('accounts.initRegistration');
    expect(body.regToken).toBe('RT1_fixed');
    local.close();
  });
});
