import type { Plan } from '../query/compile.js';
import { containsMatch, regexMatch } from '../query/matchers.js';
import type { Db } from './database.js';

// Runs a compiled accounts.search plan. Only keys come back (UIDs or emails), in order; the
// records are read through the repositories, so a search result and getAccountInfo always agree.

/** Distinct query texts kept prepared; a new shape beyond this empties the cache. */
const maxCachedStatements = 200;

export class SearchRepository {
  private readonly statements = new Map<string, ReturnType<Db['prepare']>>();

  constructor(private readonly db: Db) {
    registerSearchFunctions(db);
  }

  /** The keys of matching records in order; `limit` null reads them all (a cursor's snapshot). */
  findKeys(plan: Plan, page: { offset: number; limit: number | null }): string[] {
    const paging = page.limit === null ? (page.offset > 0 ? ' LIMIT -1 OFFSET ?' : '') : ' LIMIT ? OFFSET ?';
    const sql = `SELECT ${plan.key} AS key FROM ${plan.table} WHERE ${plan.where.sql} ORDER BY ${plan.orderBy.sql}${paging}`;
    const params = [...plan.where.params, ...plan.orderBy.params];
    if (page.limit !== null) params.push(page.limit, page.offset);
    else if (page.offset > 0) params.push(page.offset);
    return this.prepare(sql)
      .pluck()
      .all(...params) as string[];
  }

  /**
   * A page of keys and the number of all matches. A plan that scans anyway reads every matching
   * key in one pass; an indexed one counts and pages separately, each from the index.
   */
  findPage(plan: Plan, page: { offset: number; limit: number }): { keys: string[]; total: number } {
    if (plan.scan) {
      const all = this.findKeys(plan, { offset: 0, limit: null });
      return { keys: all.slice(page.offset, page.offset + page.limit), total: all.length };
    }
    return { keys: page.limit > 0 ? this.findKeys(plan, page) : [], total: this.countMatches(plan) };
  }

  countMatches(plan: Plan): number {
    const sql = `SELECT count(*) FROM ${plan.table} WHERE ${plan.where.sql}`;
    return this.prepare(sql).pluck().get(...plan.where.params) as number;
  }

  /** SQLite's plan for a compiled query: which index it uses, for tests of the compiler. */
  explain(plan: Plan): string[] {
    const sql = `SELECT ${plan.key} FROM ${plan.table} WHERE ${plan.where.sql} ORDER BY ${plan.orderBy.sql} LIMIT 300`;
    const rows = this.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...plan.where.params, ...plan.orderBy.params) as Array<{ detail: string }>;
    return rows.map((row) => row.detail);
  }

  private prepare(sql: string): ReturnType<Db['prepare']> {
    let statement = this.statements.get(sql);
    if (statement === undefined) {
      if (this.statements.size >= maxCachedStatements) this.statements.clear();
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}

/**
 * Registers the search predicates as deterministic SQL functions; their arguments are always
 * bound values (the JSON type, the value, the needle or pattern), never query text.
 */
function registerSearchFunctions(db: Db): void {
  // The needle is the same JSON text for every row of a query: parsed once, not per row.
  let lastNeedle: { text: unknown; value: unknown } = { text: undefined, value: undefined };
  db.function('gigya_contains', { deterministic: true }, (type: unknown, value: unknown, needle: unknown) => {
    if (lastNeedle.text !== needle) lastNeedle = { text: needle, value: JSON.parse(String(needle)) as unknown };
    return containsMatch(type, value, lastNeedle.value) ? 1 : 0;
  });
  db.function('gigya_regex', { deterministic: true }, (type: unknown, value: unknown, pattern: unknown) =>
    regexMatch(type, value, String(pattern)) ? 1 : 0,
  );
}
