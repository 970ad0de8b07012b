import { GigyaError, type ValidationError } from '../protocol/errors.js';
import type { Caller } from '../protocol/method.js';
import type { AccountSchema, FieldSchema, WriteAccess } from '../store/accountSchema.js';
import { maxDataFields, maxSubscriptions } from '../store/accountSchema.js';
import type { Account } from '../store/accounts.js';
import type { FieldChange } from '../store/history.js';
import { diffFields } from '../accounts/merge.js';
import { declaredPrefix, valueAt } from './fieldPaths.js';

/** What a write does to the schema: the fields it declares (dynamic schema), or nothing. */
export interface SchemaGrowth {
  dataFields: Record<string, FieldSchema>;
  subscriptions: string[];
}

/** A field the write touches, as the schema names it, with the access it has. */
interface Touched {
  fieldName: string;
  access: WriteAccess | 'undeclared';
  /** Whether the account held a value there before this write. */
  existed: boolean;
}

/** The type CDC infers for a new dynamic field from its first value. */
function inferredType(value: unknown): FieldSchema['type'] {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'long' : 'float';
  if (typeof value === 'string') return 'string';
  return 'basic-string';
}

function touchedFields(schema: AccountSchema, before: Account | null, changes: FieldChange[]): Touched[] {
  const seen = new Map<string, Touched>();
  const add = (fieldName: string, access: Touched['access'], root: Record<string, unknown>, path: string) => {
    if (!seen.has(fieldName)) seen.set(fieldName, { fieldName, access, existed: valueAt(root, path) !== undefined });
  };
  for (const { field } of changes) {
    const [part, ...rest] = field.split('.');
    const path = rest.join('.');
    if (part === 'profile') {
      const name = rest[0]!;
      add(`profile.${name}`, schema.profileSchema.fields[name]?.writeAccess ?? 'clientModify', before?.profile ?? {}, name);
    } else if (part === 'data') {
      const name = declaredPrefix(path, schema.dataSchema.fields);
      if (name === undefined) add(field, 'undeclared', before?.data ?? {}, path);
      else add(`data.${name}`, schema.dataSchema.fields[name]!.writeAccess, before?.data ?? {}, name);
    } else if (part === 'subscriptions') {
      // subscriptions.<id>.email.<property>: the id may itself hold dots.
      const emailAt = rest.lastIndexOf('email');
      const id = (emailAt > 0 ? rest.slice(0, emailAt) : rest.slice(0, 1)).join('.');
      const declared = schema.subscriptionsSchema.fields[id]?.email;
      add(`subscriptions.${id}`, declared?.writeAccess ?? 'undeclared', before?.subscriptions ?? {}, id);
    } else if (part === 'preferences') {
      const id = declaredPrefix(path, schema.preferencesSchema.fields);
      // An undeclared consent is stored as written (docs/behaviour.md); a declared one by its access.
      if (id !== undefined) add(`preferences.${id}`, schema.preferencesSchema.fields[id]!.writeAccess, before?.preferences ?? {}, id);
    }
  }
  return [...seen.values()];
}

/**
 * Checks a write against the site's schema, given the account before and after the merge.
 * A client-side call (apiKey only) may write clientModify fields, and clientCreate fields that
 * held nothing; anything else is 400020 "Schema validation failed" inside a 400009, one entry
 * per field, as SAP documents. A new data field or subscription is declared by the write: by a
 * server-side call as serverOnly (CDC's dynamic schema), by a client-side one as clientModify
 * when the site lets clients create fields (the fake's default), else refused.
 */
export function checkWriteAccess(schema: AccountSchema, caller: Caller, before: Account | null, after: Account): SchemaGrowth {
  const changes = (['profile', 'data', 'subscriptions', 'preferences'] as const).flatMap((part) =>
    diffFields(part, before?.[part] ?? {}, after[part]),
  );
  const clientSide = caller.via === 'anonymous';
  const problems: ValidationError[] = [];
  const growth: SchemaGrowth = { dataFields: {}, subscriptions: [] };
  for (const touched of touchedFields(schema, before, changes)) {
    const refused =
      touched.access === 'undeclared'
        ? clientSide && !schema.clientCreatesFields
        : clientSide && (touched.access === 'serverOnly' || (touched.access === 'clientCreate' && touched.existed));
    if (refused) {
      problems.push({ errorCode: 400020, message: 'Schema validation failed', fieldName: touched.fieldName });
      continue;
    }
    if (touched.access !== 'undeclared') continue;
    const [part, ...rest] = touched.fieldName.split('.');
    if (part === 'subscriptions') {
      growth.subscriptions.push(rest.join('.'));
    } else if (part === 'data' && schema.dataSchema.dynamicSchema) {
      const value = valueAt(after.data, rest.join('.'));
      if (value !== undefined) {
        growth.dataFields[rest.join('.')] = { type: inferredType(value), required: false, allowNull: true, writeAccess: clientSide ? 'clientModify' : 'serverOnly' };
      }
    } else if (part === 'data') {
      // A strict data schema takes only declared fields (SAP: "you can only write into fields that are already defined").
      problems.push({ errorCode: 400020, message: 'Schema validation failed', fieldName: touched.fieldName });
    }
  }
  if (problems.length > 0) throw GigyaError.validation(problems);
  if (Object.keys(schema.dataSchema.fields).length + Object.keys(growth.dataFields).length > maxDataFields) {
    throw GigyaError.validation([{ errorCode: 400020, message: `Schema validation failed: the site schema holds at most ${maxDataFields} data fields`, fieldName: 'data' }]);
  }
  if (Object.keys(schema.subscriptionsSchema.fields).length + growth.subscriptions.length > maxSubscriptions) {
    throw GigyaError.validation([{ errorCode: 400020, message: `Schema validation failed: the site schema holds at most ${maxSubscriptions} subscriptions`, fieldName: 'subscriptions' }]);
  }
  return growth;
}

/** The schema with a write's new fields declared; the same object when the write declares none. */
export function grownSchema(schema: AccountSchema, growth: SchemaGrowth, clientSide: boolean): AccountSchema {
  if (Object.keys(growth.dataFields).length === 0 && growth.subscriptions.length === 0) return schema;
  const subscriptions = { ...schema.subscriptionsSchema.fields };
  for (const id of growth.subscriptions) {
    subscriptions[id] = {
      email: {
        type: 'subscription',
        required: false,
        writeAccess: clientSide ? 'clientModify' : 'serverOnly',
        doubleOptIn: false,
        description: id,
        enableConditionalDoubleOptIn: false,
        relatedConsentIds: [],
      },
    };
  }
  return {
    ...schema,
    dataSchema: { ...schema.dataSchema, fields: { ...schema.dataSchema.fields, ...growth.dataFields } },
    subscriptionsSchema: { fields: subscriptions },
  };
}
