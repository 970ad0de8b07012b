import { compareOperators, sources, type CompareOperator, type Expression, type FieldPath, type Literal, type OrderItem, type Query, type Select, type SelectItem, type Source } from './ast.js';
import { tokenize, type Token } from './lexer.js';
import { queryError } from './queryError.js';

// Recursive descent over Gigya's query grammar (gigya-api.md §7):
//   SELECT items FROM source [WHERE expr] [ORDER BY field [ASC|DESC], ...] [START n] [LIMIT n]
// with OR < AND < NOT in binding strength. START and LIMIT may come in either order (Gigya's
// "Start clause Or/And Limit clause"); every other clause order is an error.

/** Bounds that keep a query's SQL inside SQLite's expression limits (docs/behaviour.md). */
export const parserLimits = { predicates: 200, depth: 32, inValues: 1000 };

const keywords = new Set([
  'select', 'from', 'where', 'and', 'or', 'not', 'contains', 'in', 'is', 'null', 'true', 'false',
  'order', 'by', 'asc', 'desc', 'start', 'limit', 'as', 'regex', 'count',
]);
/** SQL Gigya does not speak: named in the error so the author knows what to remove. */
const unsupported = new Set([
  'join', 'inner', 'outer', 'left', 'right', 'cross', 'on', 'having', 'group', 'filter', 'union', 'intersect', 'except',
  'distinct', 'like', 'between', 'exists', 'insert', 'update', 'delete', 'drop', 'create', 'alter', 'pragma', 'attach',
  'detach', 'with', 'values', 'into', 'offset', 'case', 'when', 'then', 'else', 'end', 'cast', 'escape', 'glob', 'match',
]);
/** Words that cannot stand alone as a field name or alias: the language's own and refused SQL. */
export function isReservedWord(word: string): boolean {
  const lower = word.toLowerCase();
  return keywords.has(lower) || unsupported.has(lower);
}

const aggregates = new Set(['sum', 'min', 'max', 'avg', 'sum_of_squares', 'variance', 'std']);
const clauseOrder = ['select', 'from', 'where', 'order', 'start', 'limit'];

/**
 * Where each parsed field path started in the text, so the compiler can point at a field it
 * rejects. Kept beside the tree, not in it: a reprinted query parses to an equal tree.
 */
export const fieldPositions = new WeakMap<FieldPath, number>();

export function parseQuery(text: string): Query {
  return new Parser(tokenize(text)).query();
}

class Parser {
  private index = 0;
  private predicates = 0;

  constructor(private readonly tokens: Token[]) {}

  query(): Query {
    this.expectKeyword('select');
    const select = this.select();
    this.expectKeyword('from');
    const from = this.source();
    const query: Query = { select, from, orderBy: [] };
    if (this.acceptKeyword('where')) query.where = this.expression(0);
    if (this.acceptKeyword('order')) {
      this.expectKeyword('by');
      query.orderBy = this.list(() => this.orderItem());
    }
    for (let clause = 0; clause < 2; clause++) {
      if (query.start === undefined && this.acceptKeyword('start')) query.start = this.count('START');
      else if (query.limit === undefined && this.acceptKeyword('limit')) query.limit = this.count('LIMIT');
    }
    const rest = this.peek();
    if (rest.type !== 'end') {
      const word = this.keywordOf(rest);
      if (word !== null && clauseOrder.includes(word)) throw queryError(`${word.toUpperCase()} clause out of order`, rest.position);
      const name = rest.type === 'word' ? rest.text.toLowerCase() : null;
      if (name !== null && unsupported.has(name)) throw queryError(`${name.toUpperCase()} is not supported`, rest.position);
      this.failUnexpected(rest, 'end of query');
    }
    return query;
  }

  private select(): Select {
    const first = this.peek();
    if (this.keywordOf(first) === 'count' && this.peekAt(1).type === 'symbol') {
      this.index++;
      this.expectSymbol('(');
      this.expectSymbol('*');
      this.expectSymbol(')');
      const alias = this.alias();
      const after = this.peek();
      if (after.type === 'symbol' && after.text === ',') throw queryError('count(*) cannot be combined with other fields', after.position);
      return alias === undefined ? { kind: 'count' } : { kind: 'count', alias };
    }
    return { kind: 'items', items: this.list(() => this.selectItem()) };
  }

  private selectItem(): SelectItem {
    const token = this.peek();
    if (token.type === 'symbol' && token.text === '*') {
      this.index++;
      return { kind: 'all' };
    }
    if (token.type === 'word' && this.peekAt(1).type === 'symbol' && (this.peekAt(1) as { text: string }).text === '(') {
      const name = token.text.toLowerCase();
      if (name === 'count') throw queryError('count(*) cannot be combined with other fields', token.position);
      if (aggregates.has(name)) throw queryError(`function ${name}() is not supported`, token.position);
    }
    const path = this.field();
    const alias = this.alias();
    return alias === undefined ? { kind: 'field', path } : { kind: 'field', path, alias };
  }

  private alias(): string | undefined {
    if (!this.acceptKeyword('as')) return undefined;
    const token = this.peek();
    if (token.type !== 'word' || token.segments.length !== 1 || this.keywordOf(token) !== null) this.failUnexpected(token, 'an alias name');
    this.index++;
    return token.text;
  }

  private source(): Source {
    const token = this.peek();
    const found = token.type === 'word' ? sources.find((source) => source.toLowerCase() === token.text.toLowerCase()) : undefined;
    if (found === undefined) {
      if (token.type === 'symbol' && token.text === '(') throw queryError('subqueries are not supported', token.position);
      this.failUnexpected(token, 'accounts or emailAccounts');
    }
    this.index++;
    const next = this.peek();
    if (next.type === 'symbol' && next.text === ',') throw queryError('only one data source is supported', next.position);
    return found;
  }

  private expression(depth: number): Expression {
    let left = this.conjunction(depth);
    while (this.acceptKeyword('or')) left = { kind: 'or', left, right: this.conjunction(depth) };
    return left;
  }

  private conjunction(depth: number): Expression {
    let left = this.unary(depth);
    while (this.acceptKeyword('and')) left = { kind: 'and', left, right: this.unary(depth) };
    return left;
  }

  private unary(depth: number): Expression {
    const token = this.peek();
    if (depth >= parserLimits.depth) throw queryError(`expression nested deeper than ${parserLimits.depth} levels`, token.position);
    if (this.acceptKeyword('not')) return { kind: 'not', operand: this.unary(depth + 1) };
    if (token.type === 'symbol' && token.text === '(') {
      this.index++;
      if (this.keywordOf(this.peek()) === 'select') throw queryError('subqueries are not supported', this.peek().position);
      const inner = this.expression(depth + 1);
      this.expectSymbol(')');
      return inner;
    }
    return this.predicate();
  }

  private predicate(): Expression {
    const start = this.peek();
    const field = this.field();
    if (++this.predicates > parserLimits.predicates) throw queryError(`more than ${parserLimits.predicates} conditions`, start.position);
    const token = this.peek();
    if (token.type === 'symbol' && (compareOperators as readonly string[]).includes(token.text)) {
      this.index++;
      const operator = token.text as CompareOperator;
      if (this.keywordOf(this.peek()) === 'regex') {
        if (operator !== '=' && operator !== '!=') throw queryError(`regex() needs = or !=, not ${operator}`, token.position);
        return { kind: 'regex', field, pattern: this.regexPattern(), negated: operator === '!=' };
      }
      return { kind: 'compare', field, operator, value: this.literal() };
    }
    const word = this.keywordOf(token);
    if (word === 'regex') return { kind: 'regex', field, pattern: this.regexPattern(), negated: false };
    if (word === 'is') {
      this.index++;
      const negated = this.acceptKeyword('not');
      this.expectKeyword('null');
      return { kind: 'isNull', field, negated };
    }
    const negated = word === 'not';
    if (negated) this.index++;
    if (this.acceptKeyword('contains')) return { kind: 'contains', field, value: this.literal(), negated };
    if (this.acceptKeyword('in')) return { kind: 'in', field, values: this.valueList(), negated };
    const at = this.peek();
    const name = at.type === 'word' ? at.text.toLowerCase() : null;
    if (name !== null && unsupported.has(name)) throw queryError(`${name.toUpperCase()} is not supported`, at.position);
    return this.failUnexpected(at, negated ? 'contains or in' : 'an operator');
  }

  private regexPattern(): string {
    this.index++;
    this.expectSymbol('(');
    const token = this.peek();
    if (token.type !== 'string') this.failUnexpected(token, 'a quoted regex pattern');
    this.index++;
    this.expectSymbol(')');
    return token.value;
  }

  private valueList(): Literal[] {
    this.expectSymbol('(');
    const values = this.list(() => this.literal());
    if (values.length > parserLimits.inValues) throw queryError(`in() takes at most ${parserLimits.inValues} values`, this.peek().position);
    this.expectSymbol(')');
    return values;
  }

  private literal(): Literal {
    const token = this.peek();
    if (token.type === 'string' || token.type === 'number') {
      this.index++;
      return token.value;
    }
    const word = this.keywordOf(token);
    if (word === 'true' || word === 'false') {
      this.index++;
      return word === 'true';
    }
    if (word === 'null') throw queryError('null is not a value: use IS NULL or IS NOT NULL', token.position);
    if (word === 'select') throw queryError('subqueries are not supported', token.position);
    return this.failUnexpected(token, 'a string, number or boolean');
  }

  private orderItem(): OrderItem {
    const field = this.field();
    if (this.acceptKeyword('desc')) return { field, direction: 'desc' };
    this.acceptKeyword('asc');
    return { field, direction: 'asc' };
  }

  private count(clause: string): number {
    const token = this.peek();
    if (token.type !== 'number' || !Number.isSafeInteger(token.value) || token.value < 0) {
      this.failUnexpected(token, `a whole number after ${clause}`);
    }
    this.index++;
    return token.value;
  }

  private field(): FieldPath {
    const token = this.peek();
    if (token.type !== 'word' || (token.segments.length === 1 && this.keywordOf(token) !== null)) this.failUnexpected(token, 'a field name');
    const name = token.text.toLowerCase();
    if (token.segments.length === 1 && unsupported.has(name)) throw queryError(`${name.toUpperCase()} is not supported`, token.position);
    this.index++;
    const path = [...token.segments];
    fieldPositions.set(path, token.position);
    return path;
  }

  private list<T>(item: () => T): T[] {
    const items = [item()];
    for (let next = this.peek(); next.type === 'symbol' && next.text === ','; next = this.peek()) {
      this.index++;
      items.push(item());
    }
    return items;
  }

  private keywordOf(token: Token): string | null {
    if (token.type !== 'word' || token.segments.length !== 1) return null;
    const word = token.text.toLowerCase();
    return keywords.has(word) ? word : null;
  }

  private acceptKeyword(word: string): boolean {
    if (this.keywordOf(this.peek()) !== word) return false;
    this.index++;
    return true;
  }

  private expectKeyword(word: string): void {
    const token = this.peek();
    if (!this.acceptKeyword(word)) {
      const name = token.type === 'word' ? token.text.toLowerCase() : null;
      if (name !== null && unsupported.has(name)) throw queryError(`${name.toUpperCase()} is not supported`, token.position);
      this.failUnexpected(token, word.toUpperCase());
    }
  }

  private expectSymbol(symbol: string): void {
    const token = this.peek();
    if (token.type !== 'symbol' || token.text !== symbol) this.failUnexpected(token, `"${symbol}"`);
    this.index++;
  }

  private peek(): Token {
    return this.tokens[this.index] ?? this.tokens[this.tokens.length - 1]!;
  }

  private peekAt(offset: number): Token {
    return this.tokens[this.index + offset] ?? this.tokens[this.tokens.length - 1]!;
  }

  private failUnexpected(token: Token, expected: string): never {
    throw queryError(`expected ${expected} but found ${describe(token)}`, token.position);
  }
}

function describe(token: Token): string {
  switch (token.type) {
    case 'end':
      return 'end of query';
    case 'word':
      return `"${token.text}"`;
    case 'symbol':
      return `"${token.text}"`;
    case 'number':
      return `number ${token.value}`;
    case 'string':
      return 'a string';
  }
}
