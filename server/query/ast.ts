// The accounts.search query as a tree (gigya-api.md §7). The parser is the only producer of
// trees from text; the printer turns one back into canonical text, and the compiler turns one
// into SQL with bound parameters. Field paths are arrays of validated identifiers.

/** A path segment: what the lexer accepts and the compiler trusts inside a JSON path. */
export const segmentPattern = /^[A-Za-z_][A-Za-z0-9_]*$/;

export type Source = 'accounts' | 'emailAccounts';
export const sources: readonly Source[] = ['accounts', 'emailAccounts'];

export type FieldPath = string[];
export type Literal = string | number | boolean;

export type SelectItem = { kind: 'all' } | { kind: 'field'; path: FieldPath; alias?: string };
export type Select = { kind: 'count'; alias?: string } | { kind: 'items'; items: SelectItem[] };

export type CompareOperator = '=' | '!=' | '<' | '<=' | '>' | '>=';
export const compareOperators: readonly CompareOperator[] = ['=', '!=', '<', '<=', '>', '>='];

export type Expression =
  | { kind: 'and'; left: Expression; right: Expression }
  | { kind: 'or'; left: Expression; right: Expression }
  | { kind: 'not'; operand: Expression }
  | { kind: 'compare'; field: FieldPath; operator: CompareOperator; value: Literal }
  | { kind: 'contains'; field: FieldPath; value: Literal; negated: boolean }
  | { kind: 'in'; field: FieldPath; values: Literal[]; negated: boolean }
  | { kind: 'isNull'; field: FieldPath; negated: boolean }
  /** `field = regex('p')` (negated: `field != regex('p')`); the pattern is anchored. */
  | { kind: 'regex'; field: FieldPath; pattern: string; negated: boolean };

export type Predicate = Exclude<Expression, { kind: 'and' | 'or' | 'not' }>;

export interface OrderItem {
  field: FieldPath;
  direction: 'asc' | 'desc';
}

export interface Query {
  select: Select;
  from: Source;
  where?: Expression;
  orderBy: OrderItem[];
  start?: number;
  limit?: number;
}
