import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';

// connector/main.ts as `npm run connector` runs it: a port already taken is one clear line.

/** Runs a child to its end (killed after 20 s): its exit code and stdout+stderr. connector/ never imports server/'s kit. */
async function runToExit(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<{ code: number | null; output: string }> {
  const ran = spawnSync(command, args, { ...options, encoding: 'utf8', timeout: 20_000 });
  return { code: ran.status, output: `${ran.stdout}${ran.stderr}` };
}

describe('npm run connector', () => {
  it('says in one line that its port is taken, and exits 1', async () => {
    const taken = createServer();
    await new Promise<void>((listening) => taken.listen(0, '127.0.0.1', listening));
    const port = (taken.address() as { port: number }).port;
    const dir = mkdtempSync(join(tmpdir(), 'connector-main-'));
    try {
      const { code, output } = await runToExit(process.execPath, ['--import', 'tsx', 'connector/main.ts'], {
        cwd: resolve(import.meta.dirname, '..'),
        env: { ...process.env, CONNECTOR_PORT: String(port), CONNECTOR_DB: join(dir, 'connector.db') },
      });
      expect(code).toBe(1);
      expect(output).toContain(`[connector] cannot start: cannot listen on 127.0.0.1:${port}: EADDRINUSE; choose another port with CONNECTOR_PORT`);
      expect(output).not.toMatch(/\n\s+at /);
    } finally {
      taken.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  const start = async (env: Record<string, string>) => {
    const dir = mkdtempSync(join(tmpdir(), 'connector-main-'));
    try {
      return await runToExit(process.execPath, ['--import', 'tsx', 'connector/main.ts'], {
        cwd: resolve(import.meta.dirname, '..'),
        env: { ...process.env, CONNECTOR_DB: join(dir, 'connector.db'), CONNECTOR_PORT: '0', ...env },
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it.each([
    [{ CONNECTOR_HOST: '0.0.0.0' }, 'CONNECTOR_HOST=0.0.0.0 reaches beyond this machine and CONNECTOR_ADMIN_TOKEN is not set: set CONNECTOR_ADMIN_TOKEN'],
    [{ CONNECTOR_PORT: 'abc' }, 'CONNECTOR_PORT must be a port number from 0 to 65535, not "abc"'],
    [{ CONNECTOR_DB: '/dev/null/connector.db' }, 'CONNECTOR_DB=/dev/null/connector.db cannot be opened'],
    [{ GIGYA_API_KEY: '3_key', GIGYA_USER_KEY: 'AKuser', GIGYA_SECRET: 'GX98IPy4pUedr7Gkj2U4ODKXRxGVpqOp', GIGYA_SETUP: 'nope' }, 'GIGYA_SETUP: '],
  ])('refuses to start in one line naming the variable (%o)', async (env, line) => {
    const { code, output } = await start(env);
    expect(code).toBe(1);
    const lines = output.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`[connector] cannot start: ${line}`);
    expect(output).not.toContain('GX98IPy4pUedr7Gkj2U4ODKXRxGVpqOp');
  }, 30_000);
});
