import { segmentPattern } from './ast.js';
import { queryError } from './queryError.js';

// Splits query text into tokens. Words are keywords (case-insensitive) or field paths
// (`profile.firstName`, case-sensitive, each segment an identifier); strings take single or
// double quotes with backslash escapes. Anything SQL-ish Gigya does not speak (`;`, comments,
// `<>`, `||`) stops here, with the position of the offending character.

export type Token =
  | { type: 'word'; text: string; segments: string[]; position: number }
  | { type: 'string'; value: string; position: number }
  | { type: 'number'; value: number; position: number }
  | { type: 'symbol'; text: SymbolText; position: number }
  | { type: 'end'; position: number };

export type SymbolText = '(' | ')' | ',' | '*' | '=' | '!=' | '<' | '<=' | '>' | '>=';

/** Longest query text accepted: Gigya's own limit is unpublished (docs/behaviour.md). */
export const maxQueryLength = 10_000;

// No \b or \f: inside regex('...') \b is a word boundary, so unknown escapes keep their backslash.
const simpleEscapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', '\\': '\\', "'": "'", '"': '"' };

export function tokenize(text: string): Token[] {
  if (text.length > maxQueryLength) throw queryError(`query longer than ${maxQueryLength} characters`, maxQueryLength);
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const start = i;
    if (c === '"' || c === "'") {
      const [value, next] = readString(text, i);
      tokens.push({ type: 'string', value, position: start });
      i = next;
    } else if (/[0-9]/.test(c) || (c === '-' && /[0-9.]/.test(text[i + 1] ?? '')) || (c === '.' && /[0-9]/.test(text[i + 1] ?? ''))) {
      const match = /^-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/.exec(text.slice(i))!;
      const value = Number(match[0]);
      if (!Number.isFinite(value)) throw queryError(`number out of range: ${match[0]}`, start);
      i += match[0].length;
      if (/[A-Za-z_]/.test(text[i] ?? '')) throw queryError('unexpected character after a number', i);
      tokens.push({ type: 'number', value, position: start });
    } else if (/[A-Za-z_]/.test(c)) {
      const match = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_$-]*)*/.exec(text.slice(i))!;
      const segments = match[0].split('.');
      let offset = start;
      for (const segment of segments) {
        if (!segmentPattern.test(segment)) throw queryError(`invalid field name segment "${segment}"`, offset);
        offset += segment.length + 1;
      }
      tokens.push({ type: 'word', text: match[0], segments, position: start });
      i += match[0].length;
    } else {
      const two = text.slice(i, i + 2);
      if (two === '!=' || two === '<=' || two === '>=') {
        tokens.push({ type: 'symbol', text: two, position: start });
        i += 2;
      } else if (two === '--' || two === '/*') {
        throw queryError('comments are not supported', start);
      } else if (two === '<>') {
        throw queryError('unsupported operator "<>" (use !=)', start);
      } else if ('(),*=<>'.includes(c)) {
        tokens.push({ type: 'symbol', text: c as SymbolText, position: start });
        i++;
      } else if (c === ';') {
        throw queryError('";" is not supported: one query per call', start);
      } else {
        throw queryError(`unexpected character ${JSON.stringify(c)}`, start);
      }
    }
  }
  tokens.push({ type: 'end', position: text.length });
  return tokens;
}

/** Reads a quoted string starting at `open`; returns its value and the index after the closing quote. */
function readString(text: string, open: number): [string, number] {
  const quote = text[open]!;
  let value = '';
  let i = open + 1;
  while (i < text.length) {
    const c = text[i]!;
    if (c === quote) return [value, i + 1];
    if (c !== '\\') {
      value += c;
      i++;
      continue;
    }
    const next = text[i + 1];
    if (next === undefined) break;
    if (next === 'u') {
      const hex = text.slice(i + 2, i + 6);
      if (!/^[0-9A-Fa-f]{4}$/.test(hex)) throw queryError('invalid \\u escape in a string', i);
      value += String.fromCharCode(parseInt(hex, 16));
      i += 6;
    } else if (next in simpleEscapes) {
      value += simpleEscapes[next];
      i += 2;
    } else {
      // Any other escape keeps its backslash, so regex('\d+') means what its author meant.
      value += `\\${next}`;
      i += 2;
    }
  }
  throw queryError('unterminated string', open);
}
