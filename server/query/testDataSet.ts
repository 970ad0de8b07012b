// The fixed data set of the search tests: lite and full accounts and emailAccounts on two
// sites, seeded straight through the Store's repositories. Site B holds look-alikes of site
// A's records, so any leak across sites shows up as an extra result.
import type { MethodContext, Params } from '../protocol/method.js';
import { openStore, type Store } from '../store/index.js';
import type { Account, EmailAccount } from '../store/index.js';
import { defaultPolicies, type Policies } from '../store/policies.js';
import type { Site } from '../store/sites.js';

export const siteA = 'site_A_apiKey';
export const siteB = 'site_B_apiKey';
export const baseMs = 1_700_000_000_000;

export function account(fields: Partial<Account> & Pick<Account, 'site' | 'uid' | 'kind'>): Account {
  const email = typeof fields.profile?.email === 'string' ? fields.profile.email.toLowerCase() : null;
  return {
    email,
    loginIds: fields.kind === 'full' && email !== null ? [email] : [],
    passwordHash: null,
    profile: {},
    data: {},
    subscriptions: {},
    preferences: {},
    isRegistered: fields.kind === 'full',
    isActive: true,
    isVerified: false,
    regSource: null,
    createdMs: baseMs,
    lastUpdatedMs: fields.createdMs ?? baseMs,
    registeredMs: fields.kind === 'full' ? (fields.createdMs ?? baseMs) : null,
    verifiedMs: null,
    lastLoginMs: null,
    ...fields,
  };
}

export const accounts: Account[] = [
  account({
    site: siteA, uid: 'a-full-1', kind: 'full', createdMs: baseMs + 1000, isVerified: true, verifiedMs: baseMs + 1500, regSource: 'qualifio',
    profile: { email: 'Alice@Example.com', firstName: 'Alice', lastName: 'Martin', gender: 'f', birthYear: 1990, country: 'BE', city: 'Brussels' },
    data: { favoriteColor: 'blue', score: 42, tags: ['vip', 'newsletter'], bio: 'Loves Jean-Luc Picard and tea', optin: true, nested: { level: { deep: 'yes' } } },
    preferences: { terms: { tos: { isConsentGranted: true } } },
    subscriptions: { newsletter: { email: { isSubscribed: true } } },
  }),
  account({
    site: siteA, uid: 'a-full-2', kind: 'full', createdMs: baseMs + 2000, regSource: 'web',
    profile: { email: 'bob@example.com', firstName: 'Bob', lastName: 'Dupont', gender: 'm', birthYear: 1985, country: 'FR', city: 'Paris' },
    data: { score: 7, tags: ['newsletter'], optin: false, bio: 'picard fan' },
  }),
  account({
    site: siteA, uid: 'a-full-3', kind: 'full', createdMs: baseMs + 3000, isActive: false,
    profile: { email: 'carol@example.org', firstName: 'Carol', lastName: 'Dupont', birthYear: 2000, country: 'BE' },
    data: { score: 42.5, favoriteColor: 'Blue', optin: 'true' },
  }),
  account({
    site: siteA, uid: 'a-full-4', kind: 'full', createdMs: baseMs + 4000, lastLoginMs: baseMs + 9000, isRegistered: false,
    profile: { firstName: 'Dave', country: 'NL', birthYear: 1985 },
  }),
  account({
    site: siteA, uid: 'a-lite-1', kind: 'lite', createdMs: baseMs + 5000,
    profile: { email: 'alice@example.com', firstName: 'Alice' },
    data: { source: 'contest', score: 10 },
    subscriptions: { newsletter: { email: { isSubscribed: true } } },
  }),
  account({
    site: siteA, uid: 'a-lite-2', kind: 'lite', createdMs: baseMs + 6000,
    profile: { email: 'erin@example.net', firstName: 'Erin', lastName: "O'Brien" },
    data: { source: 'quiz', tags: ['quiz', 'Winner'] },
  }),
  account({
    site: siteA, uid: 'a-lite-3', kind: 'lite', createdMs: baseMs + 7000,
    profile: { email: 'frank@example.com', firstName: 'frank' },
    data: { source: 'contest', score: 42 },
  }),
  // Site B: look-alikes of site A's records.
  account({
    site: siteB, uid: 'b-full-1', kind: 'full', createdMs: baseMs + 1000, regSource: 'qualifio',
    profile: { email: 'alice@example.com', firstName: 'Alice', lastName: 'Martin', country: 'BE', birthYear: 1990 },
    data: { score: 42, tags: ['vip'], source: 'contest' },
  }),
  account({
    site: siteB, uid: 'b-lite-1', kind: 'lite', createdMs: baseMs + 2000,
    profile: { email: 'zed@example.com', firstName: 'Zed' },
    data: { source: 'contest' },
  }),
];

function emailAccount(fields: Partial<EmailAccount> & Pick<EmailAccount, 'site' | 'email' | 'token'>): EmailAccount {
  return {
    hasLiteAccount: true,
    hasFullAccount: false,
    profile: { email: fields.email },
    data: {},
    subscriptions: {},
    createdMs: baseMs,
    lastUpdatedMs: baseMs,
    ...fields,
  };
}

export const emailAccounts: EmailAccount[] = [
  emailAccount({
    site: siteA, email: 'alice@example.com', token: 'a'.repeat(64), hasFullAccount: true, createdMs: baseMs + 1000, lastUpdatedMs: baseMs + 5000,
    profile: { email: 'alice@example.com', firstName: 'Alice' }, data: { source: 'contest' },
    subscriptions: { newsletter: { email: { isSubscribed: true } } },
  }),
  emailAccount({
    site: siteA, email: 'erin@example.net', token: 'e'.repeat(64), createdMs: baseMs + 6000, lastUpdatedMs: baseMs + 6000,
    profile: { email: 'erin@example.net', firstName: 'Erin' }, data: { source: 'quiz' },
  }),
  emailAccount({
    site: siteA, email: 'frank@example.com', token: 'f'.repeat(64), createdMs: baseMs + 7000, lastUpdatedMs: baseMs + 7000,
    profile: { email: 'frank@example.com', firstName: 'frank' }, data: { source: 'contest' },
  }),
  emailAccount({
    site: siteB, email: 'alice@example.com', token: 'b'.repeat(64), hasFullAccount: true, createdMs: baseMs + 1000, lastUpdatedMs: baseMs + 1000,
    profile: { email: 'alice@example.com', firstName: 'Alice' }, data: { source: 'contest' },
  }),
  emailAccount({
    site: siteB, email: 'zed@example.com', token: 'z'.repeat(64), createdMs: baseMs + 2000, lastUpdatedMs: baseMs + 2000,
    profile: { email: 'zed@example.com', firstName: 'Zed' }, data: { source: 'contest' },
  }),
];

export function siteOf(apiKey: string, policies: Partial<Policies> = {}): Site {
  return { apiKey, name: apiKey, dataCenter: 'us1', policies: { ...defaultPolicies, ...policies }, createdMs: baseMs };
}

/** A fresh in-memory store holding the data set. */
export function seededStore(): Store {
  const store = openStore({ file: ':memory:' });
  store.transaction(() => {
    store.sites.insert(siteOf(siteA));
    store.sites.insert(siteOf(siteB));
    for (const record of accounts) store.accounts.save(record);
    for (const record of emailAccounts) store.emailAccounts.save(record);
  });
  return store;
}

/** A handler context for a server-side call of `site`, with a settable clock. */
export function contextFor(store: Store, params: Record<string, string>, options: { site?: Site; nowMs?: () => number } = {}): MethodContext<Params> {
  let n = 0;
  const next = () => (++n).toString(16).padStart(32, '0');
  return {
    method: 'accounts.search',
    params,
    site: options.site ?? siteOf(siteA),
    caller: { via: 'userKeySecret', userKey: 'AtestUserKey' },
    store,
    clock: { now: options.nowMs ?? (() => baseMs + 100_000) },
    ids: { callId: next, uid: next, regToken: next, emailAccountToken: next, apiKey: next, userKey: next, secret: next },
  };
}
