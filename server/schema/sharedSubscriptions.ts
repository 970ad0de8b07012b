import type { MethodContext } from '../protocol/method.js';
import type { Account, JsonObject } from '../store/accounts.js';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The other accounts of the same email whose subscriptions follow this write: SAP shares
 * subscription data "in real time between account types" (lite and full), and nothing else.
 * Each changed subscription is copied whole; an account already holding it is left alone.
 */
export function sharedSubscriptionUpdates(context: MethodContext, before: Account | null, after: Account): Array<{ before: Account; after: Account }> {
  if (after.email === null) return [];
  const previous: JsonObject = before?.subscriptions ?? {};
  const changed = [...new Set([...Object.keys(previous), ...Object.keys(after.subscriptions)])].filter((id) => !same(previous[id], after.subscriptions[id]));
  if (changed.length === 0) return [];
  const now = context.clock.now();
  const updates: Array<{ before: Account; after: Account }> = [];
  for (const other of context.store.accounts.byEmail(context.site.apiKey, after.email)) {
    if (other.uid === after.uid) continue;
    const subscriptions: JsonObject = { ...other.subscriptions };
    for (const id of changed) {
      if (after.subscriptions[id] === undefined) delete subscriptions[id];
      else subscriptions[id] = after.subscriptions[id];
    }
    if (!same(subscriptions, other.subscriptions)) updates.push({ before: other, after: { ...other, subscriptions, lastUpdatedMs: now } });
  }
  return updates;
}
