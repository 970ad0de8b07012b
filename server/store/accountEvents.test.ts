import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from './index.js';

let store: Store;
afterEach(() => store.close());

function record(count: number): void {
  for (let i = 0; i < count; i++) {
    store.accountEvents.record({ site: '3_site', id: `event-${i}`, type: 'accountUpdated', uid: `uid-${i % 7}`, accountType: 'lite', callId: null, atMs: i });
  }
}

describe('account events prune', () => {
  it('keeps the events some webhook has not read, however many there are', () => {
    store = openStore({ file: ':memory:' });
    record(50);
    expect(store.accountEvents.prune(10, 5)).toBe(10);
    expect(store.accountEvents.after('3_site', 0, 100).map((event) => event.seq)[0]).toBe(11);
  });

  it('keeps the latest `keep` events even when every webhook has read them', () => {
    store = openStore({ file: ':memory:' });
    record(50);
    expect(store.accountEvents.prune(50, 20)).toBe(30);
    const left = store.accountEvents.after('3_site', 0, 100).map((event) => event.seq);
    expect(left).toHaveLength(20);
    expect(left[0]).toBe(31);
    expect(store.accountEvents.prune(50, 20)).toBe(0);
  });
});
