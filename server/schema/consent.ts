import type { AccountSchema, ConsentStatement } from '../store/accountSchema.js';
import type { Account, JsonObject } from '../store/accounts.js';
import { isObject, setAt, valueAt } from './fieldPaths.js';

/**
 * The preferences a write produced, with every declared consent it changed enriched as CDC
 * stores it (gigya-api.md §6.5; SAP's Preferences Object): the document version or date of
 * the statement in force unless the write names one, the language (the write's, else the
 * statement's first, else "en"), lastConsentModified when isConsentGranted changes,
 * actionTimestamp, and empty tags, customData and entitlements. Undeclared consents are kept
 * as written.
 */
export function enrichPreferences(schema: AccountSchema, before: JsonObject, after: JsonObject, nowMs: number): JsonObject {
  const now = new Date(nowMs).toISOString();
  let enriched: JsonObject | undefined;
  for (const [id, statement] of Object.entries(schema.preferencesSchema.fields)) {
    const value = valueAt(after, id);
    const previous = valueAt(before, id);
    if (!isObject(value) || typeof value.isConsentGranted !== 'boolean') continue;
    if (JSON.stringify(value) === JSON.stringify(previous)) continue;
    enriched ??= structuredClone(after);
    setAt(enriched, id, consentAsStored(statement, value, isObject(previous) ? previous : {}, now));
  }
  return enriched ?? after;
}

function consentAsStored(statement: ConsentStatement, written: JsonObject, previous: JsonObject, now: string): JsonObject {
  const changed = written.isConsentGranted !== previous.isConsentGranted || typeof previous.lastConsentModified !== 'string';
  const stored: JsonObject = {
    ...written,
    isConsentGranted: written.isConsentGranted,
    lang: typeof written.lang === 'string' ? written.lang : (Object.keys(statement.legalStatements ?? {})[0] ?? 'en'),
    lastConsentModified: changed ? now : previous.lastConsentModified,
    actionTimestamp: typeof written.actionTimestamp === 'string' && written.actionTimestamp !== previous.actionTimestamp ? written.actionTimestamp : now,
    tags: Array.isArray(written.tags) ? written.tags : [],
    customData: Array.isArray(written.customData) ? written.customData : [],
    entitlements: Array.isArray(written.entitlements) ? written.entitlements : [],
  };
  // The version agreed to is the one in force when the answer changes, unless the write names it.
  if (statement.currentDocVersion !== undefined) {
    const named = typeof written.docVersion === 'number' ? written.docVersion : undefined;
    stored.docVersion = changed ? (named ?? statement.currentDocVersion) : (previous.docVersion ?? named ?? statement.currentDocVersion);
  }
  if (statement.currentDocDate !== undefined) {
    const named = typeof written.docDate === 'string' ? written.docDate : undefined;
    stored.docDate = changed ? (named ?? statement.currentDocDate) : (previous.docDate ?? named ?? statement.currentDocDate);
  }
  return stored;
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/**
 * What a full registration lacks by the site's schema: required profile and data fields, and
 * mandatory active consent statements not granted, named as CDC's 206001 errorDetails names
 * them (`preferences.<id>.isConsentGranted`). Lite accounts are never asked (SAP: "Lite
 * registration will succeed even if there are required fields …").
 */
export function missingRequiredFields(schema: AccountSchema, account: Account): string[] {
  const missing: string[] = [];
  for (const [name, field] of Object.entries(schema.profileSchema.fields)) {
    if (field.required && isBlank(account.profile[name])) missing.push(`profile.${name}`);
  }
  for (const [name, field] of Object.entries(schema.dataSchema.fields)) {
    if (field.required && isBlank(valueAt(account.data, name))) missing.push(`data.${name}`);
  }
  for (const [id, statement] of Object.entries(schema.preferencesSchema.fields)) {
    if (!statement.required || !statement.isActive) continue;
    const consent = valueAt(account.preferences, id);
    if (!isObject(consent) || consent.isConsentGranted !== true) missing.push(`preferences.${id}.isConsentGranted`);
  }
  return missing;
}

export function missingFieldsDetails(missing: string[]): string {
  return `Missing required fields for registration: ${missing.join(', ')}`;
}
