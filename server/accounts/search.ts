import { z } from 'zod';
import { boolean, identifier, integer, list, text } from '../protocol/codecs.js';
import { GigyaError } from '../protocol/errors.js';
import { gigyaMethod, type MethodContext, type MethodResult } from '../protocol/method.js';
import type { Account, AccountKind } from '../store/accounts.js';
import { maxBatchSize, type Batch } from '../store/index.js';
import type { Query, Select, Source } from '../query/ast.js';
import { compile } from '../query/compile.js';
import { parseQuery } from '../query/parser.js';
import { checkSelectable } from '../query/fields.js';
import { project } from '../query/projection.js';
import { accountBase, accountParts, emailAccountView } from './accountView.js';

// accounts.search (gigya-api.md §7): Gigya's SQL-like query over a site's accounts
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

/** accountTypes: full (default), lite, or both, as CSV or the JSON array some SDKs send. */
const accountTypes = list.transform((names, ctx): AccountKind[] | undefined => {
  if (names === undefined) return undefined;
  const kinds = new Set<AccountKind>();
  for (const name of names) {
    if (name !== 'full' && name !== 'lite') {
      ctx.addIssue({ code: 'custom', message: 'expected full, lite or full,lite', input: names });
      return undefined;
    }
    kinds.add(name);
  }
  return [...kinds].sort();
});

const params = z.object({
  // Validated as Gigya documents it, not enforced: a fake's queries finish long before (docs/behaviour.md).
  timeout: integer(1, searchLimits.maxTimeoutMs, 'milliseconds'),
  cursorId: identifier,
  query: text,
  openCursor: boolean,
  accountTypes,
});

type SearchContext = MethodContext<z.output<typeof params>>;

export const search = gigyaMethod({
  name: 'accounts.search',
  params,
  // querySig/expTime client-side search is not emulated: every call needs server credentials.
  allowsClientSide: () => false,
  handle(context): MethodResult {
    const { params } = context;
    const { cursorId, query: text } = params;
    if (cursorId !== undefined) {
      if (text !== undefined) throw GigyaError.invalidParameter('cursorId', 'cursorId cannot be combined with query');
      return nextBatch(context, cursorId);
    }
    if (text === undefined || text.trim() === '') throw GigyaError.missingParameter('query');
    const query = parseQuery(text);
    checkSelect(query);
    const openCursor = params.openCursor ?? false;
    const kinds = params.accountTypes ?? ['full'];
    const delay = context.site.policies.searchDelayMs;
    const plan = compile(query, {
      site: context.site.apiKey,
      kinds,
      visibleUntilMs: delay > 0 ? context.clock.now() - delay : null,
    });
    const { search, cursors } = context.store;

    if (query.select.kind === 'count') {
      const total = search.countMatches(plan);
      return { results: [{ [query.select.alias ?? 'count(*)']: total }], objectsCount: 1, totalCount: total };
    }
    if (openCursor) {
      if (query.start !== undefined) throw GigyaError.invalidParameter('query', 'START cannot be used with openCursor');
      cursors.sweep(context.clock.now());
      const batch = cursors.open({
        site: context.site.apiKey,
        source: query.from,
        select: query.select,
        keys: search.findKeys(plan, { offset: 0, limit: null }),
        batchSize: Math.min(query.limit ?? searchLimits.defaultLimit, maxBatchSize),
        lastUsedMs: context.clock.now(),
      });
      return batchResult(context, batch);
    }
    const start = query.start ?? 0;
    if (start > searchLimits.maxStart) throw GigyaError.invalidParameter('query', `START is at most ${searchLimits.maxStart}; use openCursor to read further`);
    // LIMIT is capped silently (Gigya), and without a cursor no record past the 5000th is reachable.
    const limit = Math.min(query.limit ?? searchLimits.defaultLimit, searchLimits.maxLimit, searchLimits.maxWithoutCursor - start);
    const page = search.findPage(plan, { offset: start, limit: Math.max(limit, 0) });
    const results = records(context, query.from, query.select, page.keys);
    return { results, objectsCount: results.length, totalCount: page.total };
  },
});

function nextBatch(context: SearchContext, cursorId: string): MethodResult {
  const batch = context.store.cursors.next(cursorId, context.site.apiKey, context.clock.now());
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
