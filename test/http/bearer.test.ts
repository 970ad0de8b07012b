import { generateKeyPairSync } from 'node:crypto';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGigya, type RunningFakeGigya } from '../../server/embedded.js';
import { randomIds, systemClock } from '../../server/protocol/ids.js';
import { createSite } from '../../server/sites/createSite.js';

let gigya: RunningFakeGigya;
let apiKey: string;
let userKey: string;
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });

beforeAll(async () => {
  gigya = await startFakeGigya();
  // A second site on the same server whose application key has a public key for bearer tokens.
  const created = createSite(gigya.store, randomIds, systemClock, {
    applicationKeys: [{ publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() }],
  });
  apiKey = created.site.apiKey;
  userKey = created.applicationKeys[0]!.userKey;
});
afterAll(() => gigya.close());

function token(jti: string): Promise<string> {
  return new SignJWT({ jti }).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: userKey }).setIssuedAt().sign(privateKey);
}

async function getSchema(authorization: string): Promise<{ errorCode: number }> {
  const response = await fetch(`${gigya.baseUrl}/accounts.getSchema`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization },
    body: new URLSearchParams({ apiKey, format: 'json' }).toString(),
  });
  return (await response.json()) as { errorCode: number };
}

describe('bearer JWT over real HTTP', () => {
  it('accepts a token signed with the application key', async () => {
    expect((await getSchema(`Bearer ${await token('http-1')}`)).errorCode).toBe(0);
  });

  it('answers a replayed token with 403004', async () => {
    const replayed = `Bearer ${await token('http-2')}`;
    await getSchema(replayed);
    expect((await getSchema(replayed)).errorCode).toBe(403004);
  });

  it('answers a malformed token with 400001', async () => {
    expect((await getSchema('Bearer not.a.jwt')).errorCode).toBe(400001);
  });
});
