import type { Account } from '../store/accounts.js';
import type { EmailAccount } from '../store/emailAccounts.js';

// How an account reads back over the API (getAccountInfo, login, register, search).
// Gigya writes "never" times as 0001-01-01T00:00:00Z / 0 (gigya-api.md §5 getAccountInfo).
const never = { iso: '0001-01-01T00:00:00Z', ms: 0 };

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * Sets `<name>` (ISO) and `<name>Timestamp` (ms) on `target`. Assigned in place, not spread
 * from a computed-key object: every account read builds five of these, and the spread copies
 * made them a twentieth of a getAccountInfo's CPU.
 */
function setTime(target: Record<string, unknown>, name: string, ms: number | null): void {
  target[name] = ms === null ? never.iso : iso(ms);
  target[`${name}Timestamp`] = ms === null ? never.ms : ms;
}

/** The fields every reader sees, whatever `include` asks: identity, state and times. */
export function accountBase(account: Account): Record<string, unknown> {
  const base: Record<string, unknown> = {
    UID: account.uid,
    isActive: account.isActive,
    isRegistered: account.isRegistered,
    isVerified: account.isVerified,
    hasLiteAccount: account.kind === 'lite',
    hasFullAccount: account.kind === 'full',
  };
  setTime(base, 'created', account.createdMs);
  setTime(base, 'lastUpdated', account.lastUpdatedMs);
  setTime(base, 'lastLogin', account.lastLoginMs);
  base.socialProviders = 'site';
  if (account.kind === 'full') {
    setTime(base, 'registered', account.registeredMs);
    setTime(base, 'verified', account.verifiedMs);
    base.loginProvider = 'site';
  }
  if (account.regSource !== null) base.regSource = account.regSource;
  return base;
}

/** Every readable part of an account, keyed by the name `include` uses for it. */
export function accountParts(account: Account): Record<string, unknown> {
  const emails = account.email === null ? [] : [account.email];
  return {
    profile: account.profile,
    data: account.data,
    subscriptions: account.subscriptions,
    preferences: account.preferences,
    emails: account.isVerified ? { verified: emails, unverified: [] } : { verified: [], unverified: emails },
    loginIDs:
      account.kind === 'full'
        ? { emails: account.loginIds, unverifiedEmails: [] }
        : { emails: [], unverifiedEmails: [] },
    regSource: account.regSource ?? '',
  };
}

/** The emailAccounts object as search returns it (gigya-api.md §6.2). */
export function emailAccountView(record: EmailAccount): Record<string, unknown> {
  const view: Record<string, unknown> = {
    email: record.email,
    token: record.token,
    channel: 'email',
    hasLiteAccount: record.hasLiteAccount,
    hasFullAccount: record.hasFullAccount,
    profile: record.profile,
    data: record.data,
    subscriptions: record.subscriptions,
  };
  setTime(view, 'created', record.createdMs);
  setTime(view, 'lastUpdated', record.lastUpdatedMs);
  return view;
}
