import { z } from 'zod';
import { GigyaError } from './errors.js';
import type { Params } from './method.js';

// Gigya's parameters arrive as flat text fields. Each method declares its own as a zod object
// built from these codecs; dispatch parses them once, before the handler runs, and the first
// failure becomes the Gigya error a handler would have raised (paramError below).

/** How deep a JSON parameter may nest (profile, data, subscriptions, preferences): docs/behaviour.md. */
export const maxJsonDepth = 32;

/** A parameter's text, or undefined when it is absent or empty (Gigya treats both alike). */
function codec<T>(parse: (text: string) => T) {
  return z
    .string()
    .optional()
    .transform((text, ctx): T | undefined => {
      if (text === undefined || text === '') return undefined;
      try {
        return parse(text);
      } catch (error) {
        if (!(error instanceof Refusal)) throw error;
        ctx.addIssue({ code: 'custom', message: error.message, input: text, params: { gigyaError: error.gigyaError } });
        return z.NEVER;
      }
    });
}

/** Makes a codec required: absent or empty answers 400002 naming the parameter. */
export function required<T>(schema: z.ZodType<T | undefined, string | undefined>) {
  return schema.transform((value, ctx): T => {
    if (value === undefined) {
      ctx.addIssue({ code: 'custom', message: 'missing', input: value, params: { missing: true } });
      return z.NEVER;
    }
    return value;
  });
}

/** Thrown inside a codec: the reason a value is refused, or the whole Gigya error to answer. */
class Refusal extends Error {
  constructor(
    message: string,
    readonly gigyaError?: GigyaError,
  ) {
    super(message);
  }
}

function refuse(why: string): never {
  throw new Refusal(why);
}

// eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
const controlCharacter = /[\u0000-\u001f\u007f]/;

/** Free text: any Unicode. */
export const text = codec((value) => value);

/** Ids, tokens and login identifiers: no control characters (a NUL would split them in logs and SQL). */
export const identifier = codec((value) => {
  if (controlCharacter.test(value)) refuse('must not contain control characters');
  return value;
});

/** An email given as its own parameter, trimmed as Gigya trims it; its format is checked where it is used. */
export const emailAddress = codec((value) => {
  const trimmed = value.trim();
  if (controlCharacter.test(trimmed)) refuse('must not contain control characters');
  return trimmed;
});

/** Booleans as the SDKs send them: true/false, 1/0 (PHP). */
export const boolean = codec((value) => {
  switch (value.trim().toLowerCase()) {
    case 'true':
    case '1':
      return true;
    case 'false':
    case '0':
      return false;
    default:
      return refuse('must be true or false');
  }
});

/** A list: documented as CSV, sent by npm gigya as a JSON array (gigya-api.md §1). */
export const list = codec((value) => {
  const trimmed = value.trim();
  if (trimmed.startsWith('[')) {
    const parsed = parseJson(trimmed);
    if (!Array.isArray(parsed) || !parsed.every((item) => typeof item === 'string')) refuse('must be a list of names');
    return (parsed as string[]).map((item) => item.trim());
  }
  return trimmed.split(',').map((item) => item.trim()).filter((item) => item !== '');
});

/** An integer within bounds, e.g. seconds or milliseconds. */
export function integer(min: number, max: number, unit: string) {
  return codec((value) => {
    const trimmed = value.trim();
    const number = Number(trimmed);
    if (!/^\d{1,16}$/.test(trimmed) || number < min || number > max) refuse(`must be ${unit} between ${min} and ${max}`);
    return number;
  });
}

export type JsonObject = Record<string, unknown>;

/**
 * Object parameters (profile, data, subscriptions, preferences) travel as JSON text. Their depth
 * is bounded before parsing, so no input can exhaust the stack later, and U+0000 is refused in
 * every string: SQLite's JSON functions and most consumers stop at it.
 */
export const jsonObject = codec((value): JsonObject => {
  const depth = jsonDepth(value);
  if (depth > maxJsonDepth) {
    throw new Refusal('nests too deeply', GigyaError.validation([{ errorCode: 400006, message: `nests deeper than ${maxJsonDepth} levels`, fieldName: '' }]));
  }
  const parsed = parseJson(value);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) refuse('must be a JSON object');
  if (holdsNul(parsed)) refuse('must not contain U+0000');
  return parsed as JsonObject;
});

function parseJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return refuse('not valid JSON');
  }
}

/** The deepest nesting of objects and arrays in JSON text, counted without parsing it. */
export function jsonDepth(json: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < json.length; index++) {
    const char = json.charCodeAt(index);
    if (inString) {
      if (char === 0x5c) index++; // backslash: skip the escaped character
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x7b || char === 0x5b) deepest = Math.max(deepest, ++depth);
    else if (char === 0x7d || char === 0x5d) depth--;
  }
  return deepest;
}

function holdsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return value.some(holdsNul);
  for (const [name, item] of Object.entries(value)) if (name.includes('\u0000') || holdsNul(item)) return true;
  return false;
}

/** The Gigya error for the first problem zod found, named after the parameter's path. */
export function paramError(error: z.ZodError): GigyaError {
  const issue = error.issues[0]!;
  const name = issue.path.map(String).join('.');
  const params = (issue as { params?: { gigyaError?: GigyaError; missing?: boolean } }).params;
  if (params?.gigyaError) return withFieldName(params.gigyaError, name);
  if (params?.missing) return GigyaError.missingParameter(name);
  return GigyaError.invalidParameter(name, issue.message);
}

/** A codec's validation error names its field once dispatch knows which parameter it was. */
function withFieldName(error: GigyaError, name: string): GigyaError {
  if (!error.validationErrors?.some((entry) => entry.fieldName === '')) return error;
  return GigyaError.validation(error.validationErrors.map((entry) => (entry.fieldName === '' ? { ...entry, fieldName: name } : entry)));
}

/** Parses a method's parameters, answering the first problem as a Gigya error. */
export function parseParams<S extends z.ZodType>(schema: S, raw: Params): z.output<S> {
  const result = schema.safeParse(raw);
  if (!result.success) throw paramError(result.error);
  return result.data;
}
