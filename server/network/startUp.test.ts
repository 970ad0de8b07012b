import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { get } from 'node:https';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureOutput, listeningUrl, runToExit } from '../testing/childProcesses.js';

// server/main.ts as a user runs it: where the CA is kept and said to be, and the TLS port.

const root = resolve(import.meta.dirname, '../..');
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fake-gigya-tls-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('FAKE_GIGYA_')));
}

/** Starts the CLI until its CA line is printed; returns its output and a stop function. */
async function start(args: string[]): Promise<{ output: () => string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--port', '0', ...args], { cwd: root, env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  const output = captureOutput(child);
  await listeningUrl(child, output, 30_000);
  const deadline = Date.now() + 30_000;
  while (!/\n {2}CA {8}/.test(output.text) || (args.includes('--https-port') && !output.text.includes('  https '))) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`no CA line:\n${output.text}`);
    await new Promise((done) => setTimeout(done, 50));
  }
  return {
    output: () => output.text,
    stop: () =>
      new Promise((done) => {
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

function httpsGet(url: string, ca: string, servername: string): Promise<string> {
  return new Promise((done, fail) => {
    get(url, { ca, servername, headers: { host: servername } }, (response) => {
      let body = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      response.on('end', () => done(body));
    }).on('error', fail);
  });
}

describe('the CLI and its certificate authority', () => {
  it('creates the CA beside the database on first start, says where, reuses it next time, and serves TLS', async () => {
    const db = join(dir, 'data', 'fake-gigya.db');
    const certificateFile = join(dir, 'data', 'fake-gigya-ca.pem');
    const first = await start(['--db', db, '--https-port', '0']);
    try {
      expect(first.output()).toContain(`  CA        ${certificateFile} (created now); also at http://127.0.0.1:`);
      expect(statSync(join(dir, 'data', 'fake-gigya-ca-key.pem')).mode & 0o777).toBe(0o600);
      const ca = readFileSync(certificateFile, 'utf8');
      expect(first.output()).not.toContain(readFileSync(join(dir, 'data', 'fake-gigya-ca-key.pem'), 'utf8').split('\n')[1]!);
      const httpsUrl = /\n {2}https {5}(https:\/\/\S+)/.exec(first.output())![1]!;
      const body = await httpsGet(`${httpsUrl}/accounts.getSchema`, ca, 'accounts.us1.gigya.com');
      expect(JSON.parse(body)).toMatchObject({ errorCode: 400093 });
    } finally {
      await first.stop();
    }
    const second = await start(['--db', db]);
    try {
      expect(second.output()).toContain(`  CA        ${certificateFile}; also at`);
      expect(readFileSync(certificateFile, 'utf8')).toContain('BEGIN CERTIFICATE');
    } finally {
      await second.stop();
    }
  }, 90_000);

  it('keeps an in-memory CA for an in-memory database', async () => {
    const running = await start(['--db', ':memory:']);
    try {
      expect(running.output()).toContain('  CA        in memory; also at http://127.0.0.1:');
    } finally {
      await running.stop();
    }
  }, 60_000);

  it('refuses in one line a CA whose key is missing', async () => {
    const certificateFile = join(dir, 'lonely-ca.pem');
    writeFileSync(certificateFile, 'not used');
    const run = await runToExit(
      process.execPath,
      ['--import', 'tsx', 'server/main.ts', '--port', '0', '--db', ':memory:', '--ca-cert', certificateFile, '--ca-key', join(dir, 'missing-key.pem')],
      { cwd: root, env: cleanEnv() },
      60_000,
    );
    expect(run.code).toBe(1);
    expect(run.output).toContain(
      `fake-gigya cannot start: cannot set up the certificate authority, set by --ca-cert (FAKE_GIGYA_CA_CERT) and --ca-key (FAKE_GIGYA_CA_KEY): ${certificateFile} exists but ${join(dir, 'missing-key.pem')} does not`,
    );
    expect(run.output).not.toMatch(/\n\s+at /);
  }, 60_000);
});
