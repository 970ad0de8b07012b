import { z } from 'zod';

/** A site's emulator policies: how this fake site behaves where Gigya sites differ or Gigya is unsure. */
export const policiesSchema = z
  .object({
    /**
     * perSubmit: every lite setAccountInfo with a fresh regToken creates a new lite account
     * (what the Qualifio seed describes). mergeByEmail: the lite account of that email is
     * updated instead (what SAP's email-accounts documentation describes).
     */
    liteAccounts: z.enum(['perSubmit', 'mergeByEmail']).default('perSubmit'),
    /** Accepted distance between a signed request's timestamp and the server clock. */
    signatureSkewSeconds: z.number().int().min(1).max(86_400).default(120),
    /** Answer a secret sent over plain HTTP with 403006, as Gigya does. Off by default: the fake is usually served over HTTP. */
    httpsOnly: z.boolean().default(false),
    /** Emulates Gigya's search indexing lag: writes become searchable after this delay. */
    searchDelayMs: z.number().int().min(0).max(60_000).default(0),
    /**
     * Waits between a webhook notification's failed attempts; the last one repeats. Gigya's exact
     * schedule is unpublished ("increasing intervals up to one hour"): docs/behaviour.md.
     */
    webhookRetryDelaysMs: z.array(z.number().int().min(0).max(86_400_000)).min(1).max(20).default([10_000, 30_000, 60_000, 300_000, 900_000, 1_800_000, 3_600_000]),
    /** A notification still refused this long after it was made is given up (marked failed). */
    webhookGiveUpAfterMs: z.number().int().min(0).max(30 * 86_400_000).default(3 * 86_400_000),
    /** How long a receiver has to answer before the attempt counts as failed (Gigya waits 10 s). */
    webhookTimeoutMs: z.number().int().min(1).max(120_000).default(10_000),
  })
  .strict();

export type Policies = z.infer<typeof policiesSchema>;
export const defaultPolicies: Policies = policiesSchema.parse({});
