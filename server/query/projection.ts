import type { Select } from './ast.js';

// SELECT applied to a record as the API reads it back (accountView.ts): `*` is the whole
// record, a path copies that value (a partial path copies everything below it) into the same
// place of the result, and `AS` renames the last segment in place ("profile.firstName AS
// name" gives {profile: {name: ...}}, Gigya's documented example). A path the record does not
// have is left out, as Gigya's search engine leaves out absent fields.

export function project(record: Record<string, unknown>, select: Select, star: Record<string, unknown>): Record<string, unknown> {
  if (select.kind === 'count') return {};
  const result: Record<string, unknown> = {};
  for (const item of select.items) {
    if (item.kind === 'all') {
      for (const [name, value] of Object.entries(star)) put(result, [name], value);
      continue;
    }
    const value = read(record, item.path);
    if (value === undefined) continue;
    const target = item.alias === undefined ? item.path : [...item.path.slice(0, -1), item.alias];
    put(result, target, value);
  }
  return result;
}

function read(record: Record<string, unknown>, path: string[]): unknown {
  let value: unknown = record;
  for (const segment of path) {
    if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.hasOwn(value, segment)) return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

/** Sets a nested own property; defineProperty, so a segment named __proto__ is only a name. */
function put(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node = target;
  path.slice(0, -1).forEach((segment) => {
    const existing = Object.hasOwn(node, segment) ? node[segment] : undefined;
    // A copy, never the record's own object: `*` copies by reference and an alias must not write into it.
    const child: Record<string, unknown> = isPlainObject(existing) ? { ...existing } : {};
    define(node, segment, child);
    node = child;
  });
  const last = path[path.length - 1]!;
  const existing = Object.hasOwn(node, last) ? node[last] : undefined;
  // `SELECT *, profile.firstName AS name` merges into the profile `*` already copied, without changing it.
  if (isPlainObject(existing) && isPlainObject(value)) define(node, last, { ...existing, ...value });
  else define(node, last, value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function define(node: Record<string, unknown>, name: string, value: unknown): void {
  Object.defineProperty(node, name, { value, enumerable: true, writable: true, configurable: true });
}
