import type { FC } from 'hono/jsx';
import type { Account } from '../store/accounts.js';
import type { EmailAccount } from '../store/emailAccounts.js';
import { KindBadge, personName, Time } from './display.js';
import { accountPath, Layout, siteName, sitePath, type SiteRef } from './layout.js';

export interface EmailAccountsView {
  email: string;
  /** Gigya's emailAccounts record of the email, if any (its token is a credential: not shown). */
  record: EmailAccount | null;
  accounts: Account[];
}

/** One email's accounts side by side: the full one a person registered and the lite ones Qualifio made. */
export const EmailAccountsPage: FC<{ site: SiteRef; view: EmailAccountsView | null }> = ({ site, view }) => (
  <Layout title={view === null ? 'emailAccounts' : `emailAccounts of ${view.email}`} site={site}>
    <h1>
      emailAccounts {view !== null && <code>{view.email}</code>} <span class="site-of">in</span> {siteName(site)}
    </h1>
    <p class="muted">
      Gigya keeps one emailAccounts record per email address: it ties together the full account a person registered and the
      lite accounts made from forms with that email.
    </p>
    <form class="filters" method="get" action={sitePath(site.apiKey, 'email-accounts')} role="search" aria-label="Find an email">
      <label>
        Email
        <input type="email" name="email" required value={view?.email ?? ''} />
      </label>
      <button type="submit">Show its accounts</button>
    </form>
    {view !== null && <EmailAccountsOf apiKey={site.apiKey} view={view} />}
  </Layout>
);

const EmailAccountsOf: FC<{ apiKey: string; view: EmailAccountsView }> = ({ apiKey, view }) => {
  const full = view.accounts.filter((account) => account.kind === 'full');
  const lite = view.accounts.filter((account) => account.kind === 'lite');
  return (
    <>
      <section aria-labelledby="record-title">
        <h2 id="record-title">emailAccounts record</h2>
        {view.record === null ? (
          <p class="muted">No emailAccounts record for this email.</p>
        ) : (
          <dl class="profile">
            <dt>hasFullAccount</dt>
            <dd>{String(view.record.hasFullAccount)}</dd>
            <dt>hasLiteAccount</dt>
            <dd>{String(view.record.hasLiteAccount)}</dd>
            <dt>Created</dt>
            <dd>
              <Time ms={view.record.createdMs} />
            </dd>
            <dt>Updated</dt>
            <dd>
              <Time ms={view.record.lastUpdatedMs} />
            </dd>
          </dl>
        )}
      </section>
      <AccountGroup apiKey={apiKey} title={`Full accounts (${full.length})`} id="full" accounts={full} />
      <AccountGroup apiKey={apiKey} title={`Lite accounts (${lite.length})`} id="lite" accounts={lite} />
    </>
  );
};

const AccountGroup: FC<{ apiKey: string; title: string; id: string; accounts: Account[] }> = ({ apiKey, title, id, accounts }) => (
  <section aria-labelledby={`${id}-title`}>
    <h2 id={`${id}-title`}>{title}</h2>
    {accounts.length === 0 ? (
      <p class="muted">none</p>
    ) : (
      <table>
        <thead>
          <tr>
            <th scope="col">UID</th>
            <th scope="col">Kind</th>
            <th scope="col">Name</th>
            <th scope="col">Created</th>
            <th scope="col">Updated</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((account) => (
            <tr>
              <th scope="row">
                <a href={accountPath(apiKey, account.uid)}>
                  <code>{account.uid}</code>
                </a>
              </th>
              <td>
                <KindBadge kind={account.kind} />
              </td>
              <td>{personName(account.profile)}</td>
              <td>
                <Time ms={account.createdMs} />
              </td>
              <td>
                <Time ms={account.lastUpdatedMs} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    )}
  </section>
);
