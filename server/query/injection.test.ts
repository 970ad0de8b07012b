// Query text never becomes SQL text: an injection corpus that must neither change the
// database nor return another site's records, whatever parameter it arrives in.
import { afterAll, describe, expect, it } from 'vitest';
import { search } from '../accounts/search.js';
import { callMethod } from '../testing/callMethod.js';
import { GigyaError } from '../protocol/errors.js';
import { accounts, contextFor, emailAccounts, seededStore, siteA, siteB, siteOf } from './testDataSet.js';

const store = seededStore();
afterAll(() => store.close());

function snapshot(): string {
  return store.dump();
}

const payloads = [
  `" OR 1=1 --`,
  `' OR '1'='1`,
  `x"; DROP TABLE accounts; --`,
  `x'); DELETE FROM accounts; --`,
  `') OR 1=1 --`,
  `" UNION SELECT uid FROM accounts --`,
  `*/ OR 1=1 /*`,
  `$.email`,
  `$[0]`,
  `%`,
  `\u0000`,
  `${siteB}`,
];

const queries = [
  'SELECT * FROM accounts WHERE UID = "x" OR 1=1',
  'SELECT * FROM accounts WHERE UID = "x" OR "1"="1"',
  'SELECT * FROM accounts WHERE UID = "x"; DROP TABLE accounts; --',
  "SELECT * FROM accounts WHERE UID = 'x'' OR ''1''=''1'",
  'SELECT * FROM accounts WHERE UID = "\\" OR 1=1 --"',
  "SELECT * FROM accounts WHERE profile.a') OR 1=1 -- = 1",
  "SELECT * FROM accounts WHERE profile.a'))) OR site = 'site_B_apiKey' = 1",
  'SELECT * FROM accounts WHERE profile.email = "x" UNION SELECT * FROM accounts',
  'SELECT * FROM accounts WHERE UID = "x" /* */ OR 1=1',
  'SELECT * FROM accounts WHERE UID = "x" -- OR 1=1',
  'SELECT * FROM accounts WHERE site = "site_B_apiKey"',
  'SELECT * FROM accounts WHERE a.site = "site_B_apiKey"',
  'SELECT * FROM accounts WHERE UID = "a-full-1" OR UID = "b-full-1" OR UID IN ("b-lite-1")',
  'SELECT * FROM accounts WHERE profile.email = "alice@example.com"',
  'SELECT * FROM emailAccounts WHERE email contains "alice@example.com" OR email = "zed@example.com"',
  'SELECT count(*) FROM accounts WHERE site != "x"',
  'PRAGMA writable_schema = 1',
  "ATTACH DATABASE '/tmp/search-injection.db' AS x",
  'DETACH DATABASE main',
  'SELECT * FROM sqlite_master',
  'SELECT * FROM accounts WHERE data.x = regex("\') OR 1=1 --")',
  'SELECT * FROM accounts ORDER BY (SELECT 1)',
  'SELECT * FROM accounts ORDER BY profile.firstName; DELETE FROM accounts',
  'SELECT * FROM accounts LIMIT 1; DELETE FROM accounts',
  'SELECT * FROM accounts LIMIT 1 OFFSET 0',
  'SELECT * FROM accounts WHERE data.$.x = 1',
  'SELECT * FROM accounts WHERE data.x[0] = 1',
  'SELECT * FROM accounts WHERE profile."email" = "x"',
  "SELECT * FROM accounts WHERE json_extract(profile, '$.email') = 'x'",
  'SELECT * FROM accounts WHERE data.__proto__.polluted = 1',
  'SELECT data.__proto__ AS polluted, data.constructor FROM accounts',
  'SELECT profile.__proto__.polluted FROM accounts',
  'SELECT * FROM accounts WHERE UID = "a-full-1" OR 1',
  'SELECT * FROM accounts WHERE UID = "x" OR TRUE',
  'SELECT * FROM accounts WHERE 1 = 1',
  'SELECT * FROM accounts WHERE UID = CHAR(65)',
  'SELECT * FROM accounts WHERE UID = "x" || "y"',
  'SELECT * FROM accounts WHERE UID = 0x41',
  'SELECT load_extension("x") FROM accounts',
  'SELECT * FROM accounts WHERE data.x contains "\' OR 1=1" AND data.y = regex(".*")',
  'SELECT * FROM accounts, email_accounts',
  'SELECT * FROM accounts a JOIN accounts b',
  'SELECT * FROM accounts WHERE data.x = "\\u0027) OR 1=1 --"',
  'SELECT * FROM accounts INDEXED BY accounts_email',
  ...payloads.map((payload) => `SELECT * FROM accounts WHERE profile.firstName = ${JSON.stringify(payload)}`),
  ...payloads.map((payload) => `SELECT * FROM accounts WHERE data.tags contains ${JSON.stringify(payload)}`),
  ...payloads.map((payload) => `SELECT * FROM emailAccounts WHERE data.source = regex(${JSON.stringify(payload)})`),
  ...payloads.map((payload) => `SELECT * FROM accounts WHERE UID = "" ${payload}`),
];

const ownKeys: Record<string, Set<string>> = {
  [siteA]: new Set([...accounts.filter((r) => r.site === siteA).map((r) => r.uid), ...emailAccounts.filter((r) => r.site === siteA).map((r) => r.email)]),
  [siteB]: new Set([...accounts.filter((r) => r.site === siteB).map((r) => r.uid), ...emailAccounts.filter((r) => r.site === siteB).map((r) => r.email)]),
};

/** Runs a call; a refusal must be a Gigya error, an answer must hold only the caller's records. */
function expectContained(site: string, params: Record<string, string>): void {
  let result: { results: Array<Record<string, unknown>> };
  try {
    result = callMethod(search, contextFor(store, params, { site: siteOf(site) })) as typeof result;
  } catch (error) {
    expect(error).toBeInstanceOf(GigyaError);
    expect((error as GigyaError).errorCode).toBeLessThan(500_000);
    return;
  }
  const other = site === siteA ? siteB : siteA;
  for (const record of result.results) {
    const key = record.UID ?? record.email;
    if (key !== undefined) expect(ownKeys[site]!.has(String(key)), `${String(key)} is not a record of ${site}`).toBe(true);
    expect(JSON.stringify(record)).not.toContain(other === siteB ? 'zed@example.com' : 'erin@example.net');
  }
}

describe('accounts.search against injection', () => {
  it.each([siteA, siteB])('never changes the database nor leaks another site (caller %s)', (site) => {
    const before = snapshot();
    for (const query of queries) {
      for (const accountTypes of ['full', 'full,lite']) expectContained(site, { query, accountTypes });
      expectContained(site, { query, openCursor: 'true', accountTypes: 'full,lite' });
    }
    for (const payload of payloads) {
      expectContained(site, { cursorId: payload });
      expectContained(site, { query: 'SELECT * FROM accounts', accountTypes: payload });
      expectContained(site, { query: 'SELECT * FROM accounts', timeout: payload });
    }
    expect(snapshot()).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('answers the look-alike records of the caller only', () => {
    const query = 'SELECT UID FROM accounts WHERE profile.email = "alice@example.com" OR UID = "b-full-1" OR UID = "a-full-1"';
    const forA = callMethod(search, contextFor(store, { query, accountTypes: 'full,lite' }, { site: siteOf(siteA) }));
    const forB = callMethod(search, contextFor(store, { query, accountTypes: 'full,lite' }, { site: siteOf(siteB) }));
    expect(forA).toEqual({ results: [{ UID: 'a-full-1' }, { UID: 'a-lite-1' }], objectsCount: 2, totalCount: 2 });
    expect(forB).toEqual({ results: [{ UID: 'b-full-1' }], objectsCount: 1, totalCount: 1 });
  });

  it('keeps __proto__ segments as plain names', () => {
    const result = callMethod(search, contextFor(store, { query: 'SELECT data.__proto__ AS x FROM accounts WHERE data.__proto__ is null' })) as {
      results: unknown[];
    };
    expect(result.results).toEqual([{}, {}, {}, {}]);
  });
});
