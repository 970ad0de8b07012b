import { afterEach, describe, expect, it } from 'vitest';
import { createSite } from '../sites/createSite.js';
import { ManualClock } from '../testing/clock.js';
import { sequentialIds } from '../testing/ids.js';
import { openStore, type Store } from './index.js';

const hour = 60 * 60 * 1000;
let store: Store;
afterEach(() => store.close());

function tokenCount(): number {
  return store.rowCounts().reg_tokens!;
}

describe('regToken sweep', () => {
  it('drops tokens expired for over a day once every 1000 minted, keeping recent ones', () => {
    store = openStore({ file: ':memory:' });
    const clock = new ManualClock();
    const ids = sequentialIds();
    const site = createSite(store, ids, clock, {}).site.apiKey;
    const mint = (expiresMs: number) => {
      store.regTokens.save({ token: ids.regToken(), site, isLite: true, uid: null, expiresMs });
      return store.regTokens.sweep(clock.now());
    };
    const old = clock.now() + hour;
    for (let i = 0; i < 400; i++) expect(mint(old)).toBe(0);
    clock.advance(26 * hour);
    const recentlyExpired = clock.now() - hour;
    for (let i = 0; i < 599; i++) expect(mint(recentlyExpired)).toBe(0);
    expect(tokenCount()).toBe(999);
    expect(mint(clock.now() + hour)).toBe(400);
    expect(tokenCount()).toBe(600);
  });
});
