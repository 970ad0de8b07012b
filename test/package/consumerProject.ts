import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

// The other project of test/package: its package.json and a lockfile that lets npm install it
// from the local cache alone.

export const packageName = 'gigya-lite-registration-lab';

const registry = (process.env.npm_config_registry ?? 'https://registry.npmjs.org').replace(/\/$/, '');

/** What the other project installs beside the lab: the lab's own versions, so they are cached. */
const tools = ['vitest', 'typescript', '@types/node'];

interface Lockfile {
  name: string;
  packages: Record<string, Record<string, unknown>>;
}

/**
 * package.json and package-lock.json of a project depending on the lab's tarball. The lockfile is
 * the lab's with the root replaced: every version is then pinned and npm reads only the tarballs
 * `npm ci` left in the cache; it drops the entries nothing needs.
 */
export function consumerProject(lab: string, tarballSpec: string): { files: Record<string, string> } {
  const version = (name: string) => (JSON.parse(readFileSync(join(lab, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  const pkg = {
    name: 'embedding-check',
    private: true,
    type: 'module',
    dependencies: { [packageName]: tarballSpec },
    devDependencies: Object.fromEntries(tools.map((name) => [name, version(name)])),
  };
  const lock = JSON.parse(readFileSync(join(lab, 'package-lock.json'), 'utf8')) as Lockfile;
  lock.name = pkg.name;
  for (const [path, entry] of Object.entries(lock.packages)) {
    // The tarball's address, as npm derives it when the lab's lockfile leaves it out: with it, npm
    // reads the cached tarball without the registry's metadata of the package.
    const name = typeof entry.name === 'string' ? entry.name : path.split('node_modules/').at(-1)!;
    if (path !== '' && entry.resolved === undefined && entry.link === undefined && typeof entry.version === 'string') {
      entry.resolved = `${registry}/${name}/-/${name.split('/').at(-1)}-${entry.version}.tgz`;
    }
  }
  lock.packages[''] = { name: pkg.name, dependencies: pkg.dependencies, devDependencies: pkg.devDependencies };
  return { files: { 'package.json': JSON.stringify(pkg, null, 2), 'package-lock.json': JSON.stringify(lock, null, 2) } };
}

/** The packages (`hono` for `hono/jsx`) that the files ending in `extension` under `dir`/lib import. */
export function bareImports(dir: string, extension: '.js' | '.d.ts'): Set<string> {
  const names = new Set<string>();
  const files = readdirSync(join(dir, 'lib'), { recursive: true, encoding: 'utf8' }).filter((path) => path.endsWith(extension) && (extension === '.d.ts' || !path.endsWith('.d.ts')));
  for (const file of files) {
    // TypeScript's own scanner: static, dynamic and type-only imports, never a string that looks like one.
    const { importedFiles } = ts.preProcessFile(readFileSync(join(dir, 'lib', file), 'utf8'), true, true);
    for (const { fileName } of importedFiles) {
      if (fileName.startsWith('.') || fileName.startsWith('node:')) continue;
      const parts = fileName.split('/');
      names.add(fileName.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!);
    }
  }
  return names;
}
