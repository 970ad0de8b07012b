import type { AccountKind } from '../store/accounts.js';
import type { Expression, FieldPath, Literal, Predicate, Query } from './ast.js';
import { positionOf, resolveField, tables, type Field } from './fields.js';
import { queryError } from './queryError.js';
import { words } from './matchers.js';

// Turns a query tree into SQL over one site's rows. Every value, JSON path and pattern is a
// bound parameter; the SQL text is assembled only from fragments written in this file and in
// fields.ts. NOT is pushed down to the predicates, and a negated predicate is
// `NOT coalesce(p, 0)`, so a missing (null) value never makes NOT and != drop a record:
// `data.x != 1` and `NOT data.x > 1` both match records without data.x (docs/behaviour.md).

export interface Fragment {
  sql: string;
  params: unknown[];
}

export interface Plan {
  /** The FROM target, with the index hint when one applies. */
  table: string;
  key: string;
  where: Fragment;
  orderBy: Fragment;
  /**
   * The WHERE needs a look at every row of the site (a condition on anything but UID or the
   * email): counting and paging then share one pass instead of two.
   */
  scan: boolean;
}

export interface Scope {
  site: string;
  /** FROM accounts only: which kinds (accountTypes). */
  kinds: readonly AccountKind[];
  /** searchDelayMs: only records last updated at or before this instant are visible. */
  visibleUntilMs: number | null;
}

export function compile(query: Query, scope: Scope): Plan {
  const { table, key } = tables[query.from];
  const conditions: Fragment[] = [{ sql: 'a.site = ?', params: [scope.site] }];
  if (query.from === 'accounts' && scope.kinds.length === 1) conditions.push({ sql: 'a.kind = ?', params: [scope.kinds[0]] });
  if (scope.visibleUntilMs !== null) conditions.push({ sql: 'a.last_updated_ms <= ?', params: [scope.visibleUntilMs] });
  if (query.where !== undefined) conditions.push(expression(query, query.where, false));
  const hint = query.from === 'accounts' && query.where !== undefined && filtersOnEmail(query, query.where) ? ' INDEXED BY accounts_email' : '';
  const scan = query.where !== undefined && needsScan(query, query.where);
  return { table: `${table} a${hint}`, key, where: join(conditions, ' AND '), orderBy: orderBy(query, key), scan };
}

function needsScan(query: Query, node: Expression): boolean {
  if (node.kind === 'and' || node.kind === 'or') return needsScan(query, node.left) || needsScan(query, node.right);
  if (node.kind === 'not') return needsScan(query, node.operand);
  const field = resolveField(query.from, node.field);
  return !(field.type === 'email' || (field.type === 'text' && field.sql === tables[query.from].key));
}

/**
 * Whether every match must have one of a few given emails: an email =, in or contains among
 * the top-level AND conditions. SQLite, without statistics, prefers walking the primary key
 * in UID order over the (site, email) index when a kind filter and an ORDER BY are present;
 * for these queries the index is always the right choice (bench/search.ts measures it), so it is named.
 */
function filtersOnEmail(query: Query, node: Expression): boolean {
  if (node.kind === 'and') return filtersOnEmail(query, node.left) || filtersOnEmail(query, node.right);
  const positive = (node.kind === 'compare' && node.operator === '=') || ((node.kind === 'in' || node.kind === 'contains') && !node.negated);
  return positive && resolveField(query.from, node.field).type === 'email';
}

function join(parts: Fragment[], separator: string): Fragment {
  return { sql: parts.map((part) => part.sql).join(separator), params: parts.flatMap((part) => part.params) };
}

function expression(query: Query, node: Expression, negated: boolean): Fragment {
  switch (node.kind) {
    case 'not':
      return expression(query, node.operand, !negated);
    case 'and':
    case 'or': {
      // De Morgan: NOT (a AND b) = NOT a OR NOT b. Chains of the same operator are flattened,
      // so a long OR stays one level deep in SQL.
      const conjunction = (node.kind === 'and') !== negated;
      let children = chain(node, node.kind);
      // SQLite tests AND terms in the order written: cheap column tests first, JSON next,
      // JavaScript (contains, regex) last, so most rows are rejected before the costly terms.
      if (conjunction) children = [...children].sort((a, b) => cost(query, a) - cost(query, b));
      const joined = join(
        children.map((child) => expression(query, child, negated)),
        conjunction ? ' AND ' : ' OR ',
      );
      return { sql: `(${joined.sql})`, params: joined.params };
    }
    default: {
      const positive = predicate(query, node);
      return negated ? { sql: `NOT coalesce(${positive.sql}, 0)`, params: positive.params } : positive;
    }
  }
}

function cost(query: Query, node: Expression): number {
  if (node.kind === 'and' || node.kind === 'or') return Math.max(cost(query, node.left), cost(query, node.right));
  if (node.kind === 'not') return cost(query, node.operand);
  if (node.kind === 'contains' || node.kind === 'regex') return 2;
  return resolveField(query.from, node.field).type === 'json' ? 1 : 0;
}

function chain(node: Expression, kind: 'and' | 'or'): Expression[] {
  return node.kind === kind ? [...chain(node.left, kind), ...chain(node.right, kind)] : [node];
}

function predicate(query: Query, node: Predicate): Fragment {
  const field = resolveField(query.from, node.field);
  switch (node.kind) {
    case 'compare': {
      if (node.operator === '!=') {
        const equal = compare(field, node.field, '=', node.value);
        return { sql: `NOT coalesce(${equal.sql}, 0)`, params: equal.params };
      }
      return compare(field, node.field, node.operator, node.value);
    }
    case 'in': {
      const any = join(node.values.map((value) => compare(field, node.field, '=', value)), ' OR ');
      const sql = `(${any.sql})`;
      return node.negated ? { sql: `NOT coalesce(${sql}, 0)`, params: any.params } : { sql, params: any.params };
    }
    case 'isNull': {
      const sql = field.type === 'json' ? 'json_extract(' + field.column + ', ?) IS NULL' : `${field.sql} IS NULL`;
      const params = field.type === 'json' ? [field.path] : [];
      return node.negated ? { sql: `NOT (${sql})`, params } : { sql, params };
    }
    case 'contains':
    case 'regex': {
      const positive = node.kind === 'contains' ? contains(field, node.field, node.value) : regex(field, node.field, node.pattern);
      return node.negated ? { sql: `NOT coalesce(${positive.sql}, 0)`, params: positive.params } : positive;
    }
  }
}

type Ordering = '=' | '<' | '<=' | '>' | '>=';

function compare(field: Field, path: FieldPath, operator: Ordering, value: Literal): Fragment {
  const fault = (why: string) => queryError(`${field.name} ${why}`, positionOf(path));
  switch (field.type) {
    case 'text':
      if (typeof value !== 'string') throw fault('is text: compare it with a quoted string');
      return { sql: `${field.sql} ${operator} ?`, params: [value] };
    case 'email':
      if (typeof value !== 'string') throw fault('is text: compare it with a quoted string');
      if (operator !== '=') throw fault('is encrypted: only =, !=, in and contains apply');
      return { sql: `${field.sql} = ?`, params: [value.toLowerCase()] };
    case 'boolean':
      if (typeof value !== 'boolean') throw fault('is a boolean: compare it with true or false');
      if (operator !== '=') throw fault('is a boolean: only = and != apply');
      return { sql: `${field.sql} = ?`, params: [value ? 1 : 0] };
    case 'time':
      return { sql: `${field.sql} ${operator} ?`, params: [timeValue(value, fault)] };
    case 'json': {
      const c = field.column;
      if (typeof value === 'boolean') {
        if (operator !== '=') throw fault(`compared with ${value}: only = and != apply to booleans`);
        return { sql: `json_type(${c}, ?) = '${value ? 'true' : 'false'}'`, params: [field.path] };
      }
      // The type guard keeps text from matching numbers (and booleans from matching 0/1). It
      // comes second: the comparison already rejects most rows, and the parse is cached.
      const types = typeof value === 'string' ? "= 'text'" : "IN ('integer', 'real')";
      const test = { sql: `json_extract(${c}, ?) ${operator} ? AND json_type(${c}, ?) ${types}`, params: [field.path, value, field.path] };
      if (operator !== '=' || typeof value !== 'string') return { sql: `(${test.sql})`, params: test.params };
      // The JSON columns hold JSON.stringify output (the repositories write them), so a row
      // whose text lacks the value's JSON spelling cannot match: a substring test skips the parse.
      return { sql: `(instr(${c}, ?) > 0 AND ${test.sql})`, params: [JSON.stringify(value), ...test.params] };
    }
  }
}

function timeValue(value: Literal, fault: (why: string) => Error): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    const ms = Date.parse(value);
    if (/^\d{4}-\d{2}-\d{2}/.test(value) && Number.isFinite(ms)) return ms;
  }
  throw fault('is a date: compare it with Unix milliseconds or an ISO 8601 date string');
}

function contains(field: Field, path: FieldPath, value: Literal): Fragment {
  const fault = (why: string) => queryError(`${field.name} ${why}`, positionOf(path));
  const needle = JSON.stringify(value);
  switch (field.type) {
    case 'email':
      // Gigya: contains on an encrypted field is case-insensitive and matches the whole value.
      if (typeof value !== 'string') throw fault('is text: contains needs a quoted string');
      return { sql: `${field.sql} = ?`, params: [value.toLowerCase()] };
    case 'text':
      return prefiltered(field.sql, [], value, { sql: `gigya_contains('text', ${field.sql}, ?)`, params: [needle] });
    case 'json': {
      const extract = `json_extract(${field.column}, ?)`;
      const call = { sql: `gigya_contains(json_type(${field.column}, ?), ${extract}, ?)`, params: [field.path, field.path, needle] };
      return prefiltered(extract, [field.path], value, call);
    }
    default:
      throw fault('is not text: contains applies to text and arrays');
  }
}

/**
 * Calling JavaScript for every row is what makes `contains` slow; a row whose text does not
 * even hold the needle's longest word (ASCII case-folded by SQLite's lower()) cannot match,
 * so SQLite skips it first. Only the two characters whose JavaScript lower case is ASCII
 * (U+0130 and the Kelvin sign U+212A) can defeat lower(), and they always go to the full check.
 */
function prefiltered(value: string, valueParams: unknown[], literal: Literal, call: Fragment): Fragment {
  const longest = words(String(literal)).sort((a, b) => b.length - a.length)[0];
  if (longest === undefined || !/^[a-z0-9]+$/.test(longest)) return call;
  const filter = `(instr(lower(${value}), ?) > 0 OR instr(${value}, char(304)) > 0 OR instr(${value}, char(8490)) > 0)`;
  return { sql: `(${filter} AND ${call.sql})`, params: [...valueParams, longest, ...valueParams, ...valueParams, ...call.params] };
}

/** Longest regex pattern accepted (docs/behaviour.md). */
export const maxPatternLength = 200;

function regex(field: Field, path: FieldPath, pattern: string): Fragment {
  const fault = (why: string) => queryError(`${field.name} ${why}`, positionOf(path));
  checkPattern(pattern, fault);
  switch (field.type) {
    case 'text':
      return { sql: `gigya_regex('text', ${field.sql}, ?)`, params: [pattern] };
    case 'json':
      return { sql: `gigya_regex(json_type(${field.column}, ?), json_extract(${field.column}, ?), ?)`, params: [field.path, field.path, pattern] };
    case 'email':
      throw fault('is encrypted: regex does not apply');
    default:
      throw fault('is not text: regex applies to text');
  }
}

/**
 * Gigya's regex engine is an automaton (no catastrophic backtracking); JavaScript's is not. A
 * pattern that could backtrack exponentially (a quantified group holding a quantifier or an
 * alternation, a back-reference) is refused rather than allowed to stall the server.
 */
function checkPattern(pattern: string, fault: (why: string) => Error): void {
  if (pattern.length > maxPatternLength) throw fault(`regex longer than ${maxPatternLength} characters`);
  try {
    new RegExp(`^(?:${pattern})$`, 'u');
  } catch {
    throw fault('regex is not a valid pattern');
  }
  if (/\\[1-9]|\\k</.test(pattern)) throw fault('regex back-references are not supported');
  const stack: boolean[] = [];
  let risky = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[') {
      // Skip a character class: quantifier characters inside it are literal.
      for (i++; i < pattern.length && pattern[i] !== ']'; i++) if (pattern[i] === '\\') i++;
      continue;
    }
    if (c === '(') stack.push(false);
    else if (c === ')') {
      risky = stack.pop() ?? false;
      if (stack.length > 0 && risky) stack[stack.length - 1] = true;
      if (risky && /^[*+?{]/.test(pattern.slice(i + 1))) throw fault('regex repeats a group that itself repeats or alternates');
      continue;
    } else if ('*+?{|'.includes(c) && stack.length > 0) stack[stack.length - 1] = true;
  }
}

function orderBy(query: Query, key: string): Fragment {
  const parts: Fragment[] = [];
  for (const item of query.orderBy) {
    const field = resolveField(query.from, item.field);
    const direction = item.direction === 'desc' ? 'DESC' : 'ASC';
    if (field.type === 'email') throw queryError(`${field.name} is encrypted: it cannot be sorted on`, positionOf(item.field));
    if (field.type === 'json') {
      // Records without the value sort last either way, as Gigya's search engine does.
      const value = `json_extract(${field.column}, ?)`;
      parts.push({ sql: `${value} IS NULL, ${value} ${direction}`, params: [field.path, field.path] });
    } else if (field.type === 'time' && field.nullable) {
      parts.push({ sql: `${field.sql} IS NULL, ${field.sql} ${direction}`, params: [] });
    } else if (field.type === 'text' && field.sql === 'a.reg_source') {
      parts.push({ sql: `${field.sql} IS NULL, ${field.sql} ${direction}`, params: [] });
    } else {
      parts.push({ sql: `${field.sql} ${direction}`, params: [] });
    }
  }
  // The key breaks ties, so pages and cursors are stable. It runs in the direction of the last
  // sort field: indexes end with the key, so `ORDER BY created DESC` is one backward index walk.
  const last = query.orderBy[query.orderBy.length - 1];
  parts.push({ sql: last?.direction === 'desc' ? `${key} DESC` : key, params: [] });
  return join(parts, ', ');
}
