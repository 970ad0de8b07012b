// fast-check generators of query trees, for the property tests (parser.test.ts, fuzz.test.ts).
import fc from 'fast-check';
import type { Expression, FieldPath, Literal, OrderItem, Query, Select, SelectItem } from './ast.js';
import { isReservedWord } from './parser.js';

const identifier = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,7}$/);
const standalone = identifier.filter((word) => !isReservedWord(word));
const fieldPath: fc.Arbitrary<FieldPath> = fc.oneof(
  fc.constantFrom('UID', 'created', 'isActive', 'regSource', 'email').map((name) => [name]),
  fc.constant(['profile', 'email']).map((path) => [...path]),
  standalone.map((word) => [word]),
  fc.tuple(fc.constantFrom('profile', 'data', 'subscriptions', 'preferences'), fc.array(identifier, { minLength: 1, maxLength: 3 })).map(
    ([top, rest]) => [top, ...rest],
  ),
);
const literal: fc.Arbitrary<Literal> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)),
  fc.boolean(),
);
const { expression } = fc.letrec<{ expression: Expression; predicate: Expression }>((tie) => ({
  expression: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('predicate'),
    fc.record({ kind: fc.constant('and' as const), left: tie('expression'), right: tie('expression') }),
    fc.record({ kind: fc.constant('or' as const), left: tie('expression'), right: tie('expression') }),
    fc.record({ kind: fc.constant('not' as const), operand: tie('expression') }),
  ),
  predicate: fc.oneof(
    fc.record({ kind: fc.constant('compare' as const), field: fieldPath, operator: fc.constantFrom('=', '!=', '<', '<=', '>', '>=' as const), value: literal }),
    fc.record({ kind: fc.constant('contains' as const), field: fieldPath, value: literal, negated: fc.boolean() }),
    fc.record({ kind: fc.constant('in' as const), field: fieldPath, values: fc.array(literal, { minLength: 1, maxLength: 4 }), negated: fc.boolean() }),
    fc.record({ kind: fc.constant('isNull' as const), field: fieldPath, negated: fc.boolean() }),
    fc.record({ kind: fc.constant('regex' as const), field: fieldPath, pattern: fc.string({ unit: 'binary', maxLength: 12 }), negated: fc.boolean() }),
  ),
}));
const selectItem: fc.Arbitrary<SelectItem> = fc.oneof(
  fc.constant({ kind: 'all' as const }),
  fc.record({ kind: fc.constant('field' as const), path: fieldPath, alias: standalone }, { requiredKeys: ['kind', 'path'] }),
);
const select: fc.Arbitrary<Select> = fc.oneof(
  fc.record({ kind: fc.constant('count' as const), alias: standalone }, { requiredKeys: ['kind'] }),
  fc.record({ kind: fc.constant('items' as const), items: fc.array(selectItem, { minLength: 1, maxLength: 4 }) }),
);
const orderItem: fc.Arbitrary<OrderItem> = fc.record({ field: fieldPath, direction: fc.constantFrom('asc' as const, 'desc' as const) });
export const queryTree: fc.Arbitrary<Query> = fc.record(
  {
    select,
    from: fc.constantFrom('accounts' as const, 'emailAccounts' as const),
    where: expression,
    orderBy: fc.array(orderItem, { maxLength: 3 }),
    start: fc.nat(),
    limit: fc.nat(),
  },
  { requiredKeys: ['select', 'from', 'orderBy'] },
);

