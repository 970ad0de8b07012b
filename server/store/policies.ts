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
  })
  .strict();

export type Policies = z.infer<typeof policiesSchema>;
export const defaultPolicies: Policies = policiesSchema.parse({});
