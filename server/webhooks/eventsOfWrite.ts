import { randomUUID } from 'node:crypto';
import type { MethodContext } from '../protocol/method.js';
import type { AccountEventType } from '../store/accountEvents.js';
import type { Account } from '../store/accounts.js';

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The events one account write fires, in the order a receiver gets them (docs/behaviour.md,
 * "Webhooks and JWTs"): created or progressed first, then registered, updated, subscriptions,
 * consent, logged in. A login that only stamps lastLogin is accountLoggedIn alone, not an update.
 */
export function eventsOfWrite(before: Account | null, after: Account | null): AccountEventType[] {
  if (after === null) return before === null ? [] : ['accountDeleted'];
  const events: AccountEventType[] = [];
  if (before === null) events.push('accountCreated');
  else if (before.kind === 'lite' && after.kind === 'full') events.push('accountProgressed');
  if (after.isRegistered && !(before?.isRegistered ?? false)) events.push('accountRegistered');
  if (before !== null && profileChanged(before, after)) events.push('accountUpdated');
  if (!sameJson(before?.subscriptions ?? {}, after.subscriptions)) events.push('subscriptionUpdated');
  if (!sameJson(before?.preferences ?? {}, after.preferences)) events.push('consentUpdated');
  if (before !== null && after.lastLoginMs !== before.lastLoginMs) events.push('accountLoggedIn');
  return events;
}

function profileChanged(before: Account, after: Account): boolean {
  return (
    !sameJson(before.profile, after.profile) ||
    !sameJson(before.data, after.data) ||
    !sameJson(before.preferences, after.preferences) ||
    before.isActive !== after.isActive ||
    before.isVerified !== after.isVerified ||
    before.regSource !== after.regSource
  );
}

/** Puts a write's events in the outbox, in the caller's transaction (saveAccount, deleteAccount). */
export function recordAccountEvents(context: MethodContext, before: Account | null, after: Account | null): void {
  const account = after ?? before;
  if (account === null) return;
  const atMs = context.clock.now();
  for (const type of eventsOfWrite(before, after)) {
    context.store.accountEvents.record({
      site: context.site.apiKey,
      id: randomUUID(),
      type,
      uid: account.uid,
      accountType: account.kind,
      callId: context.callId ?? null,
      atMs,
    });
  }
}
