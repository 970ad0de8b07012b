import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newAccount } from '../accounts/accountWrites.js';
import { createSite } from '../sites/createSite.js';
import { ManualClock } from '../testing/clock.js';
import { sequentialIds } from '../testing/ids.js';
import type { Account } from './accounts.js';
import { openStore, type Store } from './index.js';

let store: Store;
let site: string;
let ids: ReturnType<typeof sequentialIds>;

function account(uid: string, firstName: string): Account {
  return { ...newAccount(site, uid, 'lite', 1), email: 'jane@example.com', profile: { email: 'jane@example.com', firstName } };
}

const firstName = (uid: string) => store.accounts.get(site, uid)?.profile.firstName;

beforeEach(() => {
  store = openStore({ file: ':memory:' });
  ids = sequentialIds();
  site = createSite(store, ids, new ManualClock(), {}).site.apiKey;
});
afterEach(() => store.close());

describe('the account read cache', () => {
  it('answers the latest write, whichever way it reached the account', async () => {
    await store.write(() => store.accounts.save(account('u1', 'Jane')));
    expect(firstName('u1')).toBe('Jane');
    store.accounts.save(account('u1', 'John'));
    expect(firstName('u1')).toBe('John');

    const snapshot = store.snapshots.take([site], 2);
    await store.write(() => store.accounts.save(account('u1', 'Jill')));
    expect(firstName('u1')).toBe('Jill');
    await store.write(() => store.snapshots.restore(snapshot));
    expect(firstName('u1')).toBe('John');

    store.resetSite(site);
    expect(store.accounts.get(site, 'u1')).toBeNull();
    store.transaction(() => store.accounts.save(account('u1', 'Joan')));
    expect(firstName('u1')).toBe('Joan');
  });

  it('never keeps what a rolled-back write read or wrote', async () => {
    await store.write(() => store.accounts.save(account('u1', 'Jane')));
    expect(firstName('u1')).toBe('Jane');
    const failed = store.write(() => {
      store.accounts.save(account('u1', 'Mallory'));
      expect(firstName('u1')).toBe('Mallory');
      throw new Error('refused after the save');
    });
    await expect(failed).rejects.toThrow('refused after the save');
    expect(firstName('u1')).toBe('Jane');
  });

  it('sees a delete, and an account of the same UID on another site stays apart', async () => {
    const other = createSite(store, ids, new ManualClock(), {}).site.apiKey;
    await store.write(() => {
      store.accounts.save(account('u1', 'Jane'));
      store.accounts.save({ ...account('u1', 'Other'), site: other });
    });
    expect(firstName('u1')).toBe('Jane');
    expect(store.accounts.get(other, 'u1')?.profile.firstName).toBe('Other');
    await store.write(() => store.accounts.remove(site, 'u1'));
    expect(store.accounts.get(site, 'u1')).toBeNull();
    expect(store.accounts.get(other, 'u1')?.profile.firstName).toBe('Other');
  });
});
