import type { FC } from 'hono/jsx';
import type { Account, AccountKind } from '../store/accounts.js';
import { KindBadge, Pager, personName, Time } from './display.js';
import { accountPath, Layout, sitePath } from './layout.js';

export interface AccountsQuery {
  email?: string;
  kind?: AccountKind;
  offset: number;
  limit: number;
}

/** One page of a site's accounts, newest first, filtered by email and kind. */
export const AccountsPage: FC<{ apiKey: string; query: AccountsQuery; accounts: Account[]; total: number }> = ({ apiKey, query, accounts, total }) => {
  const href = (offset: number) => sitePath(apiKey, 'accounts', { email: query.email, kind: query.kind, offset });
  return (
    <Layout title={`Accounts of ${apiKey}`} apiKey={apiKey}>
      <h1>
        Accounts of <code>{apiKey}</code>
      </h1>
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
            <tr>
              <td>
                <KindBadge kind={account.kind} />
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
