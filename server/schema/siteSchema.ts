import { z } from 'zod';
import { GigyaError } from '../protocol/errors.js';
import {
  accountSchemaSchema,
  consentStatementSchema,
  fieldNameSchema,
  fieldSchema,
  subscriptionSchema,
  type AccountSchema,
} from '../store/accountSchema.js';
import type { Store } from '../store/index.js';
import { defaultAccountSchema } from './defaultSchema.js';

/** The schema in force for a site: its own, or the default. */
export function schemaOf(store: Store, apiKey: string): AccountSchema {
  return store.siteSchemas.get(apiKey) ?? defaultAccountSchema;
}

const change = z.record(z.string(), z.unknown());
const changedFields = (key: z.ZodString) => z.object({ fields: z.record(key, change.nullable()).default({}) });

/**
 * The parts accounts.setSchema and /__admin change, as they arrive: each named field merges
 * into the site's and the result is checked whole (so no default overwrites a property the
 * change did not name).
 */
export const schemaChangesSchema = z
  .object({
    profileSchema: changedFields(z.string()).strict().optional(),
    dataSchema: changedFields(fieldNameSchema).extend({ dynamicSchema: z.boolean().optional() }).strict().optional(),
    subscriptionsSchema: changedFields(fieldNameSchema).strict().optional(),
    preferencesSchema: changedFields(fieldNameSchema).strict().optional(),
    clientCreatesFields: z.boolean().optional(),
  })
  .strict();

export type SchemaChanges = z.input<typeof schemaChangesSchema>;

const profileFieldNames = new Set(Object.keys(defaultAccountSchema.profileSchema.fields));

/**
 * The site's schema with `changes` merged in, field by field: a field named with properties
 * is created or has those properties changed, a field set to null is removed (profile fields
 * cannot be: they are built in). Answers the new whole schema, checked; a problem is a 400006
 * naming its place.
 */
export function mergeSchemaChanges(current: AccountSchema, raw: unknown): AccountSchema {
  const parsed = schemaChangesSchema.safeParse(raw);
  if (!parsed.success) throw invalid(parsed.error);
  const changes = parsed.data;
  const next = structuredClone(current);
  const check = <S extends z.ZodType>(schema: S, value: unknown, place: string[]): z.output<S> => {
    const result = schema.safeParse(value);
    if (!result.success) throw invalid(result.error, place);
    return result.data;
  };

  for (const [name, fieldChange] of Object.entries(changes.profileSchema?.fields ?? {})) {
    const place = ['profileSchema', 'fields', name];
    if (!profileFieldNames.has(name)) throw GigyaError.invalidParameter(place.join('.'), 'not a profile field');
    if (fieldChange === null) throw GigyaError.invalidParameter(place.join('.'), 'profile fields cannot be removed');
    next.profileSchema.fields[name] = check(fieldSchema, { ...next.profileSchema.fields[name], ...fieldChange }, place);
  }
  for (const [name, fieldChange] of Object.entries(changes.dataSchema?.fields ?? {})) {
    if (fieldChange === null) delete next.dataSchema.fields[name];
    else next.dataSchema.fields[name] = check(fieldSchema, { ...next.dataSchema.fields[name], ...fieldChange }, ['dataSchema', 'fields', name]);
  }
  if (changes.dataSchema?.dynamicSchema !== undefined) next.dataSchema.dynamicSchema = changes.dataSchema.dynamicSchema;
  for (const [id, entry] of Object.entries(changes.subscriptionsSchema?.fields ?? {})) {
    const place = ['subscriptionsSchema', 'fields', id, 'email'];
    const email = entry === null ? null : (entry.email ?? {});
    if (email === null) delete next.subscriptionsSchema.fields[id];
    else if (typeof email !== 'object' || Array.isArray(email)) throw GigyaError.invalidParameter(place.join('.'), 'expected an object');
    else next.subscriptionsSchema.fields[id] = { email: check(subscriptionSchema, { ...next.subscriptionsSchema.fields[id]?.email, ...email }, place) };
  }
  for (const [id, statementChange] of Object.entries(changes.preferencesSchema?.fields ?? {})) {
    if (statementChange === null) delete next.preferencesSchema.fields[id];
    else next.preferencesSchema.fields[id] = check(consentStatementSchema, { ...next.preferencesSchema.fields[id], ...statementChange }, ['preferencesSchema', 'fields', id]);
  }
  if (changes.clientCreatesFields !== undefined) next.clientCreatesFields = changes.clientCreatesFields;
  return check(accountSchemaSchema, next, []);
}

function invalid(error: z.ZodError, prefix: string[] = []): GigyaError {
  const issue = error.issues[0]!;
  const place = [...prefix, ...issue.path.map(String)].join('.') || 'schema';
  return GigyaError.invalidParameter(place, issue.message);
}
