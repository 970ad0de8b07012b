import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import { signatureOf } from '../../server/testing/signer.js';
import { callGigya, demoCredentials, FakeGigyaProcess, postForm, temporaryDatabase } from './fakeGigyaProcess.js';
import { report } from './reliabilityScale.js';
import { haystacksOf, leaksOf } from './secretsAudit.js';

// Every way of getting server-side credentials wrong, against a running fake (a child process):
// each is rejected with the code docs/behaviour.md gives, none writes anything, and none of the
// secrets, signatures or passwords involved shows up in the journal, the logs or the answers.

const demo = demoCredentials();
const db = temporaryDatabase('reliability-auth');
const signer = generateKeyPairSync('rsa', { modulusLength: 2048 });
const impostor = generateKeyPairSync('rsa', { modulusLength: 2048 });
let fake: FakeGigyaProcess | undefined;

afterAll(async () => {
  await fake?.stop();
});

interface Site {
  apiKey: string;
  userKey: string;
  secret: string;
}

interface Attempt {
  name: string;
  expected: number;
  method: string;
  params: Record<string, string>;
  headers?: Record<string, string>;
}

const literal = () => randomBytes(18).toString('base64');
const productionUrl = (method: string) => `https://accounts.us1.gigya.com/${method}`;

function signed(
  site: Site,
  method: string,
  params: Record<string, string>,
  options: { secret?: string; timestamp?: string; nonce?: string; userKey?: string; url?: string } = {},
): Record<string, string> {
  const all = {
    ...params,
    apiKey: site.apiKey,
    userKey: options.userKey ?? site.userKey,
    timestamp: options.timestamp ?? String(Date.now()),
    nonce: options.nonce ?? literal(),
  };
  return { ...all, sig: signatureOf(options.secret ?? site.secret, options.url ?? productionUrl(method), all) };
}

function jwt(kid: string, privateKey: typeof signer.privateKey, claims: { iat?: number; exp?: number; jti?: string } = {}): Promise<string> {
  const token = new SignJWT({ jti: claims.jti ?? literal() }).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid }).setIssuedAt(claims.iat ?? Math.floor(Date.now() / 1000));
  if (claims.exp !== undefined) token.setExpirationTime(claims.exp);
  return token.sign(privateKey);
}

describe('authentication: wrong credentials are rejected with the real codes and write nothing', () => {
  it('rejects every forged, replayed, stale, tampered or foreign credential, leaks none of them, and leaves every site as it was', async () => {
    fake = await FakeGigyaProcess.start(db, demo);
    const { baseUrl } = fake;
    const created = await fake.admin.createSite({ name: 'other site' });
    const other: Site = { apiKey: created.apiKey, userKey: created.applicationKeys[0]!.userKey, secret: created.applicationKeys[0]!.secret };
    const bearerCreated = await fake.admin.createSite({ name: 'bearer site', applicationKeys: [{ publicKeyPem: signer.publicKey.export({ type: 'spki', format: 'pem' }).toString() }] });
    const bearer: Site = { apiKey: bearerCreated.apiKey, userKey: bearerCreated.applicationKeys[0]!.userKey, secret: bearerCreated.applicationKeys[0]!.secret };
    const password = `Auth-${literal()}`;

    // Legitimate set-up: accounts to attack, and the calls whose credentials are replayed later.
    const full = await callGigya(baseUrl, 'accounts.register', { apiKey: demo.apiKey, userKey: demo.userKey, secret: demo.secret, email: 'owner@auth.example.com', password, finalizeRegistration: 'true' });
    expect(full.errorCode).toBe(0);
    const uid = String(full.UID);
    const bearerAccount = await callGigya(baseUrl, 'accounts.importLiteAccount', { apiKey: bearer.apiKey, userKey: bearer.userKey, secret: bearer.secret, email: 'lite@auth.example.com' });
    expect(bearerAccount.errorCode).toBe(0);
    const write = { UID: uid, data: JSON.stringify({ touched: 'legitimately' }) };
    const replayedSigned = signed(demo, 'accounts.setAccountInfo', write);
    expect((await callGigya(baseUrl, 'accounts.setAccountInfo', replayedSigned)).errorCode).toBe(0);
    // A client that signs the URL it calls: the fake's own base URL is one it verifies over.
    const overBaseUrl = signed(demo, 'accounts.setAccountInfo', write, { url: `${baseUrl}/accounts.setAccountInfo` });
    expect((await callGigya(baseUrl, 'accounts.setAccountInfo', overBaseUrl)).errorCode).toBe(0);
    const replayedJwt = await jwt(bearer.userKey, signer.privateKey);
    const bearerWrite = { apiKey: bearer.apiKey, UID: 'whatever', data: JSON.stringify({ touched: true }) };
    expect((await callGigya(baseUrl, 'accounts.search', { apiKey: bearer.apiKey, query: 'SELECT * FROM accounts' }, { authorization: `Bearer ${replayedJwt}` })).errorCode).toBe(0);
    const before = JSON.stringify({ ...(await fake.admin.snapshot()), takenAt: undefined });

    const evil = { UID: uid, data: JSON.stringify({ touched: 'by an attacker' }) };
    const wrongSecret = literal();
    const now = Date.now();
    const attempts: Attempt[] = [];
    for (const method of ['accounts.setAccountInfo', 'accounts.deleteAccount', 'accounts.importLiteAccount']) {
      const params = method === 'accounts.importLiteAccount' ? { email: 'intruder@auth.example.com' } : evil;
      const tampered = signed(demo, method, params);
      attempts.push(
        { name: 'a wrong secret in clear', expected: 403003, method, params: { ...params, apiKey: demo.apiKey, userKey: demo.userKey, secret: wrongSecret } },
        { name: "the other site's secret with this site's userKey", expected: 403003, method, params: { ...params, apiKey: demo.apiKey, userKey: demo.userKey, secret: other.secret } },
        { name: 'signed with a wrong secret', expected: 403003, method, params: signed(demo, method, params, { secret: wrongSecret }) },
        { name: 'a replayed nonce', expected: 403004, method: 'accounts.setAccountInfo', params: replayedSigned },
        { name: 'a timestamp 121 s old (ms)', expected: 403002, method, params: signed(demo, method, params, { timestamp: String(now - 121_000) }) },
        { name: 'a timestamp 121 s ahead (ms)', expected: 403002, method, params: signed(demo, method, params, { timestamp: String(now + 121_000) }) },
        { name: 'a timestamp an hour old (s)', expected: 403002, method, params: signed(demo, method, params, { timestamp: String(Math.floor(now / 1000) - 3_600) }) },
        { name: 'a timestamp that is no Unix time', expected: 400006, method, params: signed(demo, method, params, { timestamp: '12ab' }) },
        { name: 'a param changed after signing', expected: 403003, method, params: { ...tampered, [method === 'accounts.importLiteAccount' ? 'email' : 'UID']: 'ffffffffffffffffffffffffffffffff' } },
        { name: 'a param added after signing', expected: 403003, method, params: { ...signed(demo, method, params), profile: JSON.stringify({ firstName: 'Mallory' }) } },
        { name: 'the signed timestamp moved', expected: 403003, method, params: { ...tampered, timestamp: String(Number(tampered.timestamp) + 1) } },
        { name: "another site's userKey and secret", expected: 403005, method, params: { ...params, apiKey: demo.apiKey, userKey: other.userKey, secret: other.secret } },
        { name: "signed with another site's key", expected: 403005, method, params: signed(demo, method, params, { userKey: other.userKey, secret: other.secret }) },
        { name: 'an unknown userKey', expected: 403005, method, params: { ...params, apiKey: demo.apiKey, userKey: 'AKnobody', secret: demo.secret } },
        { name: 'an empty sig', expected: 403003, method, params: { ...tampered, sig: '' } },
        { name: 'a garbage sig', expected: 403003, method, params: { ...tampered, sig: literal() } },
        { name: 'a sig without userKey', expected: 400002, method, params: { ...params, apiKey: demo.apiKey, timestamp: String(now), nonce: literal(), sig: literal() } },
        { name: 'a sig without nonce', expected: 400002, method, params: { ...params, apiKey: demo.apiKey, userKey: demo.userKey, timestamp: String(now), sig: literal() } },
        { name: 'no sig and no secret', expected: 403007, method, params: { ...params, apiKey: demo.apiKey, userKey: demo.userKey, timestamp: String(now), nonce: literal() } },
        { name: 'a partner secret (no userKey)', expected: 403010, method, params: { ...params, apiKey: demo.apiKey, secret: demo.secret } },
        { name: 'an unknown apiKey with valid credentials', expected: 400093, method, params: { ...params, apiKey: '3_nobody', userKey: demo.userKey, secret: demo.secret } },
        { name: 'a garbage bearer token', expected: 400001, method, params: { ...params, apiKey: bearer.apiKey }, headers: { authorization: 'Bearer garbage' } },
        { name: 'an unsigned (alg none) JWT', expected: 400001, method, params: { ...params, apiKey: bearer.apiKey }, headers: { authorization: `Bearer eyJhbGciOiJub25lIiwia2lkIjoi${literal()}In0.e30.` } },
        // The URL signed is never built from the request's Host (gigya-api.md §2.1).
        { name: 'signed for another data center', expected: 403003, method, params: signed(demo, method, params, { url: `https://accounts.eu1.gigya.com/${method}` }) },
        // Sent to another data center's host, Gigya answers from there: the site is not served (gigya-api.md §12).
        {
          name: 'signed for another data center, sent with its Host',
          expected: 301001,
          method,
          params: signed(demo, method, params, { url: `http://accounts.eu1.gigya.com/${method}` }),
          headers: { host: 'accounts.eu1.gigya.com' },
        },
        {
          name: "signed for this data center, sent with another data center's Host",
          expected: 301001,
          method,
          params: signed(demo, method, params),
          headers: { host: 'accounts.eu1.gigya.com' },
        },
        {
          name: 'signed over a host the request names',
          expected: 403003,
          method,
          params: signed(demo, method, params, { url: `http://attacker.example:${new URL(baseUrl).port}/${method}` }),
          headers: { host: `attacker.example:${new URL(baseUrl).port}` },
        },
      );
    }
    // Found by the fuzz run: an empty regToken once let an anonymous caller register a full account.
    attempts.push({
      name: 'an empty regToken and no credentials',
      expected: 403007,
      method: 'accounts.register',
      params: { apiKey: demo.apiKey, regToken: '', email: 'intruder@auth.example.com', password: `Intruder-${literal()}`, finalizeRegistration: 'true' },
    });
    const bearerCases: Array<[string, number, Promise<string>]> = [
      ['a JWT signed with another private key', 403003, jwt(bearer.userKey, impostor.privateKey)],
      ['an expired JWT', 403003, jwt(bearer.userKey, signer.privateKey, { exp: Math.floor(now / 1000) - 60 })],
      ['a JWT issued 10 minutes ago', 403002, jwt(bearer.userKey, signer.privateKey, { iat: Math.floor(now / 1000) - 600 })],
      ['a JWT for a key with no public key', 403005, jwt(demo.userKey, signer.privateKey)],
      ['a JWT whose kid is unknown', 403005, jwt('AKnobody', signer.privateKey)],
      ['a replayed JWT', 403004, Promise.resolve(replayedJwt)],
    ];
    for (const [name, expected, token] of bearerCases) {
      for (const method of ['accounts.setAccountInfo', 'accounts.deleteAccount', 'accounts.search']) {
        const params = method === 'accounts.search' ? { apiKey: bearer.apiKey, query: 'SELECT * FROM accounts' } : bearerWrite;
        attempts.push({ name, expected, method, params, headers: { authorization: `Bearer ${await token}` } });
      }
    }

    const answers: string[] = [];
    const outcomes: string[] = [];
    const codes = new Map<number, number>();
    for (const attempt of attempts) {
      const answer = await postForm(baseUrl, attempt.method, attempt.params, attempt.headers);
      answers.push(answer.text);
      const body = JSON.parse(answer.text) as { errorCode: number };
      codes.set(body.errorCode, (codes.get(body.errorCode) ?? 0) + 1);
      if (body.errorCode !== attempt.expected) outcomes.push(`${attempt.method} with ${attempt.name}: ${body.errorCode}, expected ${attempt.expected}`);
    }
    expect(outcomes).toEqual([]);
    expect(codes.get(0)).toBeUndefined();
    expect(JSON.stringify({ ...(await fake.admin.snapshot()), takenAt: undefined })).toBe(before);
    // The account attacked is intact and still answers to its owner's password.
    expect((await callGigya(baseUrl, 'accounts.login', { apiKey: demo.apiKey, loginID: 'owner@auth.example.com', password })).errorCode).toBe(0);

    const secrets = new Map<string, string>([
      ['the demo secret', demo.secret],
      ["the other site's secret", other.secret],
      ["the bearer site's secret", bearer.secret],
      ['the wrong secret', wrongSecret],
      ["the owner's password", password],
      ['the replayed JWT', replayedJwt],
    ]);
    attempts.forEach((attempt, i) => {
      if (attempt.params.sig) secrets.set(`the sig of attempt ${i} (${attempt.name})`, attempt.params.sig);
      if (attempt.params.password) secrets.set(`the password of attempt ${i} (${attempt.name})`, attempt.params.password);
      if (attempt.params.secret) secrets.set(`the secret of attempt ${i} (${attempt.name})`, attempt.params.secret);
      const token = attempt.headers?.authorization?.replace(/^Bearer /, '');
      if (token && token.length > 20) secrets.set(`the token of attempt ${i} (${attempt.name})`, token);
    });
    const haystacks = await haystacksOf(fake, db, answers);
    expect(leaksOf(haystacks, secrets)).toEqual([]);
    expect(fake.output).toContain('secret=(as given in FAKE_GIGYA_SECRET)');
    report(
      `authentication: ${attempts.length} attempts, none accepted (${[...codes].sort((a, b) => a[0] - b[0]).map(([code, count]) => `${code}×${count}`).join(', ')}); ` +
        `${secrets.size} secrets, signatures, tokens and passwords searched in the journal, logs and answers: none found`,
    );
  }, 60_000);
});
