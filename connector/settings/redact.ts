import { REDACTED, Secret } from './secret.js';

/** Field names whose values are credentials wherever they appear (settings, logs, stored errors). */
const secretFieldNames = new Set(['secret', 'gigyasecret', 'privatekey', 'password']);

/**
 * A copy of `value` safe to print, log or return over HTTP: Secret instances and fields named
 * like credentials become REDACTED; strings have every known secret text replaced.
 */
export function redact<T>(value: T, knownSecrets: readonly string[] = []): T {
  return redactValue(value, knownSecrets.filter((s) => s.length > 0)) as T;
}

/** Replaces every occurrence of a known secret in a text (error messages echoed by a server, logs). */
export function redactText(text: string, knownSecrets: readonly string[]): string {
  let result = text;
  for (const secret of knownSecrets) {
    if (secret.length > 0) result = result.split(secret).join(REDACTED);
  }
  return result;
}

function redactValue(value: unknown, knownSecrets: readonly string[]): unknown {
  if (value instanceof Secret) return REDACTED;
  if (typeof value === 'string') return redactText(value, knownSecrets);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, knownSecrets));
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(value)) {
      copy[key] = secretFieldNames.has(key.toLowerCase()) && field !== undefined ? REDACTED : redactValue(field, knownSecrets);
    }
    return copy;
  }
  return value;
}
