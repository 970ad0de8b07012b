import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../testing/clock.js';
import { sequentialIds } from '../testing/ids.js';
import { openStore, type Store } from '../store/index.js';
import { ensureDemoSite } from './demoSite.js';

let store: Store;
const ids = sequentialIds();
const clock = new ManualClock();
beforeEach(() => {
  store = openStore({ file: ':memory:' });
});
afterEach(() => store.close());

describe('ensureDemoSite', () => {
  it('creates a demo site with random credentials on a fresh database and shows its secret', () => {
    const demo = ensureDemoSite(store, ids, clock, {});
    expect(demo).toMatchObject({ created: true, apiKey: expect.any(String), userKey: expect.any(String), secret: expect.any(String) });
    expect(store.sites.appKey(demo.userKey)?.secret).toBe(demo.secret);
  });

  it('reuses the demo site on a later start', () => {
    const first = ensureDemoSite(store, ids, clock, {});
    const second = ensureDemoSite(store, ids, clock, {});
    expect(second).toEqual({ ...first, created: false });
  });

  it('uses the credentials fixed by the environment and does not echo the secret', () => {
    const demo = ensureDemoSite(store, ids, clock, { apiKey: '3_demo', userKey: 'AKdemo', secret: 'ZGVtby1zZWNyZXQ=' });
    expect(demo).toEqual({ apiKey: '3_demo', userKey: 'AKdemo', secret: undefined, created: true });
    expect(store.sites.appKey('AKdemo')?.secret).toBe('ZGVtby1zZWNyZXQ=');
  });

  it('takes a new fixed secret over the one an older database holds', () => {
    ensureDemoSite(store, ids, clock, { apiKey: '3_demo', userKey: 'AKdemo', secret: 'b2xkLXNlY3JldA==' });
    ensureDemoSite(store, ids, clock, { apiKey: '3_demo', userKey: 'AKdemo', secret: 'bmV3LXNlY3JldA==' });
    expect(store.sites.appKey('AKdemo')?.secret).toBe('bmV3LXNlY3JldA==');
  });
});
