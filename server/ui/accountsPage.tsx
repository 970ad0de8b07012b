import type { FC } from 'hono/jsx';
import type { Account, AccountKind } from '../store/accounts.js';
import { KindBadge, Pager, personName, Time } from './display.js';
import { accountPath, Layout, SiteHeading, sitePath, type SiteRef } from './layout.js';

export interface AccountsQuery {
  email?: string;
  kind?: AccountKind;
  offset: number;
  limit: number;
}

export interface AccountsPageProps {
  site: SiteRef;
  query: AccountsQuery;
  accounts: Account[];
  total: number;
  /** The uids among `accounts` whose history holds an overwrite (see changeKind). */
  overwritten: ReadonlySet<string>;
}

/** One page of a site's accounts, newest first, filtered by email and kind; overwritten accounts stand out. */
export const AccountsPage: FC<AccountsPageProps> = ({ site, query, accounts, total, overwritten }) => {
  const { apiKey } = site;
  const href = (offset: number) => sitePath(apiKey, 'accounts', { email: query.email, kind: query.kind, offset });
  return (
    <Layout title="Accounts" site={site}>
      <SiteHeading site={site}>Accounts</SiteHeading>
      <form class="filters" method="get" action={sitePath(apiKey, 'accounts')} role="search" aria-label="Filter accounts">
        <label>
          Email
          <input type="email" name="email" value={query.email ?? ''} />
        </label>
        <label>
          Kind
          <select name="kind">
            <option value="" selected={query.kind === undefined}>
              lite and full
            </option>
            <option value="full" selected={query.kind === 'full'}>
              full
            </option>
            <option value="lite" selected={query.kind === 'lite'}>
              lite
            </option>
          </select>
        </label>
        <button type="submit">Filter</button>
        {query.email !== undefined && <a href={sitePath(apiKey, 'email-accounts', { email: query.email })}>emailAccounts view of this email</a>}
      </form>
      <Pager offset={query.offset} limit={query.limit} total={total} href={href} label="Accounts" />
      {overwritten.size > 0 && (
        <p class="notice">
          <span class="badge overwritten">overwritten</span> marks an account where a later write replaced a value it had: open it to see
          which fields, by whom and when.
        </p>
      )}
      <table class="accounts">
        <thead>
          <tr>
            <th scope="col">Kind</th>
            <th scope="col">Email</th>
            <th scope="col">Name</th>
            <th scope="col">UID</th>
            <th scope="col">Created</th>
            <th scope="col">Updated</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((account) => (
            <tr class={overwritten.has(account.uid) ? 'has-overwrite' : undefined}>
              <td>
                <KindBadge kind={account.kind} />
                {overwritten.has(account.uid) && (
                  <>
                    {' '}
                    <span class="badge overwritten">overwritten</span>
                  </>
                )}
              </td>
              <td>
                {account.email === null ? (
                  <span class="muted">none</span>
                ) : (
                  <a href={sitePath(apiKey, 'email-accounts', { email: account.email })}>{account.email}</a>
                )}
              </td>
              <td>{personName(account.profile)}</td>
              <th scope="row">
                <a href={accountPath(apiKey, account.uid)}>
                  <code>{account.uid}</code>
                </a>
              </th>
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
      {accounts.length === 0 && <p class="muted">No account matches.</p>}
      <Pager offset={query.offset} limit={query.limit} total={total} href={href} label="Accounts (bottom)" />
    </Layout>
  );
};
