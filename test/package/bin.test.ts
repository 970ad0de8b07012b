import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { runToExit } from '../../server/testing/childProcesses.js';

// The bin in a clone where nothing has built lib/ yet (the package always holds lib/).

const lab = fileURLToPath(new URL('../../', import.meta.url));
const clone = mkdtempSync(join(tmpdir(), 'lab-bin-'));
afterAll(() => rmSync(clone, { recursive: true, force: true }));

it('says in one line how to build lib/ when it is missing', async () => {
  for (const path of ['package.json', 'bin']) cpSync(join(lab, path), join(clone, path), { recursive: true });
  const { code, output } = await runToExit(process.execPath, [join(clone, 'bin/fake-gigya.js'), '--help'], { cwd: clone });
  expect(code).toBe(1);
  expect(output).toBe('fake-gigya cannot start: lib/ is not built yet: run `npm run build:lib` first\n');
});
