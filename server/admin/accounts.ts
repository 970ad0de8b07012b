import { Hono } from 'hono';
import { z } from 'zod';
import type { FakeGigyaDeps } from '../deps.js';
import type { Store } from '../store/index.js';
import { AdminError, existingSite, page, parseQuery } from './validation.js';
import { accountView, historyView } from './views.js';

const listQuery = z
  .object({
    apiKey: z.string().min(1),
    email: z.string().min(1).optional(),
    kind: z.enum(['full', 'lite']).optional(),
    ...page,
  })
  .strict();

const siteQuery = z.object({ apiKey: z.string().min(1).optional() }).strict();

/** /__admin/accounts: list and filter a site's accounts, read one with its change history. */
export function accountRoutes({ store }: FakeGigyaDeps): Hono {
  const accounts = new Hono();

  accounts.get('/', (c) => {
    const { apiKey, email, kind, limit, offset } = parseQuery(c, listQuery);
    existingSite(store, apiKey);
    const found = store.accounts.list(apiKey, { email, kind, limit, offset });
    return c.json({ apiKey, total: found.total, limit, offset, accounts: found.accounts.map(accountView) });
  });

  accounts.get('/:uid', (c) => {
    const uid = c.req.param('uid');
    const site = siteOfUid(store, uid, parseQuery(c, siteQuery).apiKey);
    const account = store.accounts.get(site, uid);
    return c.json({
      apiKey: site,
      // null once deleted: the history stays, and shows the deletion.
      account: account === null ? null : accountView(account),
      history: store.history.of(site, uid).map(historyView),
    });
  });

  // Other code depends on this shape: { uid, history: [{ id, at, method, userKey, changes }] }.
  accounts.get('/:uid/history', (c) => {
    const uid = c.req.param('uid');
    const site = siteOfUid(store, uid, parseQuery(c, siteQuery).apiKey);
    return c.json({ uid, history: store.history.of(site, uid).map(historyView) });
  });

  return accounts;
}

/** The site a UID lives in: the given apiKey, or found from the UID when it is unambiguous. */
function siteOfUid(store: Store, uid: string, apiKey: string | undefined): string {
  const holders = store.sitesHoldingUid(uid);
  if (apiKey !== undefined) {
    existingSite(store, apiKey);
    if (!holders.includes(apiKey)) throw AdminError.notFound(`account ${uid} in site ${apiKey}`);
    return apiKey;
  }
  if (holders.length === 0) throw AdminError.notFound(`account ${uid}`);
  if (holders.length > 1) throw new AdminError(400, `UID ${uid} exists in ${holders.length} sites: add ?apiKey= to choose one`);
  return holders[0]!;
}
