// The layout's promises, checked on the source text: one door to SQLite, one to Gigya errors,
// the fake and the connector apart, and comments that speak in the present.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const sourceFolders = ['server', 'connector', 'contracts', 'scenarios', 'test', 'bench', 'bin', 'scripts'];

function sourceFiles(folder: string): string[] {
  const found: string[] = [];
  const walk = (path: string) => {
    for (const name of readdirSync(path)) {
      const child = join(path, name);
      if (statSync(child).isDirectory()) walk(child);
      else if (/\.(ts|tsx|mjs|js)$/.test(name) && !name.endsWith('.d.ts')) found.push(relative(root, child));
    }
  };
  walk(join(root, folder));
  return found;
}

const files = sourceFolders.flatMap(sourceFiles);
const text = (file: string) => readFileSync(join(root, file), 'utf8');
const isTest = (file: string) => /\.test\.tsx?$/.test(file);
const thisFile = relative(root, import.meta.filename);

/** The bench's targets are the baselines it measures the fake against, written without the lab on purpose. */
const baselines = (file: string) => file.startsWith('bench/targets/');

describe('the layout', () => {
  it('finds the source files it checks', () => {
    expect(files).toContain('server/app.ts');
    expect(files).toContain('connector/service/app.ts');
  });

  it('keeps better-sqlite3 and prepared statements inside server/store and connector/store', () => {
    const outside = files.filter(
      (file) =>
        !file.startsWith('server/store/') &&
        !file.startsWith('connector/store/') &&
        !baselines(file) &&
        file !== thisFile &&
        /from 'better-sqlite3'|\.prepare\s*[(<]/.test(text(file)),
    );
    expect(outside).toEqual([]);
  });

  it('makes every Gigya error through the catalogue', () => {
    const outside = files.filter((file) => file !== 'server/protocol/errors.ts' && file !== thisFile && /new GigyaError\s*\(/.test(text(file)));
    expect(outside).toEqual([]);
  });

  it('never lets the fake and the connector import each other outside tests', () => {
    const crossing = files.filter((file) => {
      if (isTest(file)) return false;
      if (file.startsWith('server/')) return /from '(\.\.\/)+connector\//.test(text(file));
      if (file.startsWith('connector/')) return /from '(\.\.\/)+server\//.test(text(file));
      return false;
    });
    expect(crossing).toEqual([]);
  });

  it('has no comment pointing at an issue tracker that is not in the repository', () => {
    const pointing = files.filter((file) => file !== thisFile && /\/\/.*\bissues? #?\d+|\*.*\bissues? #?\d+/i.test(text(file)));
    expect(pointing).toEqual([]);
  });
});
