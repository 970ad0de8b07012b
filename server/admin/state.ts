import { Hono } from 'hono';
import { z } from 'zod';
import type { FakeGigyaDeps } from '../deps.js';
import { loadSeed } from '../seed/loadSeed.js';
import { seedSchema } from '../seed/seedSchema.js';
import { SiteConflict } from '../sites/createSite.js';
import { SnapshotError, snapshotSchema } from '../store/index.js';
import { AdminError, existingSite, parseBody, parseQuery } from './validation.js';

const oneSiteOrAll = z.object({ apiKey: z.string().min(1).optional() }).strict();

/** /__admin/reset, /seed, /snapshot, /restore: arrange the whole state in one call. */
export function stateRoutes({ store, ids, clock, faults }: FakeGigyaDeps): Hono {
  const state = new Hono();
  const { snapshots } = store;

  // Sites and their keys stay (credentials in a running test's config remain valid); their data goes.
  state.post('/reset', async (c) => {
    const { apiKey } = await parseBody(c, oneSiteOrAll);
    if (apiKey !== undefined) existingSite(store, apiKey);
    const sites = apiKey !== undefined ? [apiKey] : store.sites.list().map((site) => site.apiKey);
    await store.settled();
    await store.write(() => {
      for (const site of sites) store.resetSite(site);
      // Calls with an unknown apiKey belong to no site: a full reset clears them too.
      if (apiKey === undefined) store.journal.clear();
    });
    const faultsCleared = faults.clear(apiKey);
    return c.json({ reset: apiKey ?? 'all', sites, faultsCleared });
  });

  state.post('/seed', async (c) => {
    const seed = await parseBody(c, seedSchema);
    try {
      const result = await store.write(() => loadSeed(store, ids, clock, seed));
      return c.json(result);
    } catch (error) {
      if (error instanceof SiteConflict) throw new AdminError(409, error.message);
      throw error;
    }
  });

  state.get('/snapshot', (c) => {
    const { apiKey } = parseQuery(c, oneSiteOrAll);
    if (apiKey !== undefined) existingSite(store, apiKey);
    return c.json(snapshots.take(apiKey === undefined ? undefined : [apiKey], clock.now()));
  });

  state.post('/restore', async (c) => {
    const snapshot = await parseBody(c, snapshotSchema);
    try {
      const restored = await store.write(() => snapshots.restore(snapshot));
      return c.json({ restored });
    } catch (error) {
      if (error instanceof SnapshotError) throw new AdminError(409, `Cannot restore the snapshot: ${error.message}`);
      throw error;
    } finally {
      store.sites.forget();
    }
  });

  return state;
}
