import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runToExit } from '../server/testing/childProcesses.js';

// connector/main.ts as `npm run connector` runs it: a port already taken is one clear line.

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
});
