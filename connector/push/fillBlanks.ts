import type { GigyaProfile } from '../gigya/profile.js';

type Json = Record<string, unknown>;

function isBlank(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

/**
 * The part of `mapped` that fills blanks of `existing` and overwrites nothing (custom set-up).
 * work[0] is compared field by field; its element is re-sent whole with the existing values
 * kept, so the result is the same whether or not the server merges array elements.
 */
export function blanksToFill(existing: Json | undefined, mapped: GigyaProfile): GigyaProfile {
  const current = existing ?? {};
  const fill: GigyaProfile = {};
  for (const [field, value] of Object.entries(mapped)) {
    if (field === 'work') continue;
    if (isBlank(current[field])) fill[field] = value;
  }
  const mappedWork = mapped.work?.[0];
  if (mappedWork) {
    const existingWork = Array.isArray(current.work) ? (current.work as unknown[]) : [];
    const first = (existingWork[0] ?? {}) as Json;
    const added = Object.fromEntries(Object.entries(mappedWork).filter(([key]) => isBlank(first[key])));
    if (Object.keys(added).length > 0) fill.work = [{ ...first, ...added }, ...existingWork.slice(1)] as GigyaProfile['work'];
  }
  return fill;
}

export function isEmptyObject(value: object | undefined): boolean {
  return value === undefined || Object.keys(value).length === 0;
}
