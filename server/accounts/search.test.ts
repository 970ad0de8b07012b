import { afterAll, describe, expect, it } from 'vitest';
import { GigyaError } from '../protocol/errors.js';
import type { MethodResult } from '../protocol/method.js';
import type { Store } from '../store/index.js';
import { account, accounts, baseMs, contextFor, emailAccounts, seededStore, siteA, siteB, siteOf } from '../query/testDataSet.js';
import { accountBase, accountParts, emailAccountView } from './accountView.js';
import { search } from './search.js';
import { callMethod } from '../testing/callMethod.js';

interface SearchResult {
  results: Array<Record<string, unknown>>;
  objectsCount: number;
  totalCount: number;
  nextCursorId?: string;
}

const stores: Store[] = [];
afterAll(() => stores.forEach((store) => store.close()));

function fresh(): Store {
  const store = seededStore();
  stores.push(store);
  return store;
}

const shared = fresh();

function run(params: Record<string, string>, options: Parameters<typeof contextFor>[2] = {}, store = shared): SearchResult {
  return callMethod(search, contextFor(store, params, options)) as MethodResult as unknown as SearchResult;
}

function failure(params: Record<string, string>, options: Parameters<typeof contextFor>[2] = {}, store = shared): GigyaError {
  try {
    run(params, options, store);
  } catch (error) {
    if (error instanceof GigyaError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(params)} to fail`);
}

/** A store with `count` more full accounts on site A, for limits and cursors. */
function bigStore(count: number): Store {
  const store = fresh();
  store.transaction(() => {
    for (let i = 0; i < count; i++) {
      const n = String(i).padStart(5, '0');
      store.accounts.save(account({ site: siteA, uid: `bulk-${n}`, kind: 'full', createdMs: baseMs + i, profile: { email: `u${n}@bulk.test` } }));
    }
  });
  return store;
}

describe('accounts.search', () => {
  it('is a server-side method', () => {
    expect(search.name).toBe('accounts.search');
    expect(search.allowsClientSide({ query: 'SELECT * FROM accounts' })).toBe(false);
  });

  it('answers results, objectsCount and totalCount, and no nextCursorId without a cursor', () => {
    const result = run({ query: 'SELECT UID FROM accounts WHERE profile.country = "BE"' });
    expect(result).toEqual({ results: [{ UID: 'a-full-1' }, { UID: 'a-full-3' }], objectsCount: 2, totalCount: 2 });
  });

  it('returns accounts as getAccountInfo reads them, without subscriptions for *', () => {
    const stored = accounts.find((record) => record.uid === 'a-full-1')!;
    const { subscriptions: _left, ...expected } = { ...accountBase(stored), ...accountParts(stored) };
    const [record] = run({ query: 'SELECT * FROM accounts WHERE UID = "a-full-1"' }).results;
    expect(record).toEqual(expected);
    expect(record).not.toHaveProperty('subscriptions');
  });

  it('returns subscriptions of accounts when they are named', () => {
    const [record] = run({ query: 'SELECT UID, subscriptions FROM accounts WHERE UID = "a-full-1"' }).results;
    expect(record).toEqual({ UID: 'a-full-1', subscriptions: { newsletter: { email: { isSubscribed: true } } } });
  });

  it('returns emailAccounts records as the emailAccounts object', () => {
    const stored = emailAccounts.find((record) => record.site === siteA && record.email === 'erin@example.net')!;
    expect(run({ query: 'SELECT * FROM emailAccounts WHERE email = "erin@example.net"' }).results).toEqual([emailAccountView(stored)]);
  });

  it('selects partial paths, keeps an alias inside its parent, and leaves absent fields out', () => {
    const result = run({ query: 'SELECT UID, data.nested, profile.firstName AS name, data.missing.deep FROM accounts WHERE UID in ("a-full-1", "a-full-2")' });
    expect(result.results).toEqual([
      { UID: 'a-full-1', data: { nested: { level: { deep: 'yes' } } }, profile: { name: 'Alice' } },
      { UID: 'a-full-2', profile: { name: 'Bob' } },
    ]);
  });

  it('adds an alias beside * without changing the record', () => {
    const [record] = run({ query: 'SELECT *, profile.firstName AS name FROM accounts WHERE UID = "a-full-2"' }).results;
    expect(record?.profile).toEqual({ ...accounts[1]!.profile, name: 'Bob' });
    expect(accounts[1]!.profile).not.toHaveProperty('name');
    const [again] = run({ query: 'SELECT profile FROM accounts WHERE UID = "a-full-2"' }).results;
    expect(again?.profile).not.toHaveProperty('name');
  });

  it('counts with count(*), per account type and data source', () => {
    expect(run({ query: 'SELECT count(*) FROM accounts' })).toEqual({ results: [{ 'count(*)': 4 }], objectsCount: 1, totalCount: 4 });
    expect(run({ query: 'SELECT count(*) FROM accounts', accountTypes: 'lite' }).results).toEqual([{ 'count(*)': 3 }]);
    expect(run({ query: 'SELECT count(*) AS n FROM emailAccounts WHERE hasLiteAccount = true' }).results).toEqual([{ n: 3 }]);
    expect(run({ query: 'SELECT count(*) FROM accounts WHERE profile.email = "alice@example.com"' }, { site: siteOf(siteB) }).results).toEqual([
      { 'count(*)': 1 },
    ]);
  });

  it('refuses unknown top-level fields and sub-fields of plain values', () => {
    expect(failure({ query: 'SELECT * FROM accounts WHERE nickname = "x"' }).errorDetails).toBe(
      'Invalid argument: query: unknown field nickname in accounts at position 29',
    );
    expect(failure({ query: 'SELECT UID.x FROM accounts' }).errorDetails).toContain('field UID has no sub-fields at position 7');
    expect(failure({ query: 'SELECT emails FROM emailAccounts' }).errorDetails).toContain('unknown field emails in emailAccounts');
    expect(failure({ query: 'SELECT * FROM emailAccounts WHERE UID = "x"' }).errorDetails).toContain('unknown field UID');
    expect(failure({ query: 'SELECT * FROM accounts WHERE loginIDs.emails = "x"' }).errorDetails).toContain('cannot be searched');
  });

  it('refuses what Gigya refuses on encrypted fields and mistyped values', () => {
    const details = (where: string) => failure({ query: `SELECT * FROM accounts WHERE ${where}` }).errorDetails;
    expect(details('profile.email > "a"')).toContain('profile.email is encrypted');
    expect(details('profile.email = regex(".*")')).toContain('regex does not apply');
    expect(failure({ query: 'SELECT * FROM accounts ORDER BY profile.email' }).errorDetails).toContain('cannot be sorted on at position 32');
    expect(details('isActive = "yes"')).toContain('isActive is a boolean');
    expect(details('isActive > true')).toContain('only = and != apply');
    expect(details('UID = 5')).toContain('UID is text');
    expect(details('created > "yesterday"')).toContain('created is a date');
    expect(details('data.flag < true')).toContain('only = and != apply to booleans');
    expect(details('created contains "x"')).toContain('contains applies to text and arrays');
    expect(details('data.x = regex("[")')).toContain('not a valid pattern');
    expect(details('data.x = regex("(a+)+b")')).toContain('repeats a group');
    expect(details('data.x = regex("(a|aa)*")')).toContain('repeats a group');
    expect(details('data.x = regex("(a)\\\\1")')).toContain('back-references');
    expect(details(`data.x = regex("${'a'.repeat(201)}")`)).toContain('regex longer than 200');
  });

  it('answers 400006 for a bad query and 400002 for a missing one', () => {
    const error = failure({ query: 'SELECT * FROM accounts WHERE' });
    expect([error.errorCode, error.errorMessage, error.statusCode]).toEqual([400006, 'Invalid parameter value', 400]);
    const missing = failure({});
    expect([missing.errorCode, missing.errorDetails]).toEqual([400002, 'Missing required parameter: query']);
    expect(failure({ query: '   ' }).errorCode).toBe(400002);
  });

  it('checks accountTypes, openCursor and timeout', () => {
    expect(failure({ query: 'SELECT * FROM accounts', accountTypes: 'deleted' }).errorDetails).toContain('accountTypes');
    expect(failure({ query: 'SELECT * FROM accounts', accountTypes: '["full",1]' }).errorCode).toBe(400006);
    expect(run({ query: 'SELECT count(*) FROM accounts', accountTypes: '["lite","full"]' }).totalCount).toBe(7);
    expect(run({ query: 'SELECT count(*) FROM accounts', accountTypes: ' lite , full ' }).totalCount).toBe(7);
    expect(failure({ query: 'SELECT * FROM accounts', openCursor: 'yes' }).errorDetails).toContain('openCursor');
    expect(failure({ query: 'SELECT * FROM accounts', timeout: '60001' }).errorDetails).toContain('timeout');
    expect(failure({ query: 'SELECT * FROM accounts', timeout: '1.5' }).errorDetails).toContain('timeout');
    expect(run({ query: 'SELECT count(*) FROM accounts', timeout: '60000' }).totalCount).toBe(4);
  });

  it('matches contains on case-folded whole words, including characters SQLite cannot fold', () => {
    const store = fresh();
    store.accounts.save(account({ site: siteA, uid: 'a-words', kind: 'full', data: { note: 'The \u212Aey of L\'ÉCOLE', list: ['ÉTÉ', 'Key'] } }));
    const keys = (where: string) => run({ query: `SELECT UID FROM accounts WHERE ${where}` }, {}, store).results.map((record) => record.UID);
    expect(keys('data.note contains "key"')).toEqual(['a-words']);
    expect(keys('data.note contains "école"')).toEqual(['a-words']);
    expect(keys('data.note contains "of l"')).toEqual(['a-words']);
    expect(keys('data.note contains "cole"')).toEqual([]);
    expect(keys('data.list contains "été"')).toEqual(['a-words']);
    expect(keys('data.list contains "KEY"')).toEqual(['a-words']);
    expect(keys('data.list contains "ke"')).toEqual([]);
  });

  it('matches text with quotes, backslashes, control and non-ASCII characters exactly', () => {
    const store = fresh();
    const tricky = 'say "hi"\\ there\n\u0001 été \ud800 😀';
    store.accounts.save(account({ site: siteA, uid: 'a-tricky', kind: 'full', data: { text: tricky } }));
    const literal = JSON.stringify(tricky);
    expect(run({ query: `SELECT UID FROM accounts WHERE data.text = ${literal}` }, {}, store).results).toEqual([{ UID: 'a-tricky' }]);
    expect(run({ query: `SELECT UID FROM accounts WHERE data.text in ("x", ${literal})` }, {}, store).results).toEqual([{ UID: 'a-tricky' }]);
    expect(run({ query: `SELECT UID FROM accounts WHERE data.text = ${JSON.stringify(tricky.slice(1))}` }, {}, store).results).toEqual([]);
  });

  it('sees a write at once by default', async () => {
    const store = fresh();
    await store.write(() => store.accounts.save(account({ site: siteA, uid: 'a-new', kind: 'full', createdMs: baseMs + 100_000, profile: { firstName: 'New' } })));
    expect(run({ query: 'SELECT UID FROM accounts WHERE profile.firstName = "New"' }, {}, store).results).toEqual([{ UID: 'a-new' }]);
  });

  it('hides records written within searchDelayMs, as Gigya indexes with a delay', () => {
    const store = fresh();
    const now = baseMs + 100_000;
    store.accounts.save(account({ site: siteA, uid: 'a-recent', kind: 'full', createdMs: now - 1000, profile: { firstName: 'Recent' } }));
    const delayed = { site: siteOf(siteA, { searchDelayMs: 5000 }), nowMs: () => now };
    const query = { query: 'SELECT UID FROM accounts WHERE profile.firstName = "Recent"' };
    expect(run(query, delayed, store).totalCount).toBe(0);
    expect(run({ query: 'SELECT count(*) FROM accounts' }, delayed, store).totalCount).toBe(4);
    expect(run(query, { ...delayed, nowMs: () => now + 4000 }, store).results).toEqual([{ UID: 'a-recent' }]);
    expect(run(query, { nowMs: () => now }, store).totalCount).toBe(1);
  });
});

describe('accounts.search limits', () => {
  const store = bigStore(6000);
  const bulk = { query: 'SELECT UID FROM accounts WHERE profile.email contains "x" OR UID >= "bulk-" ORDER BY UID' };

  it('returns 300 records by default and caps LIMIT at 5000 records without a cursor', () => {
    expect(run({ query: 'SELECT UID FROM accounts' }, {}, store).objectsCount).toBe(300);
    const capped = run({ query: 'SELECT UID FROM accounts LIMIT 20000' }, {}, store);
    expect([capped.objectsCount, capped.totalCount]).toEqual([5000, 6004]);
    const tail = run({ query: 'SELECT UID FROM accounts START 4990 LIMIT 100' }, {}, store);
    expect(tail.objectsCount).toBe(10);
    expect(run({ query: 'SELECT UID FROM accounts START 5000 LIMIT 100' }, {}, store).objectsCount).toBe(0);
  });

  it('refuses START past 5000', () => {
    expect(failure({ query: 'SELECT UID FROM accounts START 5001' }, {}, store).errorDetails).toContain('START is at most 5000');
  });

  it('pages through every record with openCursor, in batches of at most 1000', () => {
    const seen: string[] = [];
    let page = run({ ...bulk, query: `${bulk.query} LIMIT 2500`, openCursor: 'true' }, {}, store);
    const sizes = [page.objectsCount];
    seen.push(...page.results.map((record) => String(record.UID)));
    while (page.nextCursorId !== undefined) {
      page = run({ cursorId: page.nextCursorId }, {}, store);
      sizes.push(page.objectsCount);
      seen.push(...page.results.map((record) => String(record.UID)));
      expect(page.totalCount).toBe(6000);
    }
    expect(sizes).toEqual([1000, 1000, 1000, 1000, 1000, 1000]);
    expect(page).not.toHaveProperty('nextCursorId');
    expect(new Set(seen).size).toBe(6000);
    expect(seen).toEqual([...seen].sort());
  });

  it('uses LIMIT as the batch size, 300 by default', () => {
    expect(run({ ...bulk, openCursor: 'true' }, {}, store).objectsCount).toBe(300);
    expect(run({ ...bulk, query: `${bulk.query} LIMIT 7`, openCursor: 'true' }, {}, store).objectsCount).toBe(7);
  });

  it('answers the same batch when a cursorId is resent', () => {
    const first = run({ ...bulk, query: `${bulk.query} LIMIT 10`, openCursor: 'true' }, {}, store);
    const second = run({ cursorId: first.nextCursorId! }, {}, store);
    const retried = run({ cursorId: first.nextCursorId! }, {}, store);
    expect(retried).toEqual(second);
    expect(second.results[0]).toEqual({ UID: 'bulk-00010' });
  });

  it('pages a snapshot: records written after opening do not shift the batches', () => {
    const own = bigStore(30);
    const first = run({ query: 'SELECT UID FROM accounts WHERE UID >= "bulk" LIMIT 10', openCursor: 'true' }, {}, own);
    own.accounts.save(account({ site: siteA, uid: 'bulk-00000-a', kind: 'full' }));
    own.accounts.remove(siteA, 'bulk-00015');
    const second = run({ cursorId: first.nextCursorId! }, {}, own);
    expect(second.results.map((record) => record.UID)).toEqual(['bulk-00010', 'bulk-00011', 'bulk-00012', 'bulk-00013', 'bulk-00014', 'bulk-00016', 'bulk-00017', 'bulk-00018', 'bulk-00019']);
    expect(second.totalCount).toBe(30);
  });

  it('forgets a cursor unused for 5 minutes', () => {
    let now = baseMs;
    const clock = { nowMs: () => now };
    const first = run({ ...bulk, query: `${bulk.query} LIMIT 10`, openCursor: 'true' }, clock, store);
    now += 5 * 60_000;
    const second = run({ cursorId: first.nextCursorId! }, clock, store);
    now += 5 * 60_000 + 1;
    const error = failure({ cursorId: second.nextCursorId! }, clock, store);
    expect([error.errorCode, error.errorDetails]).toEqual([400006, 'Invalid argument: cursorId: unknown or expired cursor']);
  });

  it('refuses a cursorId with a query, START with openCursor, and another site\'s cursor', () => {
    const first = run({ ...bulk, query: `${bulk.query} LIMIT 10`, openCursor: 'true' }, {}, store);
    expect(failure({ cursorId: first.nextCursorId!, query: 'SELECT * FROM accounts' }, {}, store).errorDetails).toContain('cannot be combined with query');
    expect(failure({ cursorId: first.nextCursorId! }, { site: siteOf(siteB) }, store).errorDetails).toContain('unknown or expired');
    expect(failure({ query: 'SELECT * FROM accounts START 10', openCursor: 'true' }, {}, store).errorDetails).toContain('START cannot be used with openCursor');
    expect(failure({ cursorId: 'no-such-cursor' }, {}, store).errorCode).toBe(400006);
  });

  it('answers a count(*) with openCursor without a cursor', () => {
    expect(run({ query: 'SELECT count(*) FROM accounts', openCursor: 'true' }, {}, store)).toEqual({
      results: [{ 'count(*)': 6004 }],
      objectsCount: 1,
      totalCount: 6004,
    });
  });
});
