import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureOutput, listeningUrl, runToExit, type Exited } from '../../server/testing/childProcesses.js';
import { bareImports, consumerProject, packageName } from './consumerProject.js';

// The lab as another project gets it: `npm pack` (prepack compiles lib/), installed from the
// tarball and the local npm cache with no network, then used from vitest, plain Node, tsc and npx.

const lab = fileURLToPath(new URL('../../', import.meta.url));
const fixtures = fileURLToPath(new URL('./consumer/', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'lab-package-'));
const consumer = join(work, 'consumer');

/** The child's environment without what `npm test` and vitest set for their own children. */
const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(npm_|VITEST|NODE_ENV$)/i.test(name)));

async function run(command: string, args: string[], cwd: string, timeoutMs: number): Promise<Exited> {
  const exited = await runToExit(command, args, { cwd, env: cleanEnv }, timeoutMs);
  if (exited.code !== 0) throw new Error(`${command} ${args.join(' ')} exited ${exited.code}:\n${exited.output}`);
  return exited;
}

interface Packed {
  filename: string;
  files: Array<{ path: string }>;
}
let packed: Packed;
let manifest: { dependencies: Record<string, string>; exports: Record<string, unknown>; bin: Record<string, string> };

beforeAll(async () => {
  // Pack a copy, so that the build cannot race another run's lib/ in this working tree.
  const source = join(work, 'lab');
  const skipped = new Set(['node_modules', '.git', 'lib', 'dist', '.data', 'test-results']);
  cpSync(lab, source, { recursive: true, filter: (path) => !skipped.has(relative(lab, path).split('/')[0]!) });
  symlinkSync(join(lab, 'node_modules'), join(source, 'node_modules'), 'dir');
  const pack = await run('npm', ['pack', '--json', '--pack-destination', work], source, 240_000);
  packed = (JSON.parse(pack.output.slice(pack.output.indexOf('['), pack.output.lastIndexOf(']') + 1)) as Packed[])[0]!;

  const project = consumerProject(lab, `file:../${packed.filename}`);
  mkdirSync(consumer);
  for (const [name, text] of Object.entries(project.files)) writeFileSync(join(consumer, name), text);
  for (const name of ['fakeGigya.spec.ts', 'embed.mjs', 'tsconfig.json']) copyFileSync(join(fixtures, name), join(consumer, name));
  // No install scripts: better-sqlite3's would compile SQLite for minutes; the lab's own build of
  // the same version (the lockfile pins it) is what that compile produces on this machine.
  await run('npm', ['install', '--offline', '--ignore-scripts', '--no-audit', '--no-fund'], consumer, 240_000);
  const native = 'node_modules/better-sqlite3/build/Release';
  mkdirSync(join(consumer, native), { recursive: true });
  copyFileSync(join(lab, native, 'better_sqlite3.node'), join(consumer, native, 'better_sqlite3.node'));
  manifest = JSON.parse(readFileSync(join(consumer, 'node_modules', packageName, 'package.json'), 'utf8')) as typeof manifest;
}, 600_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm pack', () => {
  it('holds compiled JavaScript and declarations, and no sources, tests, bench, fixtures or scenarios', () => {
    const paths = packed.files.map((file) => file.path);
    expect(paths).toEqual(expect.arrayContaining(['package.json', 'README.md', 'bin/fake-gigya.js', 'lib/server/index.js', 'lib/server/index.d.ts', 'lib/server/main.js', 'lib/connector/index.js', 'lib/connector/index.d.ts']));
    expect(paths.filter((path) => !/^(lib\/.*\.(js|d\.ts)|bin\/[^/]+\.js|docs\/[^/]+\.md|README\.md|package\.json)$/.test(path))).toEqual([]);
    expect(paths.filter((path) => /\.test\.|\/test[A-Z]|Testbed|^(test|bench|scenarios|contracts|fixtures)\//.test(path))).toEqual([]);
  });

  it('exports types and JavaScript for ./server and ./connector, and a bin that exists', () => {
    const paths = new Set(packed.files.map((file) => file.path));
    for (const entry of ['./server', './connector']) {
      const conditions = manifest.exports[entry] as { types: string; import: string };
      expect(Object.keys(conditions)).toEqual(['types', 'import']);
      expect(paths.has(conditions.types.slice(2)) && paths.has(conditions.import.slice(2))).toBe(true);
    }
    expect(paths.has(manifest.bin['fake-gigya']!.replace(/^\.\//, ''))).toBe(true);
  });

  it('depends on exactly the packages its JavaScript imports, and the types its declarations need', () => {
    const installed = join(consumer, 'node_modules', packageName);
    const runtime = bareImports(installed, '.js');
    const typesNeeded = [...bareImports(installed, '.d.ts')].filter((name) => !shipsOwnTypes(name)).map((name) => `@types/${name}`);
    expect(Object.keys(manifest.dependencies).sort()).toEqual([...runtime, ...typesNeeded].sort());
  });
});

/** Whether an installed package carries its declarations (else they come from @types/<name>). */
function shipsOwnTypes(name: string): boolean {
  const pkg = JSON.parse(readFileSync(join(consumer, 'node_modules', name, 'package.json'), 'utf8')) as Record<string, unknown>;
  return 'types' in pkg || 'typings' in pkg || JSON.stringify(pkg.exports ?? {}).includes('"types"');
}

describe('installed in another project', () => {
  it('runs the README recipe in that project\'s vitest, with no config', async () => {
    const { output } = await run(join(consumer, 'node_modules/.bin/vitest'), ['run', '--reporter=verbose'], consumer, 120_000);
    expect(output).toMatch(/Tests\s+.*3 passed/);
  }, 150_000);

  it('loads both entries in plain Node, the inspector and the playground answering HTML', async () => {
    const { output } = await run(process.execPath, ['embed.mjs'], consumer, 60_000);
    const seen = JSON.parse(output.trim().split('\n').at(-1)!) as Record<string, unknown>;
    expect(seen).toMatchObject({
      baseUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
      health: 'ok',
      inspector: { status: 200, type: expect.stringContaining('text/html'), html: true },
      playground: { status: 200, type: expect.stringContaining('text/html'), html: true },
    });
  }, 90_000);

  it('typechecks under tsc --strict, the package\'s declarations checked too', async () => {
    const { output } = await run(process.execPath, [join(consumer, 'node_modules/typescript/bin/tsc'), '-p', '.'], consumer, 120_000);
    expect(output).toBe('');
  }, 150_000);

  it('`npx fake-gigya --help` prints the usage', async () => {
    const { output } = await run('npx', ['--no-install', 'fake-gigya', '--help'], consumer, 60_000);
    expect(output).toContain('Usage: fake-gigya');
  }, 90_000);

  it('`npx fake-gigya` starts the fake, which answers its health check and inspector, and stops on SIGTERM', async () => {
    // A group of its own, signalled whole as a terminal's Ctrl-C does: npx runs the bin through
    // a shell, and neither passes a signal on to the fake.
    const child = spawn('npx', ['--no-install', 'fake-gigya'], {
      cwd: consumer,
      env: { ...cleanEnv, FAKE_GIGYA_PORT: '0', FAKE_GIGYA_DB: join(work, 'fake-gigya.db') },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const signalGroup = (signal: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        // The group has exited already.
      }
    };
    const output = captureOutput(child);
    // 'close': every holder of its output, the fake included, has exited.
    const exited = new Promise<void>((done) => child.once('close', () => done()));
    try {
      const baseUrl = await listeningUrl(child, output, 60_000);
      expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await fetch(`${baseUrl}/__admin/health`)).status).toBe(200);
      const inspector = await fetch(`${baseUrl}/__admin/ui`);
      expect(inspector.status).toBe(200);
      expect(await inspector.text()).toMatch(/^<!DOCTYPE html>/i);
    } finally {
      signalGroup('SIGTERM');
      const timer = setTimeout(() => signalGroup('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    expect(output.text).toContain('fake-gigya stopped (SIGTERM)');
  }, 90_000);
});
