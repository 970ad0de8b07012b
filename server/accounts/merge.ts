import type { FieldChange } from '../store/history.js';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Gigya's partial update: objects merge field by field, null removes a field, and
 * (since 2019-11-11) writing part of an array element keeps that element's other fields:
 * arrays of objects merge element by element, by position; the new array's length wins.
 */
export function mergePatch(target: Json, patch: Json): Json {
  const merged: Json = { ...target };
  for (const [name, value] of Object.entries(patch)) {
    if (value === null) {
      delete merged[name];
    } else if (isObject(value) && isObject(merged[name])) {
      merged[name] = mergePatch(merged[name] as Json, value);
    } else if (Array.isArray(value) && Array.isArray(merged[name])) {
      const before = merged[name] as unknown[];
      merged[name] = value.map((item, index) =>
        isObject(item) && isObject(before[index]) ? mergePatch(before[index] as Json, item) : item,
      );
    } else {
      merged[name] = value;
    }
  }
  return merged;
}

/** Flattens an object into dotted paths; arrays are leaves, compared as a whole. */
function flatten(value: Json, prefix: string, into: Map<string, unknown>): Map<string, unknown> {
  for (const [name, child] of Object.entries(value)) {
    const path = `${prefix}.${name}`;
    if (isObject(child) && Object.keys(child).length > 0) flatten(child, path, into);
    else into.set(path, child);
  }
  return into;
}

/** The fields that differ between two versions of one part of an account (profile, data, ...). */
export function diffFields(part: string, before: Json, after: Json): FieldChange[] {
  const old = flatten(before, part, new Map());
  const now = flatten(after, part, new Map());
  const changes: FieldChange[] = [];
  for (const [field, value] of now) {
    const previous = old.has(field) ? old.get(field) : null;
    if (JSON.stringify(previous) !== JSON.stringify(value)) changes.push({ field, before: previous, after: value });
  }
  for (const [field, value] of old) if (!now.has(field)) changes.push({ field, before: value, after: null });
  return changes;
}
