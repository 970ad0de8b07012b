import { randomBytes } from 'node:crypto';
import { GigyaError } from '../protocol/errors.js';
import type { GigyaMethod, MethodContext, MethodResult, Params } from '../protocol/method.js';
import type { Account, AccountKind } from '../store/accounts.js';
import type { Store } from '../store/index.js';
import type { Query, Select, Source } from '../query/ast.js';
import { compile } from '../query/compile.js';
import { CursorStore, maxBatchSize, type Batch } from '../query/cursors.js';
import { countMatches, findKeys, findPage } from '../query/execute.js';
import { parseQuery } from '../query/parser.js';
import { checkSelectable } from '../query/fields.js';
import { project } from '../query/projection.js';
import { accountBase, accountParts, emailAccountView } from './accountView.js';

// accounts.search (gigya-api.md §7, issue 3): Gigya's SQL-like query over a site's accounts
// (FROM accounts, kinds chosen by accountTypes) or emailAccounts. Server-side only here: the
// client-side form (querySig + expTime) is not emulated (docs/behaviour.md).

/** Gigya's limits (gigya-api.md §7). */
export const searchLimits = {
  defaultLimit: 300,
  maxLimit: 10_000,
  maxStart: 5000,
  /** Records reachable without a cursor: START + LIMIT is cut at this. */
  maxWithoutCursor: 5000,
  defaultTimeoutMs: 20_000,
  maxTimeoutMs: 60_000,
};

/** Cursors live with the store they page through: one fake, one set of cursors. */
const cursorStores = new WeakMap<Store, CursorStore>();

function cursorsOf(store: Store): CursorStore {
  let cursors = cursorStores.get(store);
  if (cursors === undefined) cursorStores.set(store, (cursors = new CursorStore(() => randomBytes(24).toString('base64url'))));
  return cursors;
}

export const search: GigyaMethod = {
  name: 'accounts.search',
  // querySig/expTime client-side search is not emulated: every call needs server credentials.
  allowsClientSide: () => false,
  handle(context: MethodContext): MethodResult {
    const { params } = context;
    const cursorId = params.cursorId;
    const text = params.query;
    readTimeout(params);
    if (cursorId !== undefined && cursorId !== '') {
      if (text !== undefined && text !== '') throw GigyaError.invalidParameter('cursorId', 'cursorId cannot be combined with query');
      return nextBatch(context, cursorId);
    }
    if (text === undefined || text.trim() === '') throw GigyaError.missingParameter('query');
    const query = parseQuery(text);
    checkSelect(query);
    const openCursor = readBoolean(params, 'openCursor');
    const kinds = readAccountTypes(params);
    const delay = context.site.policies.searchDelayMs;
    const plan = compile(query, {
      site: context.site.apiKey,
      kinds,
      visibleUntilMs: delay > 0 ? context.clock.now() - delay : null,
    });
    const db = context.store.db;

    if (query.select.kind === 'count') {
      const total = countMatches(db, plan);
      return { results: [{ [query.select.alias ?? 'count(*)']: total }], objectsCount: 1, totalCount: total };
    }
    if (openCursor) {
      if (query.start !== undefined) throw GigyaError.invalidParameter('query', 'START cannot be used with openCursor');
      const cursors = cursorsOf(context.store);
      cursors.sweep(context.clock.now());
      const batch = cursors.open({
        site: context.site.apiKey,
        source: query.from,
        select: query.select,
        keys: findKeys(db, plan, { offset: 0, limit: null }),
        batchSize: Math.min(query.limit ?? searchLimits.defaultLimit, maxBatchSize),
        lastUsedMs: context.clock.now(),
      });
      return batchResult(context, batch);
    }
    const start = query.start ?? 0;
    if (start > searchLimits.maxStart) throw GigyaError.invalidParameter('query', `START is at most ${searchLimits.maxStart}; use openCursor to read further`);
    // LIMIT is capped silently (Gigya), and without a cursor no record past the 5000th is reachable.
    const limit = Math.min(query.limit ?? searchLimits.defaultLimit, searchLimits.maxLimit, searchLimits.maxWithoutCursor - start);
    const page = findPage(db, plan, { offset: start, limit: Math.max(limit, 0) });
    const results = records(context, query.from, query.select, page.keys);
    return { results, objectsCount: results.length, totalCount: page.total };
  },
};

function nextBatch(context: MethodContext, cursorId: string): MethodResult {
  const batch = cursorsOf(context.store).next(cursorId, context.site.apiKey, context.clock.now());
  if (batch === null) throw GigyaError.invalidParameter('cursorId', 'unknown or expired cursor');
  return batchResult(context, batch);
}

function batchResult(context: MethodContext, batch: Batch): MethodResult {
  const results = records(context, batch.cursor.source, batch.cursor.select, batch.keys);
  const result: MethodResult = { results, objectsCount: results.length, totalCount: batch.cursor.keys.length };
  // Absent on the last batch (gigya-api.md §7).
  if (batch.nextCursorId !== undefined) result.nextCursorId = batch.nextCursorId;
  return result;
}

/**
 * Reads the records of the keys, in order, as getAccountInfo and the emailAccounts object
 * show them. `*` on FROM accounts leaves subscriptions out (gigya-api.md §7: "FROM accounts
 * omits subscriptions"); naming them (`SELECT subscriptions`) returns them. A record deleted
 * since its key was found (a cursor's snapshot) is skipped.
 */
function records(context: MethodContext, source: Source, select: Select, keys: string[]): Record<string, unknown>[] {
  const { store, site } = context;
  const results: Record<string, unknown>[] = [];
  for (const key of keys) {
    if (source === 'accounts') {
      const account = store.accounts.get(site.apiKey, key);
      if (account === null) continue;
      const record = accountRecord(account);
      const { subscriptions: _omitted, ...star } = record;
      results.push(project(record, select, star));
    } else {
      const emailAccount = store.emailAccounts.get(site.apiKey, key);
      if (emailAccount === null) continue;
      const record = emailAccountView(emailAccount);
      results.push(project(record, select, record));
    }
  }
  return results;
}

function accountRecord(account: Account): Record<string, unknown> {
  return { ...accountBase(account), ...accountParts(account) };
}

function checkSelect(query: Query): void {
  if (query.select.kind !== 'items') return;
  for (const item of query.select.items) if (item.kind === 'field') checkSelectable(query.from, item.path);
}

function readBoolean(params: Params, name: string): boolean {
  const value = params[name]?.trim().toLowerCase();
  if (value === undefined || value === '' || value === 'false' || value === '0') return false;
  if (value === 'true' || value === '1') return true;
  throw GigyaError.invalidParameter(name, 'expected true or false');
}

/** accountTypes: full (default), lite, or both as CSV (or the JSON array some SDKs send). */
function readAccountTypes(params: Params): AccountKind[] {
  const text = params.accountTypes?.trim();
  if (text === undefined || text === '') return ['full'];
  let names: unknown[];
  if (text.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(text);
      names = Array.isArray(parsed) ? parsed : [parsed];
    } catch {
      throw GigyaError.invalidParameter('accountTypes', 'expected full, lite or full,lite');
    }
  } else {
    names = text.split(',').map((name) => name.trim());
  }
  const kinds = new Set<AccountKind>();
  for (const name of names) {
    if (name !== 'full' && name !== 'lite') throw GigyaError.invalidParameter('accountTypes', 'expected full, lite or full,lite');
    kinds.add(name);
  }
  return [...kinds].sort();
}

/**
 * timeout: validated as Gigya documents it (ms, at most 60000) but not enforced: a fake's
 * queries over a test data set finish long before (docs/behaviour.md).
 */
function readTimeout(params: Params): number {
  const text = params.timeout?.trim();
  if (text === undefined || text === '') return searchLimits.defaultTimeoutMs;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < 1 || value > searchLimits.maxTimeoutMs) {
    throw GigyaError.invalidParameter('timeout', `expected milliseconds between 1 and ${searchLimits.maxTimeoutMs}`);
  }
  return value;
}
