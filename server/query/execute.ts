import type { Db } from '../store/database.js';
import type { Plan } from './compile.js';
import { registerSearchFunctions } from './sqlFunctions.js';

// Runs a compiled plan. Only keys come back (UIDs or emails), in order; the records are read
// through the repositories, so a search result and getAccountInfo always agree.

const statementCache = new WeakMap<Db, Map<string, ReturnType<Db['prepare']>>>();

function prepare(db: Db, sql: string): ReturnType<Db['prepare']> {
  registerSearchFunctions(db);
  let cache = statementCache.get(db);
  if (cache === undefined) statementCache.set(db, (cache = new Map()));
  let statement = cache.get(sql);
  if (statement === undefined) {
    if (cache.size >= 200) cache.clear();
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}

/** The keys of matching records in order; `limit` null reads them all (a cursor's snapshot). */
export function findKeys(db: Db, plan: Plan, page: { offset: number; limit: number | null }): string[] {
  const paging = page.limit === null ? (page.offset > 0 ? ' LIMIT -1 OFFSET ?' : '') : ' LIMIT ? OFFSET ?';
  const sql = `SELECT ${plan.key} AS key FROM ${plan.table} WHERE ${plan.where.sql} ORDER BY ${plan.orderBy.sql}${paging}`;
  const params = [...plan.where.params, ...plan.orderBy.params];
  if (page.limit !== null) params.push(page.limit, page.offset);
  else if (page.offset > 0) params.push(page.offset);
  return prepare(db, sql)
    .pluck()
    .all(...params) as string[];
}

/**
 * A page of keys and the number of all matches. A plan that scans anyway reads every matching
 * key in one pass; an indexed one counts and pages separately, each from the index.
 */
export function findPage(db: Db, plan: Plan, page: { offset: number; limit: number }): { keys: string[]; total: number } {
  if (plan.scan) {
    const all = findKeys(db, plan, { offset: 0, limit: null });
    return { keys: all.slice(page.offset, page.offset + page.limit), total: all.length };
  }
  return { keys: page.limit > 0 ? findKeys(db, plan, page) : [], total: countMatches(db, plan) };
}

export function countMatches(db: Db, plan: Plan): number {
  const sql = `SELECT count(*) FROM ${plan.table} WHERE ${plan.where.sql}`;
  return prepare(db, sql).pluck().get(...plan.where.params) as number;
}
