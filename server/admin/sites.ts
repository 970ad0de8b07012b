import { Hono } from 'hono';
import { z } from 'zod';
import type { FakeGigyaDeps } from '../deps.js';
import { createSite, SiteConflict, siteInputSchema } from '../sites/createSite.js';
import { policiesSchema } from '../store/policies.js';
import { AdminError, existingSite, parseBody } from './validation.js';
import { siteCreatedView, siteView } from './views.js';

/** /__admin/sites: create (the only answer with secrets), list, read, delete, edit policies. */
export function siteRoutes({ store, ids, clock, faults }: FakeGigyaDeps): Hono {
  const sites = new Hono();

  sites.post('/', async (c) => {
    const input = await parseBody(c, siteInputSchema);
    try {
      const created = await store.write(() => createSite(store, ids, clock, input));
      return c.json(siteCreatedView(created, store.sites.appKeysOf(created.site.apiKey)), 201);
    } catch (error) {
      if (error instanceof SiteConflict) throw new AdminError(409, error.message);
      throw error;
    }
  });

  sites.get('/', (c) => c.json({ sites: store.sites.list().map((site) => siteView(site, store.sites.appKeysOf(site.apiKey))) }));

  sites.get('/:apiKey', (c) => {
    const site = existingSite(store, c.req.param('apiKey'));
    return c.json(siteView(site, store.sites.appKeysOf(site.apiKey)));
  });

  sites.delete('/:apiKey', async (c) => {
    const site = existingSite(store, c.req.param('apiKey'));
    await store.write(() => {
      store.resetSite(site.apiKey);
      store.sites.remove(site.apiKey);
    });
    faults.clear(site.apiKey);
    return c.json({ deleted: site.apiKey });
  });

  sites.patch('/:apiKey/policies', async (c) => {
    const site = existingSite(store, c.req.param('apiKey'));
    // Merged before validation: zod 4 fills defaults even in a .partial(), which would reset unnamed policies.
    const changes = await parseBody(c, z.record(z.string(), z.unknown()));
    const merged = policiesSchema.safeParse({ ...site.policies, ...changes });
    if (!merged.success) throw AdminError.invalid('body', merged.error);
    const policies = merged.data;
    await store.write(() => store.sites.setPolicies(site.apiKey, policies));
    return c.json(siteView(existingSite(store, site.apiKey), store.sites.appKeysOf(site.apiKey)));
  });

  return sites;
}
