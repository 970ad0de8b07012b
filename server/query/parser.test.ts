import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GigyaError } from '../protocol/errors.js';
import type { Expression } from './ast.js';
import { parseQuery } from './parser.js';
import { printQuery } from './printer.js';
import { queryTree } from './testArbitraries.js';

function parseError(text: string): GigyaError {
  try {
    parseQuery(text);
  } catch (error) {
    if (error instanceof GigyaError) return error;
    throw error;
  }
  throw new Error(`expected ${text} to be refused`);
}

describe('parseQuery', () => {
  it('reads a full query into a tree', () => {
    expect(
      parseQuery(
        'SELECT UID, profile.firstName AS name FROM accounts WHERE data.score >= 10 AND NOT profile.country in ("BE", \'FR\') ' +
          'ORDER BY created DESC, UID START 5 LIMIT 20',
      ),
    ).toEqual({
      select: { kind: 'items', items: [{ kind: 'field', path: ['UID'] }, { kind: 'field', path: ['profile', 'firstName'], alias: 'name' }] },
      from: 'accounts',
      where: {
        kind: 'and',
        left: { kind: 'compare', field: ['data', 'score'], operator: '>=', value: 10 },
        right: { kind: 'not', operand: { kind: 'in', field: ['profile', 'country'], values: ['BE', 'FR'], negated: false } },
      },
      orderBy: [
        { field: ['created'], direction: 'desc' },
        { field: ['UID'], direction: 'asc' },
      ],
      start: 5,
      limit: 20,
    });
  });

  it('binds AND tighter than OR', () => {
    const where = parseQuery('SELECT * FROM accounts WHERE UID = "a" OR UID = "b" AND UID = "c"').where;
    expect(where?.kind).toBe('or');
    expect(where?.kind === 'or' && where.right.kind).toBe('and');
  });

  it('reads count(*), aliases, regex, contains, is null and every literal type', () => {
    expect(parseQuery('select count(*) as total from emailAccounts').select).toEqual({ kind: 'count', alias: 'total' });
    const where = parseQuery(
      "SELECT *, data FROM accounts WHERE a.b = regex('x\\d+') OR a.c != regex(\"y\") OR a.d NOT CONTAINS 'w' OR a.e IS NOT NULL OR a.f = -1.5e3 OR a.g = false",
    ).where;
    expect(JSON.stringify(where)).toContain('"pattern":"x\\\\d+"');
    expect(JSON.stringify(where)).toContain('"value":-1500');
    expect(JSON.stringify(where)).toContain('"kind":"isNull","field":["a","e"],"negated":true');
  });

  it('decodes string escapes', () => {
    const where = parseQuery('SELECT * FROM accounts WHERE a.b = "q\\"\\\\\\n\\t\\u00e9\\d"').where;
    expect(where).toEqual({ kind: 'compare', field: ['a', 'b'], operator: '=', value: 'q"\\\n\té\\d' });
  });

  it.each([
    ['SELECT * FROM users', 'expected accounts or emailAccounts but found "users"', 14],
    ['SELECT * FROM accounts; DROP TABLE accounts', '";" is not supported', 22],
    ['SELECT * WHERE UID = "x" FROM accounts', 'expected FROM but found "WHERE"', 9],
    ['SELECT * FROM accounts LIMIT 5 ORDER BY UID', 'ORDER clause out of order', 31],
    ['SELECT * FROM accounts WHERE UID = "a" LIMIT 5 WHERE UID = "b"', 'WHERE clause out of order', 47],
    ['SELECT * FROM accounts JOIN sites', 'JOIN is not supported', 23],
    ['SELECT * FROM accounts GROUP BY UID', 'GROUP is not supported', 23],
    ['SELECT * FROM accounts HAVING count(*) > 1', 'HAVING is not supported', 23],
    ['SELECT * FROM accounts WHERE UID in (SELECT UID FROM accounts)', 'subqueries are not supported', 37],
    ['SELECT * FROM (SELECT * FROM accounts)', 'subqueries are not supported', 14],
    ['SELECT * FROM accounts, emailAccounts', 'only one data source is supported', 22],
    ['SELECT * FROM accounts WHERE UID = "x', 'unterminated string', 35],
    ['SELECT * FROM accounts WHERE UID = null', 'null is not a value', 35],
    ['SELECT * FROM accounts -- all of them', 'comments are not supported', 23],
    ['SELECT * FROM accounts /* all */', 'comments are not supported', 23],
    ['SELECT * FROM accounts WHERE UID <> "x"', 'unsupported operator "<>"', 33],
    ['SELECT * FROM accounts WHERE UID LIKE "x%"', 'LIKE is not supported', 33],
    ['SELECT min(data.score) FROM accounts', 'function min() is not supported', 7],
    ['SELECT count(*), UID FROM accounts', 'count(*) cannot be combined', 15],
    ['SELECT * FROM accounts WHERE profile.1abc = 1', 'invalid field name segment "1abc"', 37],
    ['SELECT * FROM accounts WHERE profile. = 1', 'invalid field name segment ""', 37],
    ['SELECT * FROM accounts WHERE data.x = regex(1)', 'expected a quoted regex pattern', 44],
    ['SELECT * FROM accounts WHERE data.x > regex("a")', 'regex() needs = or !=', 36],
    ['SELECT * FROM accounts LIMIT -1', 'expected a whole number after LIMIT', 29],
    ['SELECT * FROM accounts LIMIT 1.5', 'expected a whole number after LIMIT', 29],
    ['SELECT * FROM accounts WHERE (UID = "a"', 'expected ")" but found end of query', 39],
    ['SELECT * FROM accounts WHERE', 'expected a field name but found end of query', 28],
    ['SELECT * FROM accounts WHERE UID = "a" AND', 'expected a field name but found end of query', 42],
    ['SELECT * FROM accounts WHERE 1 = 1', 'expected a field name but found number 1', 29],
    ['SELECT * FROM accounts WHERE UID = 5x', 'unexpected character after a number', 36],
    ['SELECT * FROM accounts WHERE UID = 1e999', 'number out of range', 35],
    ['SELECT * FROM accounts WHERE UID = "\\u12"', 'invalid \\u escape', 36],
    ['SELECT * FROM accounts WHERE UID = @x', 'unexpected character "@"', 35],
    ['', 'expected SELECT but found end of query', 0],
    ['DELETE FROM accounts', 'DELETE is not supported', 0],
    ['PRAGMA table_info(accounts)', 'PRAGMA is not supported', 0],
    ['SELECT * FROM accounts UNION SELECT * FROM emailAccounts', 'UNION is not supported', 23],
  ])('refuses %j: %s at position %i', (text, fault, position) => {
    const error = parseError(text);
    expect(error.errorCode).toBe(400006);
    expect(error.errorMessage).toBe('Invalid parameter value');
    expect(error.errorDetails).toContain(fault);
    expect(error.errorDetails).toContain(`at position ${position}`);
  });

  it('refuses nesting deeper than the limit and overlong queries', () => {
    expect(parseError(`SELECT * FROM accounts WHERE ${'('.repeat(40)}UID = "a"${')'.repeat(40)}`).errorDetails).toContain('nested deeper');
    expect(parseError(`SELECT * FROM accounts WHERE ${'NOT '.repeat(40)}UID = "a"`).errorDetails).toContain('nested deeper');
    expect(parseError(`SELECT * FROM accounts WHERE ${Array.from({ length: 201 }, () => 'UID = "a"').join(' OR ')}`).errorDetails).toContain(
      'more than 200 conditions',
    );
    expect(parseError(`SELECT * FROM accounts WHERE UID = "${'x'.repeat(10_001)}"`).errorDetails).toContain('longer than');
  });
});

/** Trees deeper than the parser accepts are not texts it must read back. */
function depth(node: Expression): number {
  if (node.kind === 'and' || node.kind === 'or') return Math.max(depth(node.left), depth(node.right)) + 1;
  if (node.kind === 'not') return depth(node.operand) + 1;
  return 0;
}

describe('printQuery', () => {
  it('prints canonical text', () => {
    const text = 'select uid as u, * from accounts where not (a.b = 1 or a.c contains "x") and a.d is null order by a.e limit 3 start 1';
    expect(printQuery(parseQuery(text))).toBe(
      'SELECT uid AS u, * FROM accounts WHERE NOT (a.b = 1 OR a.c CONTAINS "x") AND a.d IS NULL ORDER BY a.e ASC START 1 LIMIT 3',
    );
  });

  it('parenthesises a right operand of the same operator, so the tree survives', () => {
    const tree = parseQuery('SELECT * FROM accounts WHERE a.x = 1 AND (a.y = 2 AND a.z = 3)');
    expect(printQuery(tree)).toBe('SELECT * FROM accounts WHERE a.x = 1 AND (a.y = 2 AND a.z = 3)');
  });

  it('round-trips random trees: parseQuery(printQuery(tree)) equals tree', () => {
    fc.assert(
      fc.property(
        queryTree.filter((tree) => tree.where === undefined || depth(tree.where) < 16),
        (tree) => {
          expect(parseQuery(printQuery(tree))).toEqual(tree);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
