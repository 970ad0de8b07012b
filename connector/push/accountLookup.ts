import { z } from 'zod';
import type { GigyaClient } from '../gigya/client.js';
import { gigyaProfileSchema } from '../gigya/profile.js';
import { accountsByEmailQuery } from '../gigya/search.js';

/** One `FROM accounts` result: full accounts have isRegistered true, lite ones false. */
const searchResultSchema = z
  .object({
    UID: z.string(),
    isRegistered: z.boolean().optional(),
    profile: gigyaProfileSchema.optional(),
    lastUpdatedTimestamp: z.number().optional(),
    lastUpdated: z.string().optional(),
  })
  .loose();

const searchResponseSchema = z.object({ results: z.array(searchResultSchema).default([]) }).loose();

export type MatchedAccount = z.infer<typeof searchResultSchema>;

export interface EmailMatches {
  /** The most recently updated full account with that email, if any. */
  full: MatchedAccount | undefined;
  /** The most recently updated lite account with that email, if any. */
  lite: MatchedAccount | undefined;
}

/** Identity matching by email across full and lite accounts (accounts.search, accountTypes=full,lite). */
export async function findAccountsByEmail(client: GigyaClient, email: string): Promise<EmailMatches> {
  const response = await client.search({ query: accountsByEmailQuery(email), accountTypes: 'full,lite' });
  const results = searchResponseSchema.parse(response).results.sort((a, b) => updatedAt(b) - updatedAt(a));
  return {
    full: results.find((account) => account.isRegistered === true),
    lite: results.find((account) => account.isRegistered !== true),
  };
}

function updatedAt(account: MatchedAccount): number {
  if (account.lastUpdatedTimestamp !== undefined) return account.lastUpdatedTimestamp;
  const parsed = account.lastUpdated ? Date.parse(account.lastUpdated) : NaN;
  return Number.isNaN(parsed) ? 0 : parsed;
}
