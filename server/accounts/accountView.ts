import type { Account } from '../store/accounts.js';
import type { EmailAccount } from '../store/emailAccounts.js';

// How an account reads back over the API (getAccountInfo, login, register, search).
// Gigya writes "never" times as 0001-01-01T00:00:00Z / 0 (gigya-api.md §5 getAccountInfo).
const never = { iso: '0001-01-01T00:00:00Z', ms: 0 };

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function timeFields(name: string, ms: number | null): Record<string, unknown> {
  return ms === null ? { [name]: never.iso, [`${name}Timestamp`]: never.ms } : { [name]: iso(ms), [`${name}Timestamp`]: ms };
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
    ...timeFields('created', account.createdMs),
    ...timeFields('lastUpdated', account.lastUpdatedMs),
    ...timeFields('lastLogin', account.lastLoginMs),
    socialProviders: 'site',
  };
  if (account.kind === 'full') {
    Object.assign(base, timeFields('registered', account.registeredMs), timeFields('verified', account.verifiedMs));
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
  return {
    email: record.email,
    token: record.token,
    channel: 'email',
    hasLiteAccount: record.hasLiteAccount,
    hasFullAccount: record.hasFullAccount,
    profile: record.profile,
    data: record.data,
    subscriptions: record.subscriptions,
    ...timeFields('created', record.createdMs),
    ...timeFields('lastUpdated', record.lastUpdatedMs),
  };
}
