import { createPublicKey, verify } from 'node:crypto';
import { createLocalJWKSet, decodeProtectedHeader, importJWK, jwtVerify, type JWK } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Testbed } from '../../server/testing/testbed.js';

// accounts.getJWT's id_token checked as a relying party checks it: with the keys
// accounts.getJWTPublicKey publishes, by jose and by node:crypto, never by the fake's signer.

let testbed: Testbed;

beforeEach(() => {
  testbed = new Testbed({ site: { dataCenter: 'eu1' } });
});

afterEach(() => testbed.close());

const issuer = () => `https://fidm.gigya.com/jwt/${testbed.site.apiKey}/`;

describe('accounts.getJWT', () => {
  it('signs an id_token for the UID with the published key, carrying the requested fields', async () => {
    const full = await testbed.registerFull('john@example.com', 'correct-horse-1', { firstName: 'John', lastName: 'Doe' });
    await testbed.server('accounts.setAccountInfo', { UID: full.UID, data: JSON.stringify({ crm: { tier: 'gold' } }) });
    const answer = await testbed.server('accounts.getJWT', { targetUID: full.UID, fields: 'firstName,profile.lastName,data.crm.tier', expiration: '120' });
    expect(answer.errorCode).toBe(0);
    const token = answer.id_token as string;

    const published = await testbed.anonymous('accounts.getJWTPublicKey', { V2: 'true' });
    const { payload, protectedHeader } = await jwtVerify(token, createLocalJWKSet({ keys: published.keys as JWK[] }), {
      issuer: issuer(),
      subject: full.UID as string,
      algorithms: ['RS256'],
      currentDate: new Date(testbed.clock.now()),
    });
    expect(protectedHeader).toMatchObject({ alg: 'RS256', typ: 'JWT', dc: 'eu1' });
    expect(payload).toMatchObject({ apiKey: testbed.site.apiKey, firstName: 'John', lastName: 'Doe', 'data.crm.tier': 'gold', isLoggedIn: false });
    expect(payload.exp! - payload.iat!).toBe(120);

    await testbed.anonymous('accounts.login', { loginID: 'john@example.com', password: 'correct-horse-1' });
    const afterLogin = (await testbed.server('accounts.getJWT', { targetUID: full.UID })).id_token as string;
    const { payload: loggedIn } = await jwtVerify(afterLogin, createLocalJWKSet({ keys: published.keys as JWK[] }), { currentDate: new Date(testbed.clock.now()) });
    expect(loggedIn.isLoggedIn).toBe(true);
  });

  it('is signed by the same key as the plain getJWTPublicKey answer, checked with node:crypto', async () => {
    const full = await testbed.registerFull('john@example.com');
    const token = (await testbed.server('accounts.getJWT', { targetUID: full.UID })).id_token as string;
    const plain = await testbed.anonymous('accounts.getJWTPublicKey');
    expect(decodeProtectedHeader(token).kid).toBe(plain.kid);
    const key = createPublicKey({ key: { kty: 'RSA', n: plain.n as string, e: plain.e as string }, format: 'jwk' });
    const [header, claims, signature] = token.split('.');
    expect(verify('sha256', Buffer.from(`${header}.${claims}`), key, Buffer.from(signature!, 'base64url'))).toBe(true);
    const payload = JSON.parse(Buffer.from(claims!, 'base64url').toString('utf8')) as Record<string, unknown>;
    expect(payload.exp).toBe((payload.iat as number) + 300);
  });

  it('expires: a receiver refuses the token once exp has passed', async () => {
    const full = await testbed.registerFull('john@example.com');
    const token = (await testbed.server('accounts.getJWT', { targetUID: full.UID, expiration: '60' })).id_token as string;
    const plain = await testbed.anonymous('accounts.getJWTPublicKey');
    const key = await importJWK({ kty: 'RSA', n: plain.n as string, e: plain.e as string }, 'RS256');
    await expect(jwtVerify(token, key, { currentDate: new Date(testbed.clock.now() + 61_000) })).rejects.toThrow(/exp/);
  });

  it('refuses a client-side call, an unknown UID and a bad expiration with their Gigya errors', async () => {
    const full = await testbed.registerFull('john@example.com');
    expect((await testbed.anonymous('accounts.getJWT', { targetUID: full.UID as string })).errorCode).not.toBe(0);
    expect((await testbed.server('accounts.getJWT', { targetUID: 'nobody' })).errorCode).toBe(403005);
    expect((await testbed.server('accounts.getJWT', { targetUID: full.UID as string, expiration: '0' })).errorCode).toBe(400006);
  });
});
