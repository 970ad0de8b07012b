import { describe, expect, it } from 'vitest';
import { createFakeGigya } from '../../server/app.js';
import { hmacSha1, signatureBaseString, sign } from '../../server/protocol/signature.js';
import { randomIds } from '../../server/protocol/ids.js';
import { createSite } from '../../server/sites/createSite.js';
import { openStore } from '../../server/store/index.js';
import { signatureVectors, vectorClockMs } from '../fixtures/signatureVectors.js';

const requestVectors = signatureVectors.filter((vector) => vector.method !== null);
const faithful = requestVectors.filter((vector) => !vector.name.includes('falsy'));
const falsyQuirk = requestVectors.find((vector) => vector.name.includes('falsy'))!;

function fakeForVector(apiKey: string, userKey: string, secret: string) {
  const store = openStore({ file: ':memory:' });
  const clock = { now: () => vectorClockMs };
  createSite(store, randomIds, clock, { apiKey, applicationKeys: [{ userKey, secret }] });
  return createFakeGigya({ store, clock });
}

function post(app: ReturnType<typeof createFakeGigya>, url: string, params: Record<string, string>) {
  const path = new URL(url).pathname;
  return app.request(path, { method: 'POST', body: new URLSearchParams(params) });
}

describe('signature vectors', () => {
  it.each(faithful.map((vector) => [vector.name, vector] as const))('recomputes the base string and sig of %s', (_name, vector) => {
    expect(signatureBaseString('POST', vector.url!, vector.params)).toBe(vector.baseString);
    expect(sign(vector.secret, 'POST', vector.url!, vector.params)).toBe(vector.sig);
  });

  it('recomputes the UIDSignature vector', () => {
    const vector = signatureVectors.find((candidate) => candidate.name === 'UIDSignature-computed')!;
    expect(hmacSha1(vector.secret, vector.baseString)).toBe(vector.sig);
  });

  it('reproduces the npm falsy quirk only when false and 0 are signed as empty', () => {
    const asPosted = sign(falsyQuirk.secret, 'POST', falsyQuirk.url!, falsyQuirk.params);
    expect(asPosted).not.toBe(falsyQuirk.sig);
    const asSigned = Object.fromEntries(
      Object.entries(falsyQuirk.params).map(([name, value]) => [name, value === 'false' || value === '0' ? '' : value]),
    );
    expect(signatureBaseString('POST', falsyQuirk.url!, asSigned)).toBe(falsyQuirk.baseString);
    expect(hmacSha1(falsyQuirk.secret, falsyQuirk.baseString)).toBe(falsyQuirk.sig);
  });

  it.each(faithful.map((vector) => [vector.name, vector] as const))('authenticates the captured request %s', async (_name, vector) => {
    const app = fakeForVector(vector.params.apiKey!, vector.params.userKey!, vector.secret);
    const body = (await (await post(app, vector.url!, { ...vector.params, sig: vector.sig })).json()) as { errorCode: number };
    // Past authentication: initRegistration succeeds; the setAccountInfo capture's regToken "abc" is unknown here.
    expect([0, 400006]).toContain(body.errorCode);
  });

  it('rejects the npm falsy-quirk request as a strict verifier does (403003)', async () => {
    const vector = falsyQuirk;
    const app = fakeForVector(vector.params.apiKey!, vector.params.userKey!, vector.secret);
    const body = (await (await post(app, vector.url!, { ...vector.params, sig: vector.sig })).json()) as { errorCode: number };
    expect(body.errorCode).toBe(403003);
  });

  it('rejects a captured request replayed with the same nonce (403004)', async () => {
    const vector = faithful[0]!;
    const app = fakeForVector(vector.params.apiKey!, vector.params.userKey!, vector.secret);
    const first = (await (await post(app, vector.url!, { ...vector.params, sig: vector.sig })).json()) as { errorCode: number };
    const replay = (await (await post(app, vector.url!, { ...vector.params, sig: vector.sig })).json()) as { errorCode: number };
    expect(first.errorCode).toBe(0);
    expect(replay.errorCode).toBe(403004);
  });
});
