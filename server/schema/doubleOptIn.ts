import { saveAccount } from '../accounts/accountWrites.js';
import type { Clock, Ids, MethodContext } from '../protocol/method.js';
import type { DoubleOptInEmail } from '../store/doubleOptInEmails.js';
import type { Store } from '../store/index.js';
import type { Site } from '../store/sites.js';
import { isObject } from './fieldPaths.js';

export type ConfirmOutcome = 'confirmed' | 'alreadyConfirmed' | 'noLongerPending';

/**
 * Follows a captured confirmation email's link: the subscription it was sent for becomes
 * Confirmed (confirmTime now) on its account, and so on every account of the email (shared
 * subscriptions), recorded in the history as `doubleOptIn.confirm`. A link whose subscription
 * was since unsubscribed, or that was already followed, changes nothing.
 */
export function confirmDoubleOptIn(deps: { store: Store; clock: Clock; ids: Ids }, site: Site, sent: DoubleOptInEmail): ConfirmOutcome {
  const { store, clock } = deps;
  if (sent.confirmedMs !== null) return 'alreadyConfirmed';
  const account = store.accounts.get(site.apiKey, sent.uid);
  const entry = account?.subscriptions[sent.subscription];
  const email = isObject(entry) && isObject(entry.email) ? entry.email : undefined;
  const doubleOptIn = email !== undefined && isObject(email.doubleOptIn) ? email.doubleOptIn : undefined;
  if (account === null || email?.isSubscribed !== true || doubleOptIn?.status !== 'Pending') return 'noLongerPending';
  const now = clock.now();
  const context: MethodContext = { method: 'doubleOptIn.confirm', params: {}, site, caller: { via: 'anonymous', userKey: null }, store, clock, ids: deps.ids };
  const confirmed = { ...(entry as Record<string, unknown>), email: { ...email, doubleOptIn: { ...doubleOptIn, status: 'Confirmed', confirmTime: new Date(now).toISOString() } } };
  saveAccount(context, account, { ...account, subscriptions: { ...account.subscriptions, [sent.subscription]: confirmed }, lastUpdatedMs: now });
  store.doubleOptInEmails.markConfirmed(sent.id, now);
  return 'confirmed';
}

/** A captured email as the admin API and the inspector show it: what it says and where its link goes. */
export function outboxView(sent: DoubleOptInEmail, confirmUrl: string): Record<string, unknown> {
  return {
    id: sent.id,
    to: sent.email,
    UID: sent.uid,
    subscription: sent.subscription,
    subject: `Please confirm your subscription to ${sent.subscription}`,
    sent: new Date(sent.sentMs).toISOString(),
    confirmed: sent.confirmedMs === null ? null : new Date(sent.confirmedMs).toISOString(),
    confirmUrl,
  };
}
