import { Hono, type Context } from 'hono';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import type { FakeGigyaDeps } from '../deps.js';
import type { Site } from '../store/sites.js';
import { AccountPage } from './accountPage.js';
import { AccountsPage } from './accountsPage.js';
import { changeKind } from './changeKind.js';
import { EmailAccountsPage } from './emailAccountsPage.js';
import { faultInputFromForm } from './faultForm.js';
import { FaultsPage } from './faultsPage.js';
import { inspectorAuth } from './inspectorAuth.js';
import { JournalPage } from './journalPage.js';
import { Layout, sitePath, uiBase } from './layout.js';
import { outboxRoutes } from './outboxPage.js';
import { inspectorSecurityHeaders } from './securityHeaders.js';
import { SitesPage } from './sitesPage.js';
import { webhookPageRoutes } from './webhookPages.js';

/** Rows per page: small enough that a page renders at once whatever the site's size. */
export const pageSize = 50;

/** Query fields from links and GET forms: a blank field means "no filter". */
const blank = (value: unknown) => (value === '' ? undefined : value);
const text = z.preprocess(blank, z.string().trim().min(1).max(320).optional());
const offset = z.preprocess(blank, z.coerce.number().int().min(0).max(10_000_000).default(0));
const accountsQuery = z.object({ email: text, kind: z.preprocess(blank, z.enum(['full', 'lite']).optional()), offset });
const journalQuery = z.object({ method: text, email: text, errorCode: z.preprocess(blank, z.coerce.number().int().min(0).optional()), offset });

class PageError extends Error {
  constructor(
    readonly status: 400 | 404,
    message: string,
  ) {
    super(message);
  }
}

function parse<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  const result = schema.safeParse(c.req.query());
  if (!result.success) throw new PageError(400, `Invalid filter: ${result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  return result.data;
}

/**
 * The inspector at /__admin/ui: server-rendered pages over the store's paginated queries,
 * no client JavaScript. Reads are side-effect free; the only writes are the faults forms.
 * Secrets never appear: keys show userKeys, accounts say whether a password is set, journal
 * params are stored redacted.
 */
export function inspectorRoutes(deps: FakeGigyaDeps): Hono {
  const { store, faults, adminToken } = deps;
  const ui = new Hono();
  // First, so that redirects, the token page and error pages carry them too.
  ui.use('*', inspectorSecurityHeaders());
  // Mounted at /__admin/ui: the same page with a trailing slash is the same page.
  ui.use('*', async (c, next) => {
    if (c.req.path !== `${uiBase}/`) return next();
    const url = new URL(c.req.url);
    return c.redirect(`${uiBase}${url.search}`, 301);
  });
  ui.use('*', inspectorAuth(adminToken));
  // Form posts only from the inspector's own pages (Origin / Sec-Fetch-Site checked).
  ui.use('*', csrf());

  const siteOf = (c: Context): Site => {
    const apiKey = c.req.param('apiKey') ?? '';
    const site = store.sites.get(apiKey);
    if (site === null) throw new PageError(404, `No site ${apiKey}`);
    return site;
  };

  ui.get('/', (c) =>
    c.html(
      <SitesPage
        sites={store.sites.list().map((site) => ({ site, keys: store.sites.appKeysOf(site.apiKey), accounts: store.accounts.count(site.apiKey) }))}
      />,
    ),
  );

  ui.get('/sites/:apiKey', (c) => c.redirect(sitePath(siteOf(c).apiKey, 'accounts'), 302));

  ui.get('/sites/:apiKey/accounts', (c) => {
    const site = siteOf(c);
    const query = { ...parse(c, accountsQuery), limit: pageSize };
    const { accounts, total } = store.accounts.list(site.apiKey, query);
    // One history query for the page's accounts, whatever the site's size.
    const writes = store.history.ofAccounts(site.apiKey, accounts.map((account) => account.uid));
    const overwritten = new Set(writes.filter((write) => write.changes.some((change) => changeKind(change) === 'overwritten')).map((write) => write.uid));
    return c.html(<AccountsPage site={site} query={query} accounts={accounts} total={total} overwritten={overwritten} />);
  });

  ui.get('/sites/:apiKey/accounts/:uid', (c) => {
    const site = siteOf(c);
    const uid = c.req.param('uid');
    const account = store.accounts.get(site.apiKey, uid);
    const history = store.history.of(site.apiKey, uid);
    if (account === null && history.length === 0) throw new PageError(404, `No account ${uid} in site ${site.apiKey}`);
    return c.html(<AccountPage site={site} uid={uid} account={account} history={history} events={store.accountEvents.ofAccount(site.apiKey, uid, 100)} />);
  });

  ui.get('/sites/:apiKey/email-accounts', (c) => {
    const site = siteOf(c);
    const { apiKey } = site;
    const { email } = parse(c, z.object({ email: text }));
    const view = email === undefined ? null : { email: email.toLowerCase(), record: store.emailAccounts.get(apiKey, email), accounts: store.accounts.byEmail(apiKey, email) };
    return c.html(<EmailAccountsPage site={site} view={view} />);
  });

  ui.get('/sites/:apiKey/journal', async (c) => {
    const site = siteOf(c);
    const { apiKey } = site;
    const query = { ...parse(c, journalQuery), limit: pageSize };
    // A call whose answer the caller already has is on this page (see journalSettled).
    await store.settled();
    const filter = { site: apiKey, method: query.method, email: query.email, errorCode: query.errorCode };
    return c.html(<JournalPage site={site} query={query} entries={store.journal.query(filter, query)} total={store.journal.count(filter)} />);
  });

  ui.get('/sites/:apiKey/faults', (c) => {
    const site = siteOf(c);
    return c.html(<FaultsPage site={site} faults={faults.list(site.apiKey)} />);
  });

  ui.post('/sites/:apiKey/faults', async (c) => {
    const site = siteOf(c);
    const { apiKey } = site;
    const form = Object.fromEntries(Object.entries(await c.req.parseBody()).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
    try {
      faults.add(faultInputFromForm(apiKey, form));
    } catch (error) {
      if (!(error instanceof z.ZodError)) throw error;
      const problem = `Not added: ${error.issues.map((issue) => `${issue.path.join('.') || 'fault'}: ${issue.message}`).join('; ')}`;
      return c.html(<FaultsPage site={site} faults={faults.list(apiKey)} problem={problem} />, 400);
    }
    return c.redirect(sitePath(apiKey, 'faults'), 303);
  });

  ui.post('/sites/:apiKey/faults/clear', (c) => {
    const { apiKey } = siteOf(c);
    faults.clear(apiKey);
    return c.redirect(sitePath(apiKey, 'faults'), 303);
  });

  ui.post('/sites/:apiKey/faults/:id/delete', (c) => {
    const { apiKey } = siteOf(c);
    const id = c.req.param('id');
    // Only this site's faults: a form of one site never removes another's.
    if (!faults.list(apiKey).some((fault) => fault.id === id)) throw new PageError(404, `No fault ${id} in site ${apiKey}`);
    faults.remove(id);
    return c.redirect(sitePath(apiKey, 'faults'), 303);
  });

  ui.route('/sites/:apiKey/outbox', outboxRoutes(deps, siteOf));

  ui.route('/sites/:apiKey/webhooks', webhookPageRoutes(deps, siteOf));

  // Every address under the inspector is a page: a mistyped one gets a page saying so, not a Gigya envelope.
  ui.all('*', (c) => {
    throw new PageError(404, `No inspector page at ${c.req.path}`);
  });

  ui.onError((error, c) => {
    if (error instanceof HTTPException) return error.getResponse();
    if (error instanceof PageError) return c.html(<ProblemPage title={error.status === 404 ? 'Not found' : 'Invalid request'} message={error.message} />, error.status);
    console.error(`fake-gigya: inspector ${c.req.method} ${c.req.path} failed: ${error instanceof Error ? error.message : 'unknown error'}`);
    return c.html(<ProblemPage title="Inspector error" message="The page failed unexpectedly; see the server log." />, 500);
  });
  return ui;
}

const ProblemPage = ({ title, message }: { title: string; message: string }) => (
  <Layout title={title}>
    <h1>{title}</h1>
    <p class="problem">{message}</p>
  </Layout>
);
