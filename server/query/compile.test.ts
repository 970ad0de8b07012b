import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../store/index.js';
import { compile, type Plan } from './compile.js';
import { parseQuery } from './parser.js';

const store = openStore({ file: ':memory:' });
afterAll(() => store.close());

function planOf(text: string, kinds: Array<'full' | 'lite'> = ['full']): Plan {
  return compile(parseQuery(text), { site: 'site', kinds, visibleUntilMs: null });
}

function queryPlan(plan: Plan): string {
  return store.search.explain(plan).join(' | ');
}

describe('compile', () => {
  it('binds every value, path and pattern; the SQL text holds none of the query text', () => {
    const plan = planOf(`SELECT * FROM accounts WHERE data.evil_path = "') OR 1=1 --" AND UID = regex("x'y") ORDER BY profile.zzz`);
    const sql = `${plan.table} ${plan.where.sql} ${plan.orderBy.sql}`;
    for (const fragment of ['evil_path', 'OR 1=1', "x'y", 'zzz']) expect(sql).not.toContain(fragment);
    expect(plan.where.params).toEqual(['site', 'full', `"') OR 1=1 --"`, '$.evil_path', "') OR 1=1 --", '$.evil_path', "x'y"]);
    expect(plan.orderBy.params).toEqual(['$.zzz', '$.zzz']);
  });

  it('answers UID equality from the primary key', () => {
    expect(queryPlan(planOf('SELECT * FROM accounts WHERE UID = "u1"'))).toContain('USING PRIMARY KEY (site=? AND uid=?)');
    expect(queryPlan(planOf('SELECT * FROM accounts WHERE UID = "u1"', ['full', 'lite']))).toContain('USING PRIMARY KEY (site=? AND uid=?)');
  });

  it('answers profile.email equality from the email index, whatever the kinds and ORDER BY', () => {
    for (const kinds of [['full'], ['lite'], ['full', 'lite']] as Array<Array<'full' | 'lite'>>) {
      expect(queryPlan(planOf('SELECT * FROM accounts WHERE profile.email = "a@b.c"', kinds))).toContain('accounts_email (site=? AND email=?)');
      expect(queryPlan(planOf('SELECT * FROM accounts WHERE data.x = 1 AND profile.email in ("a@b.c", "d@e.f") ORDER BY created DESC', kinds))).toContain(
        'accounts_email (site=? AND email=?)',
      );
    }
    expect(queryPlan(planOf('SELECT * FROM emailAccounts WHERE profile.email = "a@b.c"'))).toContain('USING PRIMARY KEY (site=? AND email=?)');
  });

  it('sorts by creation date from the (site, kind, created) index for one account type', () => {
    expect(queryPlan(planOf('SELECT * FROM accounts ORDER BY created DESC LIMIT 10'))).toContain('accounts_kind_created (site=? AND kind=?)');
  });
});
