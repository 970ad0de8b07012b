import type { Expression, Literal, OrderItem, Query, Select, SelectItem } from './ast.js';

// Prints a query tree as canonical text: keywords upper-case, strings double-quoted, ORDER BY
// directions explicit, parentheses only where precedence needs them. parseQuery(printQuery(q))
// gives back q (the round-trip property in parser.test.ts).

export function printQuery(query: Query): string {
  const parts = [`SELECT ${printSelect(query.select)}`, `FROM ${query.from}`];
  if (query.where !== undefined) parts.push(`WHERE ${printExpression(query.where)}`);
  if (query.orderBy.length > 0) parts.push(`ORDER BY ${query.orderBy.map(printOrderItem).join(', ')}`);
  if (query.start !== undefined) parts.push(`START ${query.start}`);
  if (query.limit !== undefined) parts.push(`LIMIT ${query.limit}`);
  return parts.join(' ');
}

function printSelect(select: Select): string {
  if (select.kind === 'count') return select.alias === undefined ? 'count(*)' : `count(*) AS ${select.alias}`;
  return select.items.map(printSelectItem).join(', ');
}

function printSelectItem(item: SelectItem): string {
  if (item.kind === 'all') return '*';
  const path = item.path.join('.');
  return item.alias === undefined ? path : `${path} AS ${item.alias}`;
}

function printOrderItem(item: OrderItem): string {
  return `${item.field.join('.')} ${item.direction.toUpperCase()}`;
}

const strength = { or: 1, and: 2, not: 3, leaf: 4 } as const;

function strengthOf(expression: Expression): number {
  return expression.kind === 'or' || expression.kind === 'and' || expression.kind === 'not' ? strength[expression.kind] : strength.leaf;
}

/** Wraps in parentheses when the operand binds less tightly than its position needs. */
function operand(expression: Expression, needs: number): string {
  const text = printExpression(expression);
  return strengthOf(expression) < needs ? `(${text})` : text;
}

export function printExpression(expression: Expression): string {
  switch (expression.kind) {
    case 'or':
    case 'and': {
      const own = strength[expression.kind];
      // Left-associative: a right operand of the same strength needs parentheses to stay on the right.
      return `${operand(expression.left, own)} ${expression.kind.toUpperCase()} ${operand(expression.right, own + 1)}`;
    }
    case 'not':
      return `NOT ${operand(expression.operand, strength.not)}`;
    case 'compare':
      return `${expression.field.join('.')} ${expression.operator} ${printLiteral(expression.value)}`;
    case 'contains':
      return `${expression.field.join('.')} ${expression.negated ? 'NOT CONTAINS' : 'CONTAINS'} ${printLiteral(expression.value)}`;
    case 'in':
      return `${expression.field.join('.')} ${expression.negated ? 'NOT IN' : 'IN'} (${expression.values.map(printLiteral).join(', ')})`;
    case 'isNull':
      return `${expression.field.join('.')} ${expression.negated ? 'IS NOT NULL' : 'IS NULL'}`;
    case 'regex':
      return `${expression.field.join('.')} ${expression.negated ? '!=' : '='} regex(${printString(expression.pattern)})`;
  }
}

export function printLiteral(value: Literal): string {
  if (typeof value === 'string') return printString(value);
  return String(value);
}

function printString(value: string): string {
  let text = '"';
  for (const c of value) {
    if (c === '"' || c === '\\') text += `\\${c}`;
    else if (c === '\n') text += '\\n';
    else if (c === '\r') text += '\\r';
    else if (c === '\t') text += '\\t';
    else if (c < ' ' || c === '\u007f') text += `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    else text += c;
  }
  return `${text}"`;
}
