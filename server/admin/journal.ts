import { Hono } from 'hono';
import { z } from 'zod';
import type { FakeGigyaDeps } from '../deps.js';
import type { JournalFilter } from '../store/journal.js';
import { existingSite, page, parseQuery } from './validation.js';
import { journalView } from './views.js';

/** An instant as ISO 8601 text or Unix milliseconds. */
const instant = z
  .string()
  .transform((text, ctx) => {
    const ms = /^\d+$/.test(text) ? Number(text) : Date.parse(text);
    if (Number.isNaN(ms)) {
      ctx.addIssue({ code: 'custom', message: 'an ISO 8601 time or Unix milliseconds' });
      return z.NEVER;
    }
    return ms;
  })
  .optional();

const filterFields = {
  apiKey: z.string().min(1).optional(),
  method: z.string().min(1).optional(),
  errorCode: z.coerce.number().int().min(0).optional(),
  email: z.string().min(1).optional(),
  from: instant,
  to: instant,
};
const listQuery = z.object({ ...filterFields, ...page }).strict();
const countQuery = z.object(filterFields).strict();
const clearQuery = z.object({ apiKey: z.string().min(1).optional() }).strict();

/** /__admin/journal: every Gigya call, newest first, queried, counted, cleared. */
export function journalRoutes({ store }: FakeGigyaDeps): Hono {
  const journal = new Hono();

  const filterOf = (query: z.infer<typeof countQuery>): JournalFilter => {
    if (query.apiKey !== undefined) existingSite(store, query.apiKey);
    return { site: query.apiKey, method: query.method, errorCode: query.errorCode, email: query.email, fromMs: query.from, toMs: query.to };
  };

  journal.get('/', async (c) => {
    await store.settled();
    const { limit, offset, ...query } = parseQuery(c, listQuery);
    const filter = filterOf(query);
    return c.json({
      total: store.journal.count(filter),
      limit,
      offset,
      entries: store.journal.query(filter, { limit, offset }).map(journalView),
    });
  });

  journal.get('/count', async (c) => {
    await store.settled();
    return c.json({ count: store.journal.count(filterOf(parseQuery(c, countQuery))) });
  });

  journal.delete('/', async (c) => {
    const { apiKey } = parseQuery(c, clearQuery);
    if (apiKey !== undefined) existingSite(store, apiKey);
    await store.settled();
    const deleted = await store.write(() => store.journal.clear(apiKey));
    return c.json({ deleted });
  });

  return journal;
}
