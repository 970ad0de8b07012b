import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Testbed, bodyOf } from '../testing/testbed.js';

let bed: Testbed;
afterEach(() => bed.close());

// The application key's RSA pair for bearer tokens, and a stranger's pair.
let privateKey: KeyObject;
let publicKeyPem: string;
let otherPrivateKey: KeyObject;
beforeAll(() => {
  const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
  privateKey = pair.privateKey;
  publicKeyPem = pair.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  otherPrivateKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
});

describe('userKey + secret in clear', () => {
  beforeEach(() => {
    bed = new Testbed();
  });

  it('accepts the right secret', async () => {
    const body = await bed.server('accounts.getSchema');
    expect(body.errorCode).toBe(0);
  });

  it('answers a wrong secret with 403003', async () => {
    const body = await bed.server('accounts.deleteAccount', { UID: 'x', secret: 'd3Jvbmctc2VjcmV0' });
    expect(body).toMatchObject({ errorCode: 403003, errorMessage: 'Invalid request signature', statusCode: 403 });
  });

  it('never echoes the secret it was sent', async () => {
    const secret = 'dGhpcy1pcy1ub3QtaXQ=';
    const response = await bed.send('accounts.deleteAccount', { apiKey: bed.site.apiKey, userKey: bed.site.userKey, secret, UID: 'x' });
    expect(await response.text()).not.toContain(secret);
  });

  it("answers another site's userKey with 403005", async () => {
    const other = bed.addSite({ name: 'other' });
    const body = await bed.server('accounts.getSchema', { userKey: other.userKey, secret: other.secret });
    expect(body).toMatchObject({ errorCode: 403005, errorMessage: 'Unauthorized user' });
  });

  it('answers an unknown userKey with 403005', async () => {
    const body = await bed.server('accounts.getSchema', { userKey: 'ANoSuchKey' });
    expect(body.errorCode).toBe(403005);
  });

  it('answers a partner secret (a secret without a userKey) with 403010', async () => {
    const body = await bed.call('accounts.deleteAccount', { apiKey: bed.site.apiKey, secret: bed.site.secret, UID: 'x' });
    expect(body).toMatchObject({ errorCode: 403010, errorMessage: 'Invalid Secret' });
  });
});

describe('the httpsOnly policy', () => {
  beforeEach(() => {
    bed = new Testbed({ site: { policies: { httpsOnly: true } } });
  });

  it('answers a secret sent over HTTP with 403006', async () => {
    const body = await bed.server('accounts.getSchema');
    expect(body).toMatchObject({ errorCode: 403006, errorMessage: 'Secret Sent Over Http' });
  });

  it('accepts a secret that reached a TLS proxy (X-Forwarded-Proto: https)', async () => {
    const body = await bed.call(
      'accounts.getSchema',
      { apiKey: bed.site.apiKey, userKey: bed.site.userKey, secret: bed.site.secret },
      { headers: { 'x-forwarded-proto': 'https' } },
    );
    expect(body.errorCode).toBe(0);
  });

  it('answers X-Forwarded-Proto: http with 403006', async () => {
    const body = await bed.call(
      'accounts.getSchema',
      { apiKey: bed.site.apiKey, userKey: bed.site.userKey, secret: bed.site.secret },
      { headers: { 'x-forwarded-proto': 'http' } },
    );
    expect(body.errorCode).toBe(403006);
  });

  it('still accepts a signed request over HTTP: the secret is not sent', async () => {
    const body = await bed.call('accounts.getSchema', bed.signed('accounts.getSchema', {}));
    expect(body.errorCode).toBe(0);
  });
});

describe('signed requests', () => {
  beforeEach(() => {
    bed = new Testbed();
  });

  it('accepts a millisecond timestamp (npm gigya)', async () => {
    const body = await bed.call('accounts.getSchema', bed.signed('accounts.getSchema', {}, { timestamp: String(bed.clock.now()) }));
    expect(body.errorCode).toBe(0);
  });

  it('accepts a second timestamp (SAP SDKs)', async () => {
    const seconds = String(Math.floor(bed.clock.now() / 1000));
    const body = await bed.call('accounts.getSchema', bed.signed('accounts.getSchema', {}, { timestamp: seconds }));
    expect(body.errorCode).toBe(0);
  });

  it('accepts a signature over the https production URL of the data center', async () => {
    const url = 'https://accounts.us1.gigya.com/accounts.getSchema';
    const body = await bed.call('accounts.getSchema', bed.signed('accounts.getSchema', {}, { url }));
    expect(body.errorCode).toBe(0);
  });

  it('accepts a signature over the http production URL (Python SDK without useHTTPS)', async () => {
    const url = 'http://accounts.us1.gigya.com/accounts.getSchema';
    const body = await bed.call('accounts.getSchema', bed.signed('accounts.getSchema', {}, { url }));
    expect(body.errorCode).toBe(0);
  });

  it('answers a signature over the URL called with 403003 when that URL is not one of its base URLs', async () => {
    // In process the fake has no base URL: only the data center's production URLs verify.
    const url = 'http://localhost/accounts.getSchema';
    const body = await bed.call('accounts.getSchema', bed.signed('accounts.getSchema', {}, { url }));
    expect(body.errorCode).toBe(403003);
  });

  it("answers a request addressed to another data center's host with 301001, whatever it signed", async () => {
    const called = 'http://accounts.eu1.gigya.com/accounts.getSchema';
    const attempts = [
      bed.signed('accounts.getSchema', {}, { url: called }),
      bed.signed('accounts.getSchema', {}),
      { apiKey: bed.site.apiKey, userKey: bed.site.userKey, secret: bed.site.secret },
    ];
    for (const params of attempts) {
      const response = await bed.request(called, { method: 'POST', body: new URLSearchParams(params) });
      expect(await bodyOf(response)).toMatchObject({ errorCode: 301001, errorMessage: 'Invalid data center' });
    }
  });

  it("accepts a request addressed to its own data center's host (a hosts-file entry or a proxy)", async () => {
    const called = 'https://accounts.us1.gigya.com/accounts.getSchema';
    const response = await bed.request(called, { method: 'POST', body: new URLSearchParams(bed.signed('accounts.getSchema', {})) });
    expect((await bodyOf(response)).errorCode).toBe(0);
  });

  it("answers a signature over another data center's URL with 403003", async () => {
    const url = 'https://accounts.eu1.gigya.com/accounts.getSchema';
    const body = await bed.call('accounts.getSchema', bed.signed('accounts.getSchema', {}, { url }));
    expect(body.errorCode).toBe(403003);
  });

  it("accepts a signature over the production URL of the site's own data center", async () => {
    const eu = new Testbed({ site: { dataCenter: 'eu1' } });
    const url = 'https://accounts.eu1.gigya.com/accounts.getSchema';
    const body = await eu.call('accounts.getSchema', eu.signed('accounts.getSchema', {}, { url }));
    expect(body.errorCode).toBe(0);
    eu.close();
  });

  it('signs params with objects as JSON text and a query string', async () => {
    const init = await bed.anonymous('accounts.initRegistration', { isLite: 'true' });
    const params = bed.signed('accounts.setAccountInfo', {
      regToken: init.regToken,
      profile: JSON.stringify({ email: 'o\'neil+tag@example.com', firstName: 'Zoë (test)*' }),
    });
    const body = await bed.call('accounts.setAccountInfo', params);
    expect(body).toMatchObject({ errorCode: 0, UID: expect.any(String) });
  });

  it('answers a timestamp older than the skew window with 403002', async () => {
    const params = bed.signed('accounts.getSchema', {}, { timestamp: String(bed.clock.now() - 121_000) });
    const body = await bed.call('accounts.getSchema', params);
    expect(body).toMatchObject({ errorCode: 403002, errorMessage: 'Request has expired' });
  });

  it('answers a timestamp ahead of the clock by more than the window with 403002', async () => {
    const params = bed.signed('accounts.getSchema', {}, { timestamp: String(Math.floor(bed.clock.now() / 1000) + 121) });
    expect((await bed.call('accounts.getSchema', params)).errorCode).toBe(403002);
  });

  it('accepts a timestamp just inside the 120 s window', async () => {
    const params = bed.signed('accounts.getSchema', {}, { timestamp: String(bed.clock.now() - 120_000) });
    expect((await bed.call('accounts.getSchema', params)).errorCode).toBe(0);
  });

  it('uses the site policy signatureSkewSeconds for the window', async () => {
    const strict = new Testbed({ site: { policies: { signatureSkewSeconds: 5 } } });
    const params = strict.signed('accounts.getSchema', {}, { timestamp: String(strict.clock.now() - 6_000) });
    expect((await strict.call('accounts.getSchema', params)).errorCode).toBe(403002);
    strict.close();
  });

  it('answers a replayed nonce with 403004', async () => {
    const params = bed.signed('accounts.getSchema', {}, { nonce: 'once' });
    expect((await bed.call('accounts.getSchema', params)).errorCode).toBe(0);
    const replay = await bed.call('accounts.getSchema', params);
    expect(replay).toMatchObject({ errorCode: 403004, errorMessage: 'Duplicate nonce' });
  });

  it('answers a reused nonce with a new timestamp with 403004', async () => {
    await bed.call('accounts.getSchema', bed.signed('accounts.getSchema', {}, { nonce: 'same' }));
    bed.clock.advance(1000);
    const body = await bed.call('accounts.getSchema', bed.signed('accounts.getSchema', {}, { nonce: 'same' }));
    expect(body.errorCode).toBe(403004);
  });

  it('forgets a nonce after twice the skew window', async () => {
    await bed.call('accounts.getSchema', bed.signed('accounts.getSchema', {}, { nonce: 'old' }));
    bed.clock.advance(240_001);
    const body = await bed.call('accounts.getSchema', bed.signed('accounts.getSchema', {}, { nonce: 'old' }));
    expect(body.errorCode).toBe(0);
  });

  it('keeps nonces per site', async () => {
    const other = bed.addSite({ name: 'other' });
    await bed.call('accounts.getSchema', bed.signed('accounts.getSchema', {}, { nonce: 'shared' }));
    const body = await bed.call('accounts.getSchema', bed.signed('accounts.getSchema', {}, { nonce: 'shared', site: other }));
    expect(body.errorCode).toBe(0);
  });

  it('does not use up the nonce of a request with a bad signature', async () => {
    const bad = { ...bed.signed('accounts.getSchema', {}, { nonce: 'retry' }), sig: 'AAAAAAAAAAAAAAAAAAAAAAAAAAA=' };
    expect((await bed.call('accounts.getSchema', bad)).errorCode).toBe(403003);
    const good = await bed.call('accounts.getSchema', bed.signed('accounts.getSchema', {}, { nonce: 'retry' }));
    expect(good.errorCode).toBe(0);
  });

  it('answers a wrong signature with 403003', async () => {
    const params = { ...bed.signed('accounts.getSchema', {}), sig: 'NfT9iJARaS2osTqJjQsx1v6aT08=' };
    expect((await bed.call('accounts.getSchema', params)).errorCode).toBe(403003);
  });

  it('answers a signature made with a wrong secret with 403003', async () => {
    const params = bed.signed('accounts.getSchema', {}, { secret: 'd3Jvbmctc2VjcmV0LXZhbHVl' });
    expect((await bed.call('accounts.getSchema', params)).errorCode).toBe(403003);
  });

  it('answers a param tampered with after signing with 403003', async () => {
    const init = await bed.anonymous('accounts.initRegistration', { isLite: 'true' });
    const params = bed.signed('accounts.setAccountInfo', { regToken: init.regToken, profile: '{"email":"a@b.c"}' });
    const body = await bed.call('accounts.setAccountInfo', { ...params, profile: '{"email":"evil@b.c"}' });
    expect(body.errorCode).toBe(403003);
  });

  it('answers a param added after signing with 403003', async () => {
    const params = bed.signed('accounts.getSchema', {});
    expect((await bed.call('accounts.getSchema', { ...params, include: 'profileSchema' })).errorCode).toBe(403003);
  });

  it("answers npm gigya's falsy-value quirk (false signed as empty) with 403003", async () => {
    // npm gigya 3.0.1 signs isLite= but posts isLite=false (gigya-api.md §2.1): the fake is strict.
    const signedAsEmpty = bed.signed('accounts.initRegistration', { isLite: '' });
    const body = await bed.call('accounts.initRegistration', { ...signedAsEmpty, isLite: 'false' });
    expect(body.errorCode).toBe(403003);
  });

  it('answers a signed request without a nonce with 400002', async () => {
    const { nonce: _nonce, ...params } = bed.signed('accounts.getSchema', {});
    const body = await bed.call('accounts.getSchema', params);
    expect(body).toMatchObject({ errorCode: 400002, errorDetails: 'Missing required parameter: nonce' });
  });

  it('answers a signed request without a timestamp with 400002', async () => {
    const { timestamp: _timestamp, ...params } = bed.signed('accounts.getSchema', {});
    const body = await bed.call('accounts.getSchema', params);
    expect(body).toMatchObject({ errorCode: 400002, errorDetails: 'Missing required parameter: timestamp' });
  });

  it('answers a signed request without a userKey with 400002', async () => {
    const { userKey: _userKey, ...params } = bed.signed('accounts.getSchema', {});
    const body = await bed.call('accounts.getSchema', params);
    expect(body).toMatchObject({ errorCode: 400002, errorDetails: 'Missing required parameter: userKey' });
  });

  it('answers a timestamp that is not a number with 400006', async () => {
    const params = bed.signed('accounts.getSchema', {}, { timestamp: '2026-03-01' });
    expect((await bed.call('accounts.getSchema', params)).errorCode).toBe(400006);
  });

  it('never echoes the signature it was sent', async () => {
    const params = { ...bed.signed('accounts.getSchema', {}), sig: 'c2VjcmV0LXNpZ25hdHVyZS0x' };
    const text = await (await bed.send('accounts.getSchema', params)).text();
    expect(text).not.toContain('c2VjcmV0LXNpZ25hdHVyZS0x');
  });
});

describe('bearer JWT', () => {
  beforeEach(() => {
    bed = new Testbed({ site: { publicKeyPem } });
  });

  function jwt(options: { key?: KeyObject; iat?: number; jti?: string; kid?: string } = {}): Promise<string> {
    return new SignJWT({ jti: options.jti ?? `jti-${Math.random()}` })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: options.kid ?? bed.site.userKey })
      .setIssuedAt(options.iat ?? Math.floor(bed.clock.now() / 1000))
      .sign(options.key ?? privateKey);
  }

  function callWith(token: string, method = 'accounts.getSchema'): ReturnType<Testbed['call']> {
    return bed.call(method, { apiKey: bed.site.apiKey }, { headers: { authorization: `Bearer ${token}` } });
  }

  it('accepts a token signed with the application key', async () => {
    expect((await callWith(await jwt())).errorCode).toBe(0);
  });

  it('authenticates a server-side method', async () => {
    const body = await callWith(await jwt(), 'accounts.deleteAccount');
    expect(body).toMatchObject({ errorCode: 400002, errorDetails: 'Missing required parameter: UID' });
  });

  it('answers a token signed with another key with 403003', async () => {
    expect((await callWith(await jwt({ key: otherPrivateKey }))).errorCode).toBe(403003);
  });

  it('answers a replayed jti with 403004', async () => {
    const token = await jwt({ jti: 'once' });
    expect((await callWith(token)).errorCode).toBe(0);
    expect((await callWith(token)).errorCode).toBe(403004);
  });

  it('answers a stale iat with 403002', async () => {
    const token = await jwt({ iat: Math.floor(bed.clock.now() / 1000) - 121 });
    expect((await callWith(token)).errorCode).toBe(403002);
  });

  it('answers a token that is not a JWT with 400001', async () => {
    const body = await callWith('garbage');
    expect(body).toMatchObject({ errorCode: 400001, errorMessage: 'Invalid request format', errorDetails: 'Invalid jwt' });
  });

  it('answers a token that is not RS256 with 400001', async () => {
    const token = await new SignJWT({ jti: 'x' })
      .setProtectedHeader({ alg: 'HS256', kid: bed.site.userKey })
      .setIssuedAt(Math.floor(bed.clock.now() / 1000))
      .sign(new TextEncoder().encode('a-shared-secret-of-enough-length!'));
    expect((await callWith(token)).errorCode).toBe(400001);
  });

  it('answers an unknown kid with 403005', async () => {
    expect((await callWith(await jwt({ kid: 'ANoSuchKey' }))).errorCode).toBe(403005);
  });

  it('answers a token for an application key without a public key with 403005', async () => {
    const plain = bed.addSite({ name: 'no-public-key' });
    const token = await jwt({ kid: plain.userKey });
    const body = await bed.call('accounts.getSchema', { apiKey: plain.apiKey }, { headers: { authorization: `Bearer ${token}` } });
    expect(body.errorCode).toBe(403005);
  });
});

describe('calls without credentials', () => {
  beforeEach(() => {
    bed = new Testbed();
  });

  const serverOnly: Array<[string, Record<string, string>]> = [
    ['accounts.deleteAccount', { UID: 'x' }],
    ['accounts.getLiteToken', { email: 'a@b.c' }],
    ['accounts.importLiteAccount', { email: 'a@b.c' }],
    ['accounts.deleteLiteAccount', { emailAccountToken: 'x' }],
    ['accounts.setAccountInfo', { UID: 'x', data: '{}' }],
    ['accounts.getAccountInfo', { UID: 'x' }],
    ['accounts.register', { email: 'a@b.c', password: 'long-enough-1' }],
  ];

  for (const [method, params] of serverOnly) {
    it(`answers ${method}${'UID' in params ? ' by UID' : ''} without credentials with 403007`, async () => {
      const body = await bed.anonymous(method, params);
      expect(body).toMatchObject({ errorCode: 403007, errorMessage: 'Permission denied', statusCode: 403 });
    });
  }

  it('accepts initRegistration client-side', async () => {
    expect((await bed.anonymous('accounts.initRegistration')).errorCode).toBe(0);
  });

  it('accepts setAccountInfo and getAccountInfo with a regToken client-side', async () => {
    const { regToken, body } = await bed.liteSubmit({ email: 'a@b.c' });
    expect(body.errorCode).toBe(0);
    expect((await bed.anonymous('accounts.getAccountInfo', { regToken })).errorCode).toBe(0);
  });

  it('accepts register with a regToken client-side', async () => {
    const init = await bed.anonymous('accounts.initRegistration');
    const body = await bed.anonymous('accounts.register', { regToken: init.regToken, email: 'a@b.c', password: 'long-enough-1' });
    expect(body.errorCode).toBe(0);
  });

  it('accepts finalizeRegistration client-side', async () => {
    const registered = await bed.server('accounts.register', { email: 'a@b.c', password: 'long-enough-1' });
    const body = await bed.anonymous('accounts.finalizeRegistration', { regToken: registered.regToken });
    expect(body.errorCode).toBe(0);
  });

  it('accepts login client-side', async () => {
    await bed.registerFull('a@b.c', 'long-enough-1');
    expect((await bed.anonymous('accounts.login', { loginID: 'a@b.c', password: 'long-enough-1' })).errorCode).toBe(0);
  });

  it('accepts isAvailableLoginID client-side', async () => {
    expect((await bed.anonymous('accounts.isAvailableLoginID', { loginID: 'a@b.c' })).errorCode).toBe(0);
  });

  it('answers setAccountInfo with both UID and regToken and no credentials with 403007', async () => {
    const { regToken, body } = await bed.liteSubmit({ email: 'a@b.c' });
    expect((await bed.anonymous('accounts.setAccountInfo', { regToken, UID: body.UID })).errorCode).toBe(403007);
  });

  it('answers an unknown apiKey before looking at credentials', async () => {
    const response = await bed.send('accounts.deleteAccount', { apiKey: 'unknown', UID: 'x' });
    expect(await bodyOf(response)).toMatchObject({ errorCode: 400093 });
  });
});
