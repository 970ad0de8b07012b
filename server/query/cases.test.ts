// The query-case table: each query, over the fixed data set of site A (site B
// holds look-alikes), and the records it must return, in order. Without ORDER BY, records
// come in key order (UID, or email for emailAccounts); ties break by key in the direction of
// the last ORDER BY field.
import { afterAll, describe, expect, it } from 'vitest';
import { search } from '../accounts/search.js';
import { callMethod } from '../testing/callMethod.js';
import { contextFor, seededStore } from './testDataSet.js';

const store = seededStore();
afterAll(() => store.close());

function keysOf(query: string, accountTypes?: string): string[] {
  const params: Record<string, string> = { query };
  if (accountTypes !== undefined) params.accountTypes = accountTypes;
  const result = callMethod(search, contextFor(store, params)) as { results: Array<Record<string, unknown>> };
  return result.results.map((record) => String(record.UID ?? record.email));
}

const full = ['a-full-1', 'a-full-2', 'a-full-3', 'a-full-4'];
const lite = ['a-lite-1', 'a-lite-2', 'a-lite-3'];
const both = 'full,lite';
const w = (where: string) => `SELECT UID FROM accounts WHERE ${where}`;

// [query, accountTypes (default full), expected keys]
const cases: Array<[string, string | undefined, string[]]> = [
  ['SELECT UID FROM accounts', undefined, full],
  ['SELECT UID FROM accounts', 'full', full],
  ['SELECT UID FROM accounts', 'lite', lite],
  ['SELECT UID FROM accounts', both, [...full, ...lite]],
  ['SELECT UID FROM accounts', 'lite,full', [...full, ...lite]],
  [w('UID = "a-full-2"'), undefined, ['a-full-2']],
  [w('UID = "b-full-1"'), both, []],
  [w('UID = "a-lite-1"'), undefined, []],
  [w('profile.email = "alice@example.com"'), both, ['a-full-1', 'a-lite-1']],
  [w('profile.email = "ALICE@EXAMPLE.COM"'), undefined, ['a-full-1']],
  [w('profile.email != "alice@example.com"'), undefined, ['a-full-2', 'a-full-3', 'a-full-4']],
  [w('profile.email in ("bob@example.com", "carol@example.org")'), undefined, ['a-full-2', 'a-full-3']],
  [w('profile.email contains "Bob@Example.com"'), undefined, ['a-full-2']],
  [w('profile.email contains "bob"'), undefined, []],
  [w('profile.email is null'), both, ['a-full-4']],
  [w('profile.firstName = "Alice"'), both, ['a-full-1', 'a-lite-1']],
  [w('profile.firstName = "alice"'), both, []],
  [w("profile.firstName = 'frank'"), 'lite', ['a-lite-3']],
  [w('profile.lastName = "O\'Brien"'), 'lite', ['a-lite-2']],
  [w("profile.lastName = 'O\\'Brien'"), 'lite', ['a-lite-2']],
  [w('profile.lastName = "O\\u0027Brien"'), 'lite', ['a-lite-2']],
  [w('profile.lastName != "Dupont"'), undefined, ['a-full-1', 'a-full-4']],
  [w('profile.birthYear > 1985'), undefined, ['a-full-1', 'a-full-3']],
  [w('profile.birthYear >= 1985'), undefined, full],
  [w('profile.birthYear < 1990'), undefined, ['a-full-2', 'a-full-4']],
  [w('profile.birthYear <= 1990 AND profile.country = "BE"'), undefined, ['a-full-1']],
  [w('profile.birthYear > "1985"'), undefined, []],
  [w('data.score = 42'), both, ['a-full-1', 'a-lite-3']],
  [w('data.score = 42.5'), undefined, ['a-full-3']],
  [w('data.score = 4.25e1'), undefined, ['a-full-3']],
  [w('data.score > 10'), both, ['a-full-1', 'a-full-3', 'a-lite-3']],
  [w('data.score >= 10 AND data.score < 42'), both, ['a-lite-1']],
  [w('data.score > -1 AND data.score <= 7'), both, ['a-full-2']],
  [w('data.score = "42"'), both, []],
  [w('data.optin = true'), undefined, ['a-full-1']],
  [w('data.optin = false'), undefined, ['a-full-2']],
  [w('data.optin != true'), undefined, ['a-full-2', 'a-full-3', 'a-full-4']],
  [w('data.optin = "true"'), undefined, ['a-full-3']],
  [w('data.optin = 1'), undefined, []],
  [w('data.favoriteColor = "blue"'), undefined, ['a-full-1']],
  [w('data.favoriteColor contains "BLUE"'), undefined, ['a-full-1', 'a-full-3']],
  [w('data.bio contains "picard"'), undefined, ['a-full-1', 'a-full-2']],
  [w('data.bio contains "jean luc picard"'), undefined, ['a-full-1']],
  [w('data.bio contains "Jean-Luc"'), undefined, ['a-full-1']],
  [w('data.bio contains "luc jean"'), undefined, []],
  [w('data.bio contains "pica"'), undefined, []],
  [w('data.bio not contains "tea"'), undefined, ['a-full-2', 'a-full-3', 'a-full-4']],
  [w('data.tags contains "newsletter"'), undefined, ['a-full-1', 'a-full-2']],
  [w('data.tags contains "winner"'), 'lite', ['a-lite-2']],
  [w('data.tags contains "news"'), undefined, []],
  [w('data.nested.level.deep = "yes"'), undefined, ['a-full-1']],
  [w('data.nested.level.missing is null'), undefined, full],
  [w('data.nested is not null'), undefined, ['a-full-1']],
  [w('data.source is not null'), both, lite],
  [w('data.source in ("quiz", "contest")'), 'lite', lite],
  [w('data.source not in ("quiz")'), 'lite', ['a-lite-1', 'a-lite-3']],
  [w('data.score in (7, 10)'), both, ['a-full-2', 'a-lite-1']],
  [w('data.score IN (42, "x", true)'), undefined, ['a-full-1']],
  [w('isRegistered = true'), undefined, ['a-full-1', 'a-full-2', 'a-full-3']],
  [w('isRegistered = false'), both, ['a-full-4', ...lite]],
  [w('isActive = false'), undefined, ['a-full-3']],
  [w('isActive != false'), undefined, ['a-full-1', 'a-full-2', 'a-full-4']],
  [w('isVerified = true'), undefined, ['a-full-1']],
  [w('hasLiteAccount = true'), both, lite],
  [w('hasFullAccount = true AND profile.country = "BE"'), both, ['a-full-1', 'a-full-3']],
  [w('regSource = "qualifio"'), undefined, ['a-full-1']],
  [w('regSource is null'), undefined, ['a-full-3', 'a-full-4']],
  [w('regSource contains "WEB"'), undefined, ['a-full-2']],
  [w('created > 1700000002000'), both, ['a-full-3', 'a-full-4', ...lite]],
  [w('createdTimestamp <= 1700000002000'), undefined, ['a-full-1', 'a-full-2']],
  [w('created >= "2023-11-14T22:13:24Z"'), both, ['a-full-4', ...lite]],
  [w('lastUpdated < "2023-11-14T22:13:22.500Z"'), undefined, ['a-full-1', 'a-full-2']],
  [w('lastLogin is not null'), undefined, ['a-full-4']],
  [w('lastLoginTimestamp > 0'), undefined, ['a-full-4']],
  [w('registered is null'), both, lite],
  [w('profile.country = "BE" OR profile.country = "FR" AND profile.birthYear > 1990'), undefined, ['a-full-1', 'a-full-3']],
  [w('(profile.country = "BE" OR profile.country = "FR") AND profile.birthYear < 1995'), undefined, ['a-full-1', 'a-full-2']],
  [w('NOT profile.country = "BE"'), undefined, ['a-full-2', 'a-full-4']],
  [w('NOT (profile.country = "BE" OR data.score > 5)'), undefined, ['a-full-4']],
  [w('NOT (profile.country = "BE" AND data.score > 42)'), undefined, ['a-full-1', 'a-full-2', 'a-full-4']],
  [w('NOT NOT isActive = false'), undefined, ['a-full-3']],
  [w('NOT data.score > 10'), both, ['a-full-2', 'a-full-4', 'a-lite-1', 'a-lite-2']],
  [w('profile.firstName = regex("[A-C].*")'), both, ['a-full-1', 'a-full-2', 'a-full-3', 'a-lite-1']],
  [w('profile.firstName = regex("a")'), both, []],
  [w('profile.firstName != regex("[A-C].*")'), undefined, ['a-full-4']],
  [w("UID regex('a-lite-[12]')"), both, ['a-lite-1', 'a-lite-2']],
  [w('data.tags = regex("Win.*")'), 'lite', ['a-lite-2']],
  [w('profile.city = regex("\\w+")'), undefined, ['a-full-1', 'a-full-2']],
  [w('preferences.terms.tos.isConsentGranted = true'), undefined, ['a-full-1']],
  [w('subscriptions.newsletter.email.isSubscribed = true'), both, ['a-full-1', 'a-lite-1']],
  ['SELECT UID FROM accounts ORDER BY profile.birthYear DESC', undefined, ['a-full-3', 'a-full-1', 'a-full-4', 'a-full-2']],
  ['SELECT UID FROM accounts ORDER BY profile.lastName', undefined, ['a-full-2', 'a-full-3', 'a-full-1', 'a-full-4']],
  ['SELECT UID FROM accounts ORDER BY profile.lastName DESC', undefined, ['a-full-1', 'a-full-3', 'a-full-2', 'a-full-4']],
  ['SELECT UID FROM accounts ORDER BY created DESC LIMIT 2', both, ['a-lite-3', 'a-lite-2']],
  ['SELECT UID FROM accounts ORDER BY created START 1 LIMIT 2', undefined, ['a-full-2', 'a-full-3']],
  ['SELECT UID FROM accounts LIMIT 2 START 1', undefined, ['a-full-2', 'a-full-3']],
  ['SELECT UID FROM accounts ORDER BY profile.country ASC, profile.birthYear DESC', undefined, ['a-full-3', 'a-full-1', 'a-full-2', 'a-full-4']],
  ['SELECT UID FROM accounts ORDER BY regSource DESC', undefined, ['a-full-2', 'a-full-1', 'a-full-4', 'a-full-3']],
  ['SELECT UID FROM accounts LIMIT 0', undefined, []],
  ['SELECT UID FROM accounts START 3', undefined, ['a-full-4']],
  ['select UID from accounts where profile.country = "NL"', undefined, ['a-full-4']],
  ['SELECT UID FROM Accounts WHERE data.source = "contest"', 'lite', ['a-lite-1', 'a-lite-3']],
  ['SELECT email FROM emailAccounts', undefined, ['alice@example.com', 'erin@example.net', 'frank@example.com']],
  ['SELECT email FROM emailAccounts', 'lite', ['alice@example.com', 'erin@example.net', 'frank@example.com']],
  ['SELECT email FROM emailAccounts WHERE hasFullAccount = true', undefined, ['alice@example.com']],
  ['SELECT email FROM emailAccounts WHERE profile.email = "ERIN@example.net"', undefined, ['erin@example.net']],
  ['SELECT email FROM emailAccounts WHERE email in ("frank@example.com", "zed@example.com")', undefined, ['frank@example.com']],
  ['SELECT email FROM emailAccounts WHERE data.source = "contest" ORDER BY lastUpdatedTimestamp DESC', undefined, ['frank@example.com', 'alice@example.com']],
  [`SELECT email FROM emailAccounts WHERE token = "${'e'.repeat(64)}"`, undefined, ['erin@example.net']],
  ['SELECT email FROM emailAccounts WHERE channel = "email" AND hasLiteAccount = true AND hasFullAccount = false', undefined, ['erin@example.net', 'frank@example.com']],
  ['SELECT email FROM emailAccounts WHERE email = "zed@example.com"', undefined, []],
  ['SELECT email FROM emailAccounts WHERE lastUpdatedTimestamp >= 1700000006000', undefined, ['erin@example.net', 'frank@example.com']],
  ['SELECT email FROM emailAccounts WHERE subscriptions.newsletter.email.isSubscribed = true', undefined, ['alice@example.com']],
  ['SELECT email FROM emailAccounts WHERE profile.firstName contains "FRANK"', undefined, ['frank@example.com']],
];

describe('accounts.search query cases', () => {
  it('has at least 60 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
  });

  it.each(cases)('%s (accountTypes %s)', (query, accountTypes, expected) => {
    expect(keysOf(query, accountTypes)).toEqual(expected);
  });
});
