import { Hono, type Context } from 'hono';
import type { FC } from 'hono/jsx';
import { z } from 'zod';
import type { FakeGigyaDeps } from '../deps.js';
import { confirmDoubleOptIn } from '../schema/doubleOptIn.js';
import { schemaOf } from '../schema/siteSchema.js';
import type { AccountSchema } from '../store/accountSchema.js';
import type { DoubleOptInEmail } from '../store/doubleOptInEmails.js';
import type { Site } from '../store/sites.js';
import { Pager, Time } from './display.js';
import { accountPath, Layout, SiteHeading, sitePath } from './layout.js';

const pageSize = 50;

interface OutboxPageProps {
  site: Site;
  schema: AccountSchema;
  emails: DoubleOptInEmail[];
  total: number;
  offset: number;
}

/**
 * A site's double opt-in emails, captured instead of sent, each with a button that follows its
 * confirm link; above them, the subscriptions that ask for double opt-in and the consent
 * statements, so the page says why an email was (or was not) sent.
 */
export const OutboxPage: FC<OutboxPageProps> = ({ site, schema, emails, total, offset }) => {
  const subscriptions = Object.entries(schema.subscriptionsSchema.fields);
  const statements = Object.entries(schema.preferencesSchema.fields);
  return (
    <Layout title="Double opt-in outbox" site={site}>
      <SiteHeading site={site}>Double opt-in outbox</SiteHeading>
      <p class="muted">Confirmation emails the fake would have sent. Nothing leaves the fake: confirm one here, or POST its confirm link (docs/admin-api.md).</p>
      {emails.length === 0 ? (
        <p class="muted" id="outbox-empty">
          No confirmation email yet.
        </p>
      ) : (
        <table class="outbox" id="outbox">
          <thead>
            <tr>
              <th scope="col">To</th>
              <th scope="col">Subscription</th>
              <th scope="col">Account</th>
              <th scope="col">Sent</th>
              <th scope="col">Confirmed</th>
            </tr>
          </thead>
          <tbody>
            {emails.map((email) => (
              <tr data-outbox={email.id}>
                <th scope="row">{email.email}</th>
                <td>
                  <code>{email.subscription}</code>
                </td>
                <td>
                  <a href={accountPath(site.apiKey, email.uid)}>
                    <code>{email.uid}</code>
                  </a>
                </td>
                <td>
                  <Time ms={email.sentMs} />
                </td>
                <td>
                  {email.confirmedMs === null ? (
                    <form method="post" action={sitePath(site.apiKey, `outbox/${email.id}/confirm`)}>
                      <button type="submit" aria-label={`Confirm ${email.subscription} for ${email.email}`}>
                        Confirm
                      </button>
                    </form>
                  ) : (
                    <Time ms={email.confirmedMs} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager offset={offset} limit={pageSize} total={total} href={(at) => sitePath(site.apiKey, 'outbox', { offset: at })} label="Outbox pages" />
      <h2>Subscriptions of the schema</h2>
      <table class="subscriptions-schema" id="subscriptions-schema">
        <thead>
          <tr>
            <th scope="col">Subscription</th>
            <th scope="col">Double opt-in</th>
            <th scope="col">Write access</th>
          </tr>
        </thead>
        <tbody>
          {subscriptions.map(([id, { email }]) => (
            <tr data-subscription={id}>
              <th scope="row">
                <code>{id}</code>
              </th>
              <td>{email.doubleOptIn ? (email.enableConditionalDoubleOptIn ? 'required (conditional)' : 'required') : 'no'}</td>
              <td>{email.writeAccess}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Consent statements</h2>
      {statements.length === 0 ? (
        <p class="muted">none</p>
      ) : (
        <table class="consent-statements" id="consent-statements">
          <thead>
            <tr>
              <th scope="col">Statement</th>
              <th scope="col">Mandatory</th>
              <th scope="col">Current document</th>
              <th scope="col">Active</th>
            </tr>
          </thead>
          <tbody>
            {statements.map(([id, statement]) => (
              <tr data-consent={id}>
                <th scope="row">
                  <code>{id}</code>
                </th>
                <td>{statement.required ? 'yes' : 'no'}</td>
                <td>{statement.currentDocVersion !== undefined ? `version ${statement.currentDocVersion}` : `dated ${statement.currentDocDate}`}</td>
                <td>{statement.isActive ? 'yes' : 'no'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
};

const offsetQuery = z.object({ offset: z.preprocess((value) => (value === '' ? undefined : value), z.coerce.number().int().min(0).max(10_000_000).default(0)) });

/**
 * The outbox pages, mounted by the inspector under /sites/:apiKey/outbox, behind its guards
 * (token, form-post origin check). Reads change nothing; the confirm button is a POST.
 */
export function outboxRoutes(deps: FakeGigyaDeps, siteOf: (c: Context) => Site): Hono {
  const { store } = deps;
  const routes = new Hono();
  routes.get('/', (c) => {
    const site = siteOf(c);
    const parsed = offsetQuery.safeParse(c.req.query());
    const offset = parsed.success ? parsed.data.offset : 0;
    return c.html(
      <OutboxPage site={site} schema={schemaOf(store, site.apiKey)} emails={store.doubleOptInEmails.list(site.apiKey, pageSize, offset)} total={store.doubleOptInEmails.count(site.apiKey)} offset={offset} />,
    );
  });
  routes.post('/:id/confirm', async (c) => {
    const site = siteOf(c);
    const id = Number(c.req.param('id'));
    const sent = Number.isSafeInteger(id) ? store.doubleOptInEmails.get(site.apiKey, id) : null;
    if (sent === null) return c.notFound();
    await store.write(() => confirmDoubleOptIn(deps, site, sent));
    return c.redirect(sitePath(site.apiKey, 'outbox'), 303);
  });
  return routes;
}
