import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureOutput, listeningUrl } from '../../server/testing/childProcesses.js';

// What `npm start` runs is the esbuild bundle, not the TypeScript the other tests load: this
// builds it (scripts/build.mjs, with its node:http2 and zod-locale substitutions and the jose
// chunk) and checks that those paths still work in it.

const root = resolve(import.meta.dirname, '../..');
const cache = join(root, 'node_modules', '.cache');
let outdir: string;
let child: ChildProcess;
let baseUrl: string;
const demo = { apiKey: `3_bundle-${randomBytes(4).toString('hex')}`, userKey: 'ABUNDLETEST1', secret: randomBytes(24).toString('base64') };

beforeAll(async () => {
  mkdirSync(cache, { recursive: true });
  outdir = mkdtempSync(join(cache, 'fake-gigya-bundle-'));
  execFileSync(process.execPath, ['scripts/build.mjs', outdir], { cwd: root });
  child = spawn(process.execPath, [join(outdir, 'fake-gigya.mjs'), '--port', '0', '--db', join(outdir, 'fake-gigya.db')], {
    cwd: root,
    env: { ...process.env, FAKE_GIGYA_API_KEY: demo.apiKey, FAKE_GIGYA_USER_KEY: demo.userKey, FAKE_GIGYA_SECRET: demo.secret },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  baseUrl = await listeningUrl(child, captureOutput(child), 20_000);
}, 60_000);

afterAll(() => {
  child?.kill('SIGKILL');
  if (outdir) rmSync(outdir, { recursive: true, force: true });
});

function call(method: string, params: Record<string, string>, headers: Record<string, string> = {}): Promise<Record<string, unknown>> {
  return fetch(`${baseUrl}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(params).toString(),
  }).then((response) => response.json() as Promise<Record<string, unknown>>);
}

describe('the bundle npm start runs', () => {
  it('creates and reads a lite account with the demo credentials', async () => {
    const credentials = { apiKey: demo.apiKey, userKey: demo.userKey, secret: demo.secret };
    const init = await call('accounts.initRegistration', { ...credentials, isLite: 'true' });
    expect(init.errorCode).toBe(0);
    const set = await call('accounts.setAccountInfo', { ...credentials, regToken: String(init.regToken), profile: JSON.stringify({ email: 'bundle@example.com' }) });
    expect(set.errorCode).toBe(0);
    const found = await call('accounts.search', { ...credentials, query: 'SELECT * FROM accounts WHERE profile.email = "bundle@example.com"', accountTypes: 'lite' });
    expect(found.totalCount).toBe(1);
  });

  it('verifies a bearer token with jose, loaded from its own chunk', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const created = (await (
      await fetch(`${baseUrl}/__admin/sites`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ applicationKeys: [{ publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() }] }),
      })
    ).json()) as { apiKey: string; applicationKeys: { userKey: string }[] };
    const kid = created.applicationKeys[0]!.userKey;
    const token = await new SignJWT({ jti: 'bundle-1' }).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid }).setIssuedAt().sign(privateKey);
    expect((await call('accounts.getSchema', { apiKey: created.apiKey }, { authorization: `Bearer ${token}` })).errorCode).toBe(0);
    expect((await call('accounts.getSchema', { apiKey: created.apiKey }, { authorization: `Bearer ${token}x` })).errorCode).not.toBe(0);
  });

  it('explains invalid admin input in English, with zod\'s other locales left out', async () => {
    const response = await fetch(`${baseUrl}/__admin/sites`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ apiKey: 42 }) });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { message: string } };
    expect(body.error.message).toMatch(/apiKey: Invalid input: expected string, received number/);
  });

  it('serves the inspector', async () => {
    const response = await fetch(`${baseUrl}/__admin/ui`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('fake Gigya inspector');
  });
});
