import { inspect } from 'node:util';
import { z } from 'zod';
import { mappingSettingsSchema } from './mappingOverrides.js';
import { redact } from './redact.js';
import { Secret } from './secret.js';
import { fieldErrorsOf, SettingsError } from './fieldErrors.js';

/** The four set-ups of the seed: who is connected to Qualifio decides what a submission does. */
export const setupSchema = z.enum(['liteOnly', 'liteWithSso', 'liteAndSsoNative', 'custom']);
export type Setup = z.infer<typeof setupSchema>;

export const dataCenterSchema = z.enum(['us1', 'eu1', 'au1', 'eu2', 'cn1', 'ru1', 'global']);
export type DataCenter = z.infer<typeof dataCenterSchema>;

/** How the custom set-up records an opt-in: as a subscription (CDC's newsletters) or as a consent statement. */
export const optInAsSchema = z.enum(['subscription', 'consent']);
export type OptInAs = z.infer<typeof optInAsSchema>;

/** A Gigya secret is Base64 text (it is Base64-decoded into the HMAC key, gigya-api.md §2.1). */
const secretSchema = z
  .union([
    z.instanceof(Secret),
    z.string().regex(/^[A-Za-z0-9+/]{8,}={0,2}$/, 'Base64 text of at least 8 characters'),
  ])
  .transform((value) => (value instanceof Secret ? value : new Secret(value)));

const retrySchema = z
  .object({
    /** Attempts per Gigya call, the first included. */
    maxAttempts: z.number().int().min(1).max(10).default(3),
    baseDelayMs: z.number().int().min(0).max(60_000).default(250),
    maxDelayMs: z.number().int().min(0).max(300_000).default(5_000),
  })
  .strict();

const outboxSchema = z
  .object({
    baseDelayMs: z.number().int().min(0).default(5_000),
    maxDelayMs: z.number().int().min(0).default(5 * 60_000),
    /**
     * Kept under the 1 h life of a regToken (gigya-api.md §5) so a resumed lite registration
     * always reuses the token it stored instead of minting a second lite account.
     */
    maxAgeMs: z.number().int().min(1).max(55 * 60_000).default(30 * 60_000),
    pollIntervalMs: z.number().int().min(10).default(1_000),
  })
  .strict();

/** Settings > Integrations & partners > Gigya Lite Registration. */
export const integrationSettingsSchema = z
  .object({
    enabled: z.boolean().default(false),
    apiKey: z.string().trim().min(1).optional(),
    userKey: z.string().trim().min(1).optional(),
    secret: secretSchema.optional(),
    dataCenter: dataCenterSchema.default('us1'),
    /** Where requests go instead of https://accounts.<dataCenter>.gigya.com (the fake). Signatures still use the production host. */
    baseUrl: z.url({ protocol: /^https?$/ }).optional(),
    setup: setupSchema.default('liteOnly'),
    timeoutMs: z.number().int().min(1).max(60_000).default(10_000),
    retry: retrySchema.default({ maxAttempts: 3, baseDelayMs: 250, maxDelayMs: 5_000 }),
    outbox: outboxSchema.default({ baseDelayMs: 5_000, maxDelayMs: 5 * 60_000, maxAgeMs: 30 * 60_000, pollIntervalMs: 1_000 }),
    optInAs: optInAsSchema.default('subscription'),
    /** Subscription written for an opt-in (custom set-up only). */
    subscriptionId: z.string().regex(/^[A-Za-z0-9_.-]{1,100}$/, 'a Gigya subscription id such as newsletter').default('newsletter'),
    /** Consent statement granted by an opt-in when optInAs is consent; dotted ids nest (terms.marketing). */
    consentStatementId: z
      .string()
      .regex(/^[A-Za-z0-9_]{1,100}(\.[A-Za-z0-9_]{1,100}){0,9}$/, 'a Gigya consent statement id such as marketing.newsletter')
      .default('marketing.newsletter'),
    mapping: mappingSettingsSchema.default({ overrides: {}, phoneType: 'mobile' }),
  })
  .strict()
  .superRefine((settings, ctx) => {
    if (!settings.enabled) return;
    for (const field of ['apiKey', 'userKey', 'secret'] as const) {
      if (settings[field] === undefined) {
        ctx.addIssue({ code: 'custom', path: [field], message: 'required when the integration is enabled' });
      }
    }
  });

export type IntegrationSettingsInput = z.input<typeof integrationSettingsSchema>;
type ParsedIntegrationSettings = z.infer<typeof integrationSettingsSchema>;

/** Parsed settings; printing, logging or serialising them never shows the secret. */
export type IntegrationSettings = ParsedIntegrationSettings;

/** Settings of an enabled integration: credentials are present. */
export type EnabledIntegrationSettings = IntegrationSettings & {
  enabled: true;
  apiKey: string;
  userKey: string;
  secret: Secret;
};

export function isEnabled(settings: IntegrationSettings): settings is EnabledIntegrationSettings {
  return settings.enabled && settings.apiKey !== undefined && settings.userKey !== undefined && settings.secret !== undefined;
}

export function parseIntegrationSettings(input: unknown): IntegrationSettings {
  const result = integrationSettingsSchema.safeParse(input);
  if (!result.success) throw new SettingsError('Gigya Lite Registration settings', fieldErrorsOf(result.error));
  return makePrintSafe(result.data);
}

/** The stored form: the secret revealed, for the connector's own database only. */
export function serializeIntegrationSettings(settings: IntegrationSettings): string {
  return JSON.stringify({ ...settings, secret: settings.secret?.reveal() });
}

/**
 * The secret is already a Secret; this also gives the object itself a redacting toJSON and
 * inspect, so `console.log(settings)` and error payloads built from it stay safe even if a
 * later field holds a credential as plain text.
 */
function makePrintSafe(settings: ParsedIntegrationSettings): IntegrationSettings {
  Object.defineProperties(settings, {
    toJSON: { value: () => redact({ ...settings }), enumerable: false },
    [inspect.custom]: { value: () => redact({ ...settings }), enumerable: false },
  });
  return settings;
}
