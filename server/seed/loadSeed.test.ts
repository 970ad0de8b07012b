import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Testbed } from '../testing/testbed.js';
import { loadSeed, loadSeedFile, SeedError } from './loadSeed.js';
import type { Seed } from './seedSchema.js';

let bed: Testbed;
beforeEach(() => {
  bed = new Testbed();
});
afterEach(() => bed.close());

const seed: Seed = {
  sites: [
    {
      apiKey: '3_seeded',
      name: 'seeded',
      applicationKeys: [{ userKey: 'AKseeded', secret: 'c2VlZGVkLXNlY3JldA==' }],
      accounts: [
        { kind: 'full', email: 'Full@Example.com', password: 'correct-horse-1', profile: { firstName: 'Fay' } },
        { kind: 'lite', email: 'lite@example.com', data: { score: 1 } },
        { kind: 'lite', uid: 'seededlite2', email: 'lite@example.com', regSource: 'seed' },
      ],
    },
  ],
};
const site = { apiKey: '3_seeded', userKey: 'AKseeded', secret: 'c2VlZGVkLXNlY3JldA==', dataCenter: 'us1' };

describe('loadSeed', () => {
  it('creates the sites and accounts of the seed', () => {
    expect(loadSeed(bed.store, bed.ids, bed.clock, seed)).toEqual({ sites: 1, accounts: 3, webhooks: 0 });
    expect(bed.store.accounts.count('3_seeded')).toBe(3);
    expect(bed.store.accounts.get('3_seeded', 'seededlite2')).toMatchObject({ kind: 'lite', regSource: 'seed' });
  });

  it('adds nothing when the same seed is loaded twice', () => {
    loadSeed(bed.store, bed.ids, bed.clock, seed);
    expect(loadSeed(bed.store, bed.ids, bed.clock, seed)).toEqual({ sites: 0, accounts: 0, webhooks: 0 });
    expect(bed.store.accounts.count('3_seeded')).toBe(3);
  });

  it('lets a seeded full account log in with its seeded password', async () => {
    loadSeed(bed.store, bed.ids, bed.clock, seed);
    const body = await bed.anonymous('accounts.login', { loginID: 'full@example.com', password: 'correct-horse-1' }, site);
    expect(body).toMatchObject({ errorCode: 0, profile: { firstName: 'Fay', email: 'Full@Example.com' } });
  });

  it('gives seeded lite accounts their emailAccounts record', () => {
    loadSeed(bed.store, bed.ids, bed.clock, seed);
    expect(bed.store.emailAccounts.get('3_seeded', 'lite@example.com')).toMatchObject({ hasLiteAccount: true, hasFullAccount: false });
  });

  it('serves the seeded site to its seeded credentials', async () => {
    loadSeed(bed.store, bed.ids, bed.clock, seed);
    expect((await bed.server('accounts.getLiteToken', { email: 'lite@example.com' }, site)).errorCode).toBe(0);
  });

  it('refuses a full account without a password, naming the path', () => {
    const bad = { sites: [{ accounts: [{ kind: 'full', email: 'a@b.c' }] }] };
    expect(() => loadSeed(bed.store, bed.ids, bed.clock, bad)).toThrow(/sites\.0\.accounts\.0\.password/);
  });

  it('refuses an invalid profile and loads nothing of the seed', () => {
    const bad = { sites: [{ apiKey: '3_bad', accounts: [{ kind: 'lite', email: 'a@b.c', profile: { gender: 'x' } }] }] };
    expect(() => loadSeed(bed.store, bed.ids, bed.clock, bad)).toThrow();
    expect(bed.store.sites.get('3_bad')).toBeNull();
  });

  it('refuses a seed without sites with a SeedError', () => {
    expect(() => loadSeed(bed.store, bed.ids, bed.clock, { sites: [] })).toThrow(SeedError);
  });

  it('reads a seed file', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'seed-')), 'seed.json');
    writeFileSync(file, JSON.stringify(seed));
    expect(loadSeedFile(bed.store, bed.ids, bed.clock, file).accounts).toBe(3);
  });

  it('answers a missing or malformed seed file with a SeedError', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'seed-')), 'seed.json');
    writeFileSync(file, '{ not json');
    expect(() => loadSeedFile(bed.store, bed.ids, bed.clock, file)).toThrow(SeedError);
    expect(() => loadSeedFile(bed.store, bed.ids, bed.clock, `${file}.missing`)).toThrow(SeedError);
  });
});
