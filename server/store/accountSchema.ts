import { z } from 'zod';

// A site's accounts schema as accounts.getSchema returns it (gigya-api.md §5; SAP's
// accounts.setSchema reference): profile, data, subscriptions and preferences (consent
// statements). The rules that read it live in server/schema/.

export const writeAccessSchema = z.enum(['serverOnly', 'clientCreate', 'clientModify']);
export type WriteAccess = z.infer<typeof writeAccessSchema>;

export const fieldTypes = ['integer', 'long', 'float', 'string', 'basic-string', 'text', 'date', 'boolean'] as const;

/** A dotted field name: Latin letters, digits and underscores between the dots (SAP's rule for data fields). */
export const fieldNameSchema = z.string().regex(/^[A-Za-z0-9_]{1,100}(\.[A-Za-z0-9_]{1,100}){0,9}$/, 'letters, digits, underscores and dots');

export const fieldSchema = z
  .object({
    type: z.enum(fieldTypes).default('string'),
    required: z.boolean().default(false),
    allowNull: z.boolean().default(true),
    writeAccess: writeAccessSchema.default('serverOnly'),
    format: z.string().max(1000).optional(),
    encrypt: z.literal('AES').optional(),
  })
  .strict();
export type FieldSchema = z.infer<typeof fieldSchema>;

export const subscriptionSchema = z
  .object({
    type: z.literal('subscription').default('subscription'),
    required: z.boolean().default(false),
    writeAccess: writeAccessSchema.default('serverOnly'),
    doubleOptIn: z.boolean().default(false),
    description: z.string().max(1000).default(''),
    enableConditionalDoubleOptIn: z.boolean().default(false),
    relatedConsentIds: z.array(fieldNameSchema).max(50).default([]),
  })
  .strict();
export type SubscriptionSchema = z.infer<typeof subscriptionSchema>;

const legalStatementSchema = z.object({ documentUrl: z.string().max(2000).optional(), purpose: z.string().max(2000).optional() }).strict();

/**
 * A consent statement (preferencesSchema.fields.<id>): versioned by number or by date, one of
 * the two required; `required` = mandatory at registration.
 */
export const consentStatementSchema = z
  .object({
    type: z.literal('consent').default('consent'),
    required: z.boolean().default(false),
    writeAccess: writeAccessSchema.default('clientModify'),
    format: z.literal('true').default('true'),
    isActive: z.boolean().default(true),
    currentDocVersion: z.number().min(0).max(1_000_000).optional(),
    minDocVersion: z.number().min(0).max(1_000_000).optional(),
    currentDocDate: z.iso.datetime().optional(),
    minDocDate: z.iso.datetime().optional(),
    legalStatements: z.record(z.string().regex(/^[a-z]{2}(-[a-z]{2})?$/i, 'a language such as en or pt-br'), legalStatementSchema).optional(),
    customData: z.array(z.object({ key: z.string().max(20), value: z.string().max(256) }).strict()).max(50).default([]),
    consentVaultRetentionPeriod: z.number().int().min(0).max(1200).default(36),
  })
  .strict()
  .refine((statement) => (statement.currentDocVersion === undefined) !== (statement.currentDocDate === undefined), {
    message: 'a consent statement has currentDocVersion or currentDocDate, one of the two',
  });
export type ConsentStatement = z.infer<typeof consentStatementSchema>;

/** Bounds: a schema is read on every write, so it stays small enough to parse at once. */
export const maxDataFields = 1000;
export const maxSubscriptions = 200;
export const maxConsentStatements = 200;

export const accountSchemaSchema = z
  .object({
    profileSchema: z.object({ fields: z.record(z.string(), fieldSchema), dynamicSchema: z.literal(false).default(false) }).strict(),
    dataSchema: z
      .object({ fields: z.record(fieldNameSchema, fieldSchema).refine((fields) => Object.keys(fields).length <= maxDataFields, `at most ${maxDataFields} data fields`), dynamicSchema: z.boolean().default(true) })
      .strict(),
    subscriptionsSchema: z
      .object({ fields: z.record(fieldNameSchema, z.object({ email: subscriptionSchema }).strict()).refine((fields) => Object.keys(fields).length <= maxSubscriptions, `at most ${maxSubscriptions} subscriptions`) })
      .strict(),
    preferencesSchema: z
      .object({ fields: z.record(fieldNameSchema, consentStatementSchema).refine((fields) => Object.keys(fields).length <= maxConsentStatements, `at most ${maxConsentStatements} consent statements`) })
      .strict(),
    /**
     * The fake's own setting, never part of a getSchema answer: whether a client-side write may
     * create a data field or subscription the schema does not have (as clientModify). CDC refuses
     * it (400020); a fresh fake site allows it so that a Qualifio form works before any setSchema.
     */
    clientCreatesFields: z.boolean().default(true),
  })
  .strict();

export type AccountSchema = z.infer<typeof accountSchemaSchema>;
