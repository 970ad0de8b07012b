import type { MethodContext } from '../protocol/method.js';
import type { Account, AccountKind, JsonObject } from '../store/accounts.js';
import type { FieldChange } from '../store/history.js';
import { sharedSubscriptionUpdates } from '../schema/sharedSubscriptions.js';
import { recordAccountEvents } from '../webhooks/eventsOfWrite.js';
import { diffFields, mergePatch } from './merge.js';

/** The object parts a write may change, already parsed and validated. */
export interface AccountPatch {
  profile?: JsonObject;
  data?: JsonObject;
  subscriptions?: JsonObject;
  preferences?: JsonObject;
}

const parts = ['profile', 'data', 'subscriptions', 'preferences'] as const;
const flags = ['kind', 'isActive', 'isVerified', 'isRegistered', 'regSource', 'lastLoginMs'] as const;

export function newAccount(site: string, uid: string, kind: AccountKind, nowMs: number): Account {
  return {
    site,
    uid,
    kind,
    email: null,
    loginIds: [],
    passwordHash: null,
    profile: {},
    data: {},
    subscriptions: {},
    preferences: {},
    isRegistered: false,
    isActive: true,
    isVerified: false,
    regSource: null,
    createdMs: nowMs,
    lastUpdatedMs: nowMs,
    registeredMs: null,
    verifiedMs: null,
    lastLoginMs: null,
  };
}

/** Applies a partial update the way Gigya merges it; the email column follows profile.email. */
export function applyPatch(account: Account, patch: AccountPatch, nowMs: number): Account {
  const next: Account = { ...account, lastUpdatedMs: nowMs };
  for (const part of parts) {
    const value = patch[part];
    if (value !== undefined) next[part] = mergePatch(account[part], value);
  }
  const email = next.profile.email;
  next.email = typeof email === 'string' ? email.toLowerCase() : null;
  return next;
}

/**
 * The flags a write may set beside its patch (isActive, isVerified, regSource): verifiedMs
 * follows isVerified, and regSource is immutable once set (gigya-api.md §5).
 */
export function applyFlags(base: Account, patched: Account, values: Partial<Account>, nowMs: number): Account {
  const after: Account = { ...patched, ...values };
  if (values.isVerified && !base.isVerified) after.verifiedMs = nowMs;
  if (base.regSource !== null) after.regSource = base.regSource;
  return after;
}

function changesBetween(before: Account | null, after: Account | null): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const part of parts) changes.push(...diffFields(part, before?.[part] ?? {}, after?.[part] ?? {}));
  for (const flag of flags) {
    const old = before?.[flag] ?? null;
    const now = after?.[flag] ?? null;
    if (old !== now) changes.push({ field: flag === 'lastLoginMs' ? 'lastLogin' : flag, before: old, after: now });
  }
  return changes;
}

/**
 * Saves an account, its history entry, its emailAccounts record and its webhook events in the
 * caller's transaction: neither the history nor a webhook can disagree with the account. The
 * subscriptions it changes are saved to the other accounts of its email too (shared live).
 */
export function saveAccount(context: MethodContext, before: Account | null, after: Account): void {
  saveOne(context, before, after);
  for (const shared of sharedSubscriptionUpdates(context, before, after)) saveOne(context, shared.before, shared.after);
}

function saveOne(context: MethodContext, before: Account | null, after: Account): void {
  const { store } = context;
  store.accounts.save(after);
  recordHistory(context, after.uid, changesBetween(before, after));
  syncEmailAccount(context, after.email, after);
  if (before?.email && before.email !== after.email) syncEmailAccount(context, before.email, null);
  recordAccountEvents(context, before, after);
}

export function deleteAccount(context: MethodContext, account: Account): void {
  context.store.accounts.remove(account.site, account.uid);
  recordHistory(context, account.uid, changesBetween(account, null));
  if (account.email) syncEmailAccount(context, account.email, null);
  recordAccountEvents(context, account, null);
}

function recordHistory(context: MethodContext, uid: string, changes: FieldChange[]): void {
  context.store.history.record({
    site: context.site.apiKey,
    uid,
    atMs: context.clock.now(),
    method: context.method,
    userKey: context.caller.userKey,
    changes,
  });
}

/**
 * Keeps the emailAccounts record of one email in step with its accounts (gigya-api.md §6.2):
 * created with the first account of that email, given the latest data of the account just
 * written, its has*Account flags recomputed, and removed when no account has the email.
 */
function syncEmailAccount(context: MethodContext, email: string | null, written: Account | null): void {
  if (email === null) return;
  const { store, site, clock, ids } = context;
  const kinds = store.accounts.kindsByEmail(site.apiKey, email);
  const existing = store.emailAccounts.get(site.apiKey, email);
  if (kinds.length === 0) {
    if (existing) store.emailAccounts.remove(site.apiKey, email);
    return;
  }
  const now = clock.now();
  const record = existing ?? {
    site: site.apiKey,
    email,
    token: ids.emailAccountToken(),
    hasLiteAccount: false,
    hasFullAccount: false,
    profile: {},
    data: {},
    subscriptions: {},
    createdMs: now,
    lastUpdatedMs: now,
  };
  store.emailAccounts.save({
    ...record,
    hasLiteAccount: kinds.includes('lite'),
    hasFullAccount: kinds.includes('full'),
    profile: written ? mergePatch(record.profile, written.profile) : record.profile,
    data: written ? mergePatch(record.data, written.data) : record.data,
    subscriptions: written ? mergePatch(record.subscriptions, written.subscriptions) : record.subscriptions,
    lastUpdatedMs: now,
  });
}
