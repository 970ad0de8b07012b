// The drift check compares and never writes; only `npm run pact:update` (updateCommittedPact)
// changes a committed pact.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assembleGeneratedPact, checkPactDrift, updateCommittedPact } from '../pactFiles.js';

const dir = mkdtempSync(join(tmpdir(), 'pact-drift-'));

describe('the drift check', () => {
  it('finds no drift when the committed pact is the generated one, byte for byte', () => {
    const file = join(dir, 'same.json');
    writeFileSync(file, assembleGeneratedPact());
    expect(checkPactDrift(file)).toEqual({ kind: 'unchanged' });
  });

  it('reports a changed interaction as drift and leaves the committed file as it was', () => {
    const file = join(dir, 'changed.json');
    const changed = assembleGeneratedPact().replace('"description": "a getAccountInfo', '"description": "a changed getAccountInfo');
    expect(changed).not.toBe(assembleGeneratedPact());
    writeFileSync(file, changed);
    const outcome = checkPactDrift(file);
    expect(outcome).toMatchObject({ kind: 'drifted', file, committed: changed, generated: assembleGeneratedPact() });
    expect(readFileSync(file, 'utf8')).toBe(changed);
  });

  it('reports a missing committed pact as drift', () => {
    expect(checkPactDrift(join(dir, 'missing.json'))).toMatchObject({ kind: 'drifted', committed: '' });
  });
});

describe('pact:update', () => {
  it('writes the generated pact over a drifted one, then has nothing left to write', () => {
    const file = join(dir, 'nested', 'updated.json');
    expect(updateCommittedPact(file)).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(assembleGeneratedPact());
    expect(checkPactDrift(file)).toEqual({ kind: 'unchanged' });
    expect(updateCommittedPact(file)).toBe(false);
  });
});
