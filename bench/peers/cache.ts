// The peers are installed on demand, each into a folder of its own under a cache directory, never
// into the lab's dependencies: a user who never runs `npm run bench -- --peers` never downloads them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export type Installed = { dir: string } | { unavailable: string };

/** BENCH_PEERS_CACHE, else ~/.cache/gigya-lab-peers. */
export function peersCacheDir(env: NodeJS.ProcessEnv): string {
  return env.BENCH_PEERS_CACHE || join(homedir(), '.cache', 'gigya-lab-peers');
}

/** `@mockoon/cli` → `mockoon-cli`: the package's folder under the cache. */
export function cacheFolderOf(name: string): string {
  return name.replace(/^@/, '').replace(/[^A-Za-z0-9._-]+/g, '-');
}

/**
 * `name@version` installed under `cacheDir`, or why not. Installs only when that exact version
 * is missing; lifecycle scripts are not run (none of the peers needs one).
 */
export function installPeer(cacheDir: string, name: string, version: string): Installed {
  const dir = join(cacheDir, cacheFolderOf(name));
  const manifest = join(dir, 'node_modules', name, 'package.json');
  const installedVersion = () => (existsSync(manifest) ? (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version : undefined);
  if (installedVersion() === version) return { dir };
  console.log(`installing ${name}@${version} into ${dir} ...`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ private: true, description: 'installed by npm run bench -- --peers', dependencies: { [name]: version } }, null, 2)}\n`,
  );
  const npm = spawnSync('npm', ['install', '--prefix', dir, '--no-audit', '--no-fund', '--ignore-scripts', '--omit=dev'], {
    encoding: 'utf8',
    timeout: 10 * 60_000,
  });
  if (npm.error || npm.status !== 0 || installedVersion() !== version) {
    const said = `${npm.error?.message ?? ''} ${npm.stderr ?? ''}`.split('\n').find((line) => /\S/.test(line) && !/^npm warn/i.test(line));
    return { unavailable: `npm install of ${name}@${version} into ${dir} failed${said ? `: ${said.trim().slice(0, 200)}` : ''}` };
  }
  return { dir };
}
