import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runToExit, type Exited } from './testing/childProcesses.js';

// server/main.ts as a user runs it: what it says when it cannot start.

const root = resolve(import.meta.dirname, '..');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fake-gigya-main-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The environment without any FAKE_GIGYA_* setting of the machine running the tests. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('FAKE_GIGYA_')));
  return { ...env, ...extra };
}

function run(args: string[], env: Record<string, string> = {}): Promise<Exited> {
  return runToExit(process.execPath, ['--import', 'tsx', 'server/main.ts', ...args], { cwd: root, env: cleanEnv(env) });
}

/** The lines a failed start printed: exactly one, and no stack. */
function errorLines(output: string): string[] {
  return output.split('\n').filter((line) => line.trim() !== '');
}

describe('fake-gigya start-up failures', () => {
  it('says in one line that the port is taken, and exits 1', async () => {
    const taken: Server = createServer();
    await new Promise<void>((listening) => taken.listen(0, '127.0.0.1', listening));
    const port = (taken.address() as { port: number }).port;
    try {
      const { code, output } = await run(['--port', String(port), '--db', join(dir, 'port.db')]);
      expect(code).toBe(1);
      expect(output).toContain(`fake-gigya cannot start: 127.0.0.1:${port} is already in use; choose another port with --port or FAKE_GIGYA_PORT`);
      expect(output).not.toMatch(/\n\s+at /);
    } finally {
      taken.close();
    }
  }, 30_000);

  it('says in one line that the database cannot be opened, naming the file, --db and FAKE_GIGYA_DB, and exits 1', async () => {
    const notADirectory = join(dir, 'a-file');
    writeFileSync(notADirectory, 'not a directory');
    const file = join(notADirectory, 'fake-gigya.db');
    const { code, output } = await run(['--port', '0', '--db', file]);
    expect(code).toBe(1);
    expect(errorLines(output)).toEqual([expect.stringMatching(/^fake-gigya cannot start: cannot open the database .+: .+/)]);
    expect(output).toContain(`cannot open the database ${file}, set by --db (FAKE_GIGYA_DB): `);
  }, 30_000);

  it('says in one line that --port is not a port, naming --port and FAKE_GIGYA_PORT, and exits 2', async () => {
    for (const [args, env] of [[['--port', 'abc'], {}], [[], { FAKE_GIGYA_PORT: 'abc' }]] as const) {
      const { code, output } = await run([...args], env);
      expect(code).toBe(2);
      expect(errorLines(output)).toEqual(['fake-gigya cannot start: Invalid --port (FAKE_GIGYA_PORT): "abc" is not a whole number from 0 to 65535']);
    }
  }, 30_000);

  it('says in one line which seed file does not load, naming --seed and FAKE_GIGYA_SEED, and exits 1', async () => {
    const seed = join(dir, 'missing-seed.json');
    const { code, output } = await run(['--port', '0', '--db', ':memory:', '--seed', seed]);
    expect(code).toBe(1);
    expect(errorLines(output)).toEqual([expect.stringContaining(`fake-gigya cannot start: cannot load the seed ${seed}, set by --seed (FAKE_GIGYA_SEED): `)]);
  }, 30_000);

  it('refuses a non-loopback --host without an admin token, in one line saying how to set one or opt in, and exits 2', async () => {
    const { code, output } = await run(['--host', '0.0.0.0', '--port', '0', '--db', ':memory:']);
    expect(code).toBe(2);
    const [line, ...rest] = errorLines(output);
    expect(rest).toEqual([]);
    expect(line).toMatch(/^fake-gigya cannot start: --host \(FAKE_GIGYA_HOST\) 0\.0\.0\.0 .*set FAKE_GIGYA_ADMIN_TOKEN.*--allow-open-admin \(FAKE_GIGYA_ALLOW_OPEN_ADMIN=true\)$/);
  }, 30_000);

  it('says in one line that an unknown flag is unknown, pointing at --help, and exits 2', async () => {
    const { code, output } = await run(['--colour', 'red']);
    expect(code).toBe(2);
    expect(errorLines(output)).toEqual([expect.stringMatching(/^fake-gigya cannot start: .*--colour.*; run fake-gigya --help for the options$/)]);
  }, 30_000);
});
