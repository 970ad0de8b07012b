import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureOutput, listeningUrl } from '../../server/testing/childProcesses.js';

// The real CLI in a child process: what survives a restart is what is in the SQLite file.

const root = new URL('../../', import.meta.url);
const demo = { FAKE_GIGYA_API_KEY: '3_cli-demo', FAKE_GIGYA_USER_KEY: 'ACLIDEMO', FAKE_GIGYA_SECRET: 'Y2xpLWRlbW8tc2VjcmV0' };

interface Running {
  child: ChildProcess;
  baseUrl: string;
  output: () => string;
}

let dir: string;
const children: ChildProcess[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fake-gigya-cli-'));
});
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...demo };
  for (const name of Object.keys(env)) if (name.startsWith('FAKE_GIGYA_') && !(name in demo)) delete env[name];
  return env;
}

function run(args: string[]): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', ...args], { cwd: root, env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return child;
}

/** Starts the CLI and waits (at most 20 s) for the line that gives its URL. */
async function start(args: string[]): Promise<Running> {
  const child = run(['--port', '0', ...args]);
  const output = captureOutput(child);
  const baseUrl = await listeningUrl(child, output, 20_000);
  return { child, baseUrl, output: () => output.text };
}

function stop(running: Running): Promise<number | null> {
  return new Promise((resolve) => {
    running.child.removeAllListeners('exit');
    running.child.on('exit', (code) => resolve(code));
    running.child.kill('SIGTERM');
  });
}

async function gigya(baseUrl: string, method: string, params: Record<string, string>): Promise<Record<string, unknown>> {
  const response = await fetch(`${baseUrl}/${method}`, { method: 'POST', body: new URLSearchParams(params) });
  return (await response.json()) as Record<string, unknown>;
}

async function admin(baseUrl: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${baseUrl}/__admin${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** GET /__admin/sites with the Host header a browser would send for that name. */
function statusFor(baseUrl: string, host: string): Promise<number> {
  const { port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port, path: '/__admin/sites', headers: { host }, agent: false }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

const credentials = { apiKey: demo.FAKE_GIGYA_API_KEY, userKey: demo.FAKE_GIGYA_USER_KEY, secret: demo.FAKE_GIGYA_SECRET };

describe('the fake-gigya CLI', () => {
  it('keeps sites, accounts and history in its SQLite file across a restart', async () => {
    const db = join(dir, 'state.db');
    const first = await start(['--db', db]);
    expect((await gigya(first.baseUrl, 'accounts.importLiteAccount', { ...credentials, email: 'kept@example.com' })).errorCode).toBe(0);
    const created = await admin(first.baseUrl, 'POST', '/sites', { apiKey: '3_created-at-runtime', applicationKeys: [{ userKey: 'ARUNTIME', secret: 'cnVudGltZS1zZWNyZXQ=' }] });
    expect(created.status).toBe(201);
    expect(await stop(first)).toBe(0);

    const second = await start(['--db', db]);
    const accounts = await admin(second.baseUrl, 'GET', `/accounts?apiKey=${credentials.apiKey}`);
    expect((accounts.body.accounts as Array<{ email: string; UID: string }>).map((account) => account.email)).toEqual(['kept@example.com']);
    const uid = (accounts.body.accounts as Array<{ UID: string }>)[0]!.UID;
    expect(((await admin(second.baseUrl, 'GET', `/accounts/${uid}/history`)).body.history as unknown[]).length).toBe(1);
    const runtime = { apiKey: '3_created-at-runtime', userKey: 'ARUNTIME', secret: 'cnVudGltZS1zZWNyZXQ=' };
    expect((await gigya(second.baseUrl, 'accounts.getSchema', runtime)).errorCode).toBe(0);
    expect(await stop(second)).toBe(0);
  });

  it('loads a seed file at start with --seed', async () => {
    const seed = join(dir, 'seed.json');
    writeFileSync(
      seed,
      JSON.stringify({
        sites: [
          {
            apiKey: demo.FAKE_GIGYA_API_KEY,
            accounts: [
              { kind: 'full', email: 'full@example.com', password: 'Seeded-pass-1' },
              { kind: 'lite', email: 'lite@example.com' },
            ],
          },
        ],
      }),
    );
    const running = await start(['--db', ':memory:', '--seed', seed]);
    expect(running.output()).toContain('Seeded 0 site(s) and 2 account(s)');
    expect((await admin(running.baseUrl, 'GET', `/accounts?apiKey=${credentials.apiKey}`)).body.total).toBe(2);
    const login = await gigya(running.baseUrl, 'accounts.login', { apiKey: credentials.apiKey, loginID: 'full@example.com', password: 'Seeded-pass-1' });
    expect(login.errorCode).toBe(0);
    expect(await stop(running)).toBe(0);
  });

  it('answers /__admin for the loopback names and --allowed-hosts only (DNS rebinding)', async () => {
    const running = await start(['--db', ':memory:', '--allowed-hosts', 'lab.test,fake-gigya']);
    // Printed after the "listening on" line, maybe in a later chunk.
    await expect.poll(() => running.output()).toContain('admin answers for the hosts localhost, 127.0.0.1, [::1], lab.test, fake-gigya (no admin token)');
    const { port } = new URL(running.baseUrl);
    for (const host of [`lab.test:${port}`, `fake-gigya:${port}`, `localhost:${port}`]) expect(await statusFor(running.baseUrl, host), host).toBe(200);
    expect(await statusFor(running.baseUrl, `rebound.attacker.example:${port}`)).toBe(403);
    expect(await stop(running)).toBe(0);
  });

  it('prints every flag and its environment variable with --help', async () => {
    const child = run(['--help']);
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    for (const text of ['--port, -p', '--db', '--seed', '--journal-max', '--allowed-hosts', '--allow-open-admin', 'FAKE_GIGYA_DB', 'FAKE_GIGYA_ADMIN_TOKEN', 'Seed file format']) expect(output).toContain(text);
  });

  it('exits with 2 and a hint on an unknown flag', async () => {
    const child = run(['--colour', 'red']);
    let errors = '';
    child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(errors).toContain('--help');
  });
});
