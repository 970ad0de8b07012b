type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The value at a dotted path of an object, or undefined. */
export function valueAt(root: Json, path: string): unknown {
  let node: unknown = root;
  for (const key of path.split('.')) {
    if (!isObject(node)) return undefined;
    node = node[key];
  }
  return node;
}

/** Sets the value at a dotted path, creating the objects on the way. */
export function setAt(root: Json, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = root;
  for (const key of keys.slice(0, -1)) {
    if (!isObject(node[key])) node[key] = {};
    node = node[key] as Json;
  }
  node[keys[keys.length - 1]!] = value;
}

/** The longest declared name that is `path` or one of its dotted prefixes (data.a.b.c → "a.b" when "a.b" is declared). */
export function declaredPrefix(path: string, declared: Record<string, unknown>): string | undefined {
  const keys = path.split('.');
  for (let length = keys.length; length > 0; length--) {
    const name = keys.slice(0, length).join('.');
    if (Object.hasOwn(declared, name)) return name;
  }
  return undefined;
}
