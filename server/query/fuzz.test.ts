// Whatever the query text, accounts.search answers results or a Gigya error (an error
// envelope), never anything else: random text, token soup, mutated valid queries and random
// trees all go through the whole handler (parse, compile, SQLite, projection).
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { search } from '../accounts/search.js';
import { callMethod } from '../testing/callMethod.js';
import { GigyaError } from '../protocol/errors.js';
import { printQuery } from './printer.js';
import { queryTree } from './testArbitraries.js';
import { contextFor, seededStore } from './testDataSet.js';

const store = seededStore();
afterAll(() => store.close());

/** Runs a query; true when it answered, false when it was refused with a client error. */
function answersOrRefuses(query: string, accountTypes = 'full,lite'): boolean {
  try {
    const result = callMethod(search, contextFor(store, { query, accountTypes })) as { results: unknown[]; objectsCount: number };
    expect(result.results).toHaveLength(result.objectsCount);
    return true;
  } catch (error) {
    if (!(error instanceof GigyaError) || error.errorCode >= 500_000) throw error;
    expect([400002, 400006]).toContain(error.errorCode);
    return false;
  }
}

const valid = [
  'SELECT * FROM accounts WHERE profile.email = "alice@example.com"',
  'SELECT UID, profile.firstName AS n FROM accounts WHERE data.score >= 10 AND NOT (profile.country in ("BE", "FR") OR data.tags contains "vip") ORDER BY created DESC LIMIT 5',
  "SELECT count(*) FROM emailAccounts WHERE hasLiteAccount = true AND data.source = regex('con.*')",
  'SELECT * FROM accounts WHERE regSource is not null OR lastLogin > "2023-01-01" START 1 LIMIT 2',
];

const tokens = [
  'SELECT', 'FROM', 'WHERE', 'AND', 'OR', 'NOT', 'contains', 'in', 'is', 'null', 'true', 'false', 'ORDER', 'BY', 'ASC', 'DESC',
  'START', 'LIMIT', 'AS', 'regex', 'count', '(', ')', ',', '*', '=', '!=', '<', '<=', '>', '>=', ';', '--', '/*', "'", '"',
  'accounts', 'emailAccounts', 'UID', 'profile.email', 'data.score', 'data.tags', 'created', 'isActive', 'hasLiteAccount',
  'profile', 'subscriptions.a.b', '"x"', "'y'", '42', '-1.5', '1e3', '5001', '"(a+)+"', '"["', 'JOIN', 'HAVING', 'UNION', '\\',
];

describe('accounts.search robustness', () => {
  it('answers or refuses random text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => void answersOrRefuses(text)), { numRuns: 1000 });
  });

  it('answers or refuses token soup', () => {
    const soup = fc.array(fc.constantFrom(...tokens), { maxLength: 30 }).map((words) => words.join(' '));
    fc.assert(fc.property(soup, (text) => void answersOrRefuses(text)), { numRuns: 2000 });
  });

  it('answers or refuses mutations of valid queries', () => {
    const mutation = fc.record({
      base: fc.constantFrom(...valid),
      edits: fc.array(
        fc.record({ at: fc.nat(), remove: fc.nat({ max: 4 }), insert: fc.oneof(fc.constantFrom(...tokens), fc.string({ unit: 'binary', maxLength: 3 })) }),
        { minLength: 1, maxLength: 4 },
      ),
    });
    fc.assert(
      fc.property(mutation, ({ base, edits }) => {
        let text = base;
        for (const edit of edits) {
          const at = edit.at % (text.length + 1);
          text = text.slice(0, at) + ` ${edit.insert} ` + text.slice(at + edit.remove);
        }
        answersOrRefuses(text);
      }),
      { numRuns: 2000 },
    );
  });

  it('answers or refuses every random tree, and answers the valid queries', () => {
    for (const query of valid) expect(answersOrRefuses(query)).toBe(true);
    fc.assert(fc.property(queryTree, (tree) => void answersOrRefuses(printQuery(tree))), { numRuns: 1500 });
  });
});
