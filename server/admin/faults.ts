import { Hono } from 'hono';
import { z } from 'zod';
import type { FakeGigyaDeps } from '../deps.js';
import { faultInputSchema } from '../faults/faultSpec.js';
import { AdminError, existingSite, parseBody, parseQuery } from './validation.js';

const siteQuery = z.object({ apiKey: z.string().min(1).optional() }).strict();

/** /__admin/faults: inject errors, latency, rate limits and dropped connections per site and method. */
export function faultRoutes({ store, faults }: FakeGigyaDeps): Hono {
  const routes = new Hono();

  routes.post('/', async (c) => {
    const input = await parseBody(c, faultInputSchema);
    existingSite(store, input.apiKey);
    return c.json(faults.add(input), 201);
  });

  routes.get('/', (c) => {
    const { apiKey } = parseQuery(c, siteQuery);
    return c.json({ faults: faults.list(apiKey) });
  });

  routes.delete('/', (c) => {
    const { apiKey } = parseQuery(c, siteQuery);
    return c.json({ cleared: faults.clear(apiKey) });
  });

  routes.delete('/:id', (c) => {
    const id = c.req.param('id');
    if (!faults.remove(id)) throw AdminError.notFound(`fault ${id}`);
    return c.json({ deleted: id });
  });

  return routes;
}
