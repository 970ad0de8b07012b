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

function run(args: string[]): Promise<Exited> {
  return runToExit(process.execPath, ['--import', 'tsx', 'server/main.ts', ...args], { cwd: root });
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

  it('says in one line that the database cannot be opened, and exits 1', async () => {
    const notADirectory = join(dir, 'a-file');
    writeFileSync(notADirectory, 'not a directory');
    const { code, output } = await run(['--port', '0', '--db', join(notADirectory, 'fake-gigya.db')]);
    expect(code).toBe(1);
    expect(output).toMatch(/^fake-gigya cannot start: .+/m);
    expect(output).not.toMatch(/\n\s+at /);
  }, 30_000);
});
