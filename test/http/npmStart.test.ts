import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { captureOutput, listeningUrl } from '../../server/testing/childProcesses.js';

// `npm start` is the README's first command: stopping npm (a CI job's SIGTERM, `kill`) must
// stop the fake too, not leave it holding the port behind an exited npm.

const root = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'fake-gigya-npm-start-'));
let npm: ChildProcess | undefined;

afterAll(() => {
  // Its own process group: whatever npm started goes with it, even if the test failed.
  if (npm?.pid) {
    try {
      process.kill(-npm.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  rmSync(dir, { recursive: true, force: true });
});

describe('npm start', () => {
  it('stops the fake Gigya when npm is sent SIGTERM', async () => {
    npm = spawn('npm', ['start', '--silent', '--', '--port', '0', '--db', join(dir, 'fake-gigya.db')], {
      cwd: root,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output = captureOutput(npm);
    const exited = new Promise<void>((done) => npm!.once('exit', () => done()));
    const baseUrl = await listeningUrl(npm, output);
    expect((await fetch(`${baseUrl}/__admin/health`)).ok).toBe(true);

    process.kill(npm.pid!, 'SIGTERM');
    await exited;
    // The server answers until it has closed: give it the time its shutdown takes, at most 10 s.
    const deadline = Date.now() + 10_000;
    let answering = true;
    while (answering && Date.now() < deadline) {
      answering = await fetch(`${baseUrl}/__admin/health`).then(() => true, () => false);
      if (answering) await new Promise((resolveWait) => setTimeout(resolveWait, 50));
    }
    expect(answering).toBe(false);
    expect(output.text).toContain('fake-gigya stopped (SIGTERM)');
  }, 60_000);
});
