import { z } from 'zod';
import { emailSchema } from '../accounts/email.js';
import { siteInputSchema } from '../sites/createSite.js';
import { webhookInputSchema } from '../webhooks/webhookSettings.js';

const jsonObject = z.record(z.string(), z.unknown());

export const seedAccountSchema = z
  .object({
    kind: z.enum(['full', 'lite']),
    /** Optional: without it a stable UID is derived, so seeding the same file twice adds nothing. */
    uid: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional(),
    email: emailSchema,
    password: z.string().min(8).optional(),
    profile: jsonObject.default({}),
    data: jsonObject.default({}),
    subscriptions: jsonObject.default({}),
    preferences: jsonObject.default({}),
    isVerified: z.boolean().default(false),
    regSource: z.string().optional(),
  })
  .strict()
  .refine((account) => account.kind === 'lite' || account.password !== undefined, {
    message: 'a full account needs a password',
    path: ['password'],
  })
  .refine((account) => account.kind === 'full' || account.password === undefined, {
    message: 'a lite account has no password',
    path: ['password'],
  });

export const seedSiteSchema = siteInputSchema.extend({
  /** Changes to the site's accounts schema, as accounts.setSchema takes them (profileSchema, dataSchema, …). */
  schema: z.record(z.string(), z.unknown()).optional(),
  /** The site's consent statements by id (preferencesSchema.fields), e.g. {"terms.tos": {"required": true, "currentDocVersion": 1}}. */
  consentStatements: z.record(z.string(), z.unknown()).optional(),
  accounts: z.array(seedAccountSchema).default([]),
  /** Set after the accounts (accounts.webhooks.set's rules): they hear of what happens next, not of the seed. */
  webhooks: z.array(webhookInputSchema).max(50).default([]),
});

export const seedSchema = z.object({ sites: z.array(seedSiteSchema).min(1) }).strict();

export type Seed = z.input<typeof seedSchema>;
export type SeedAccount = z.infer<typeof seedAccountSchema>;
