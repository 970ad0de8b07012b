import type { FC } from 'hono/jsx';
import type { AccountEvent } from '../store/accountEvents.js';
import type { Account, JsonObject } from '../store/accounts.js';
import { AccountEvents } from './accountEvents.js';
import type { HistoryEntry } from '../store/history.js';
import { KindBadge, personName, Time, Value } from './display.js';
import { HistoryTimeline } from './historyTimeline.js';
import { Layout, siteName, sitePath, type SiteRef } from './layout.js';
import { PreferencesTable } from './preferencesTable.js';
import { SubscriptionsTable } from './subscriptionsTable.js';

/** One account (or what is left of a deleted one: its history) with every write it went through. */
export const AccountPage: FC<{ site: SiteRef; uid: string; account: Account | null; history: HistoryEntry[]; events?: AccountEvent[] }> = ({
  site,
  uid,
  account,
  history,
  events = [],
}) => {
  const name = account === null ? 'Deleted account' : personName(account.profile) || account.email || 'Account';
  return (
  <Layout title={name} site={site}>
    <h1>
      {name} {account !== null && <KindBadge kind={account.kind} />} <span class="site-of">in</span> {siteName(site)}
    </h1>
    <p class="site-key muted">
      UID <code>{uid}</code>
    </p>
    {account === null ? <p class="notice">This account no longer exists; its history stays.</p> : <AccountSummary apiKey={site.apiKey} account={account} />}
    <HistoryTimeline history={history} />
    <AccountEvents apiKey={site.apiKey} events={events} />
  </Layout>
  );
};

const AccountSummary: FC<{ apiKey: string; account: Account }> = ({ apiKey, account }) => (
  <>
    <section aria-labelledby="status-title">
      <h2 id="status-title">Status</h2>
      <dl class="profile">
        <dt>Email</dt>
        <dd>
          {account.email === null ? '—' : <a href={sitePath(apiKey, 'email-accounts', { email: account.email })}>{account.email}</a>}
        </dd>
        <dt>loginIDs</dt>
        <dd>{account.loginIds.join(', ') || '—'}</dd>
        <dt>Password</dt>
        <dd>{account.passwordHash === null ? 'none' : 'set (never shown)'}</dd>
        <dt>isRegistered</dt>
        <dd>{String(account.isRegistered)}</dd>
        <dt>isVerified</dt>
        <dd>{String(account.isVerified)}</dd>
        <dt>isActive</dt>
        <dd>{String(account.isActive)}</dd>
        <dt>regSource</dt>
        <dd>{account.regSource ?? '—'}</dd>
        <dt>Created</dt>
        <dd>
          <Time ms={account.createdMs} />
        </dd>
        <dt>Updated</dt>
        <dd>
          <Time ms={account.lastUpdatedMs} />
        </dd>
        <dt>Last login</dt>
        <dd>
          <Time ms={account.lastLoginMs} />
        </dd>
      </dl>
    </section>
    <Fields title="Profile" id="profile" values={account.profile} />
    <SubscriptionsTable subscriptions={account.subscriptions} />
    <PreferencesTable preferences={account.preferences} />
    <Fields title="Data" id="data" values={account.data} />
  </>
);

const Fields: FC<{ title: string; id: string; values: JsonObject }> = ({ title, id, values }) => (
  <section aria-labelledby={`${id}-title`}>
    <h2 id={`${id}-title`}>{title}</h2>
    {Object.keys(values).length === 0 ? (
      <p class="muted">empty</p>
    ) : (
      <dl class="profile" id={id}>
        {Object.entries(values).map(([field, value]) => (
          <>
            <dt>{field}</dt>
            <dd data-field={`${id}.${field}`}>
              <Value value={value} />
            </dd>
          </>
        ))}
      </dl>
    )}
  </section>
);
