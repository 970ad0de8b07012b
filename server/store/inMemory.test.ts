import { afterEach, describe, expect, it } from 'vitest';
import { createSite } from '../sites/createSite.js';
import { ManualClock } from '../testing/clock.js';
import { sequentialIds } from '../testing/ids.js';
import { openStore, type Store } from './index.js';

const stores: Store[] = [];
afterEach(() => stores.splice(0).forEach((store) => store.close()));
const open = () => {
  const store = openStore({ file: ':memory:' });
  stores.push(store);
  return store;
};

describe('in-memory stores', () => {
  it('start empty and migrated, each on its own, however many the process opens', () => {
    const first = open();
    createSite(first, sequentialIds(), new ManualClock(), { apiKey: '3_only-in-first' });
    const second = open();
    expect(second.sites.get('3_only-in-first')).toBeNull();
    expect(first.sites.get('3_only-in-first')).not.toBeNull();
    expect(Object.values(second.rowCounts()).every((count) => count === 0)).toBe(true);
    expect(Object.keys(second.rowCounts()).sort()).toEqual(Object.keys(first.rowCounts()).sort());
  });

  it('enforce foreign keys like a file store', () => {
    const store = open();
    expect(() => store.sites.insertAppKey({ site: '3_no-such-site', userKey: 'AORPHAN', secret: 'c2VjcmV0c2VjcmV0', name: 'orphan', publicKeyPem: null, createdMs: 0 })).toThrow(/FOREIGN KEY/);
  });
});
