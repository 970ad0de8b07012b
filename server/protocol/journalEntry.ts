import type { JournalEntry } from '../store/journal.js';
import type { Params } from './method.js';

/** Parameters whose values are credentials or bearer tokens: never stored, never shown. */
const secretParams = new Set(
  [
    'secret',
    'sig',
    'password',
    'newPassword',
    'securityAnswer',
    'regToken',
    'token',
    'emailToken',
    'emailAccountToken',
    'oauth_token',
    'id_token',
    'idToken',
    'aToken',
    'captchaToken',
    'sessionToken',
    'sessionSecret',
    'cookieValue',
    // accounts.webhooks.set: custom headers often carry the receiver's own credentials.
    'headers',
  ].map((name) => name.toLowerCase()),
);

export const redacted = '[redacted]';

/**
 * A Gigya parameter name is an identifier. Any other name is a body read as something it is
 * not (a JSON body sent as a form becomes one parameter named after the whole JSON text, its
 * "secret" included), so such a name and its value are redacted too.
 */
const parameterName = /^[A-Za-z0-9_.[\]-]{1,128}$/;

export function redactParams(params: Params): Params {
  const safe: Params = {};
  let unreadable = 0;
  for (const [name, value] of Object.entries(params)) {
    if (!parameterName.test(name)) safe[`[unreadable name ${++unreadable}]`] = redacted;
    else safe[name] = secretParams.has(name.toLowerCase()) ? redacted : value;
  }
  return safe;
}

/** The email a call concerns, so the journal can be searched by participant. */
function emailOf(params: Params): string | null {
  const direct = params.email ?? params.loginID;
  if (direct !== undefined && direct.includes('@')) return direct.toLowerCase();
  if (params.profile === undefined) return null;
  try {
    const profile = JSON.parse(params.profile) as { email?: unknown };
    return typeof profile.email === 'string' ? profile.email.toLowerCase() : null;
  } catch {
    return null;
  }
}

/** The journal line of one call; a refused signature's diagnosis is already free of secrets (signatureDiagnosis.ts). */
export function journalEntry(call: Omit<JournalEntry, 'params' | 'email'> & { params: Params }): JournalEntry {
  return { ...call, params: redactParams(call.params), email: emailOf(call.params) };
}
