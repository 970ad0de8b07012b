// State handlers: each provider state of the pacts (../states.ts) set up by seeding the fake's own
// store through its seed loader and repositories, never through the API under verification.
// Ids the provider mints are returned, for the pacts' fromProviderState('${UID}' / '${regToken}').
import { z } from 'zod';
import { regTokenLifetimeMs } from '../../server/accounts/regTokens.js';
import { randomIds, systemClock } from '../../server/protocol/ids.js';
import { loadSeed } from '../../server/seed/loadSeed.js';
import { policiesSchema } from '../../server/store/policies.js';
import { contractSite } from '../contractSite.js';
import { states } from '../states.js';
import type { ContractProvider } from './contractProvider.js';

/**
 * The lite account of "a lite account exists": deliberately NOT a 32-hex UID, so an interaction
 * expecting a new lite account (UID ^[0-9a-f]{32}$) fails if the provider reuses or merges into it.
 */
export const existingLiteUid = 'lite_existing_account_0001';

const emailParams = z.object({ email: z.string() });
const fullAccountParams = z.object({ email: z.string(), profile: z.record(z.string(), z.unknown()) });
const policyParams = z.object({ policy: policiesSchema.shape.liteAccounts });
const methodParams = z.object({ method: z.string() });
const faultParams = z.object({ method: z.string(), errorCode: z.number().int() });
const consentParams = z.object({ consentStatementId: z.string(), currentDocVersion: z.number() });

type StateHandler = (params?: unknown) => Promise<Record<string, string> | undefined>;

export function stateHandlers(provider: ContractProvider): Record<string, StateHandler> {
  const { store, faults } = provider;
  const seed = (account: Record<string, unknown>) =>
    loadSeed(store, randomIds, systemClock, { sites: [{ apiKey: contractSite.apiKey, accounts: [account] }] });

  return {
    [states.noAccount]: async (params) => {
      const { email } = emailParams.parse(params);
      // Every interaction starts from an empty site (the verifier's beforeEach); say so if not.
      if (store.accounts.byEmail(contractSite.apiKey, email).length > 0) throw new Error(`an account of ${email} exists`);
      return undefined;
    },
    [states.liteAccount]: async (params) => {
      const { email } = emailParams.parse(params);
      seed({ kind: 'lite', uid: existingLiteUid, email, profile: { firstName: 'Earlier', lastName: 'Submission' } });
      return undefined;
    },
    [states.fullAccount]: async (params) => {
      const { email, profile } = fullAccountParams.parse(params);
      const uid = randomIds.uid();
      seed({ kind: 'full', uid, email, password: 'contract-password-1', profile, isVerified: true });
      return { UID: uid };
    },
    [states.liteAccountsPolicy]: async (params) => {
      const { policy } = policyParams.parse(params);
      const site = store.sites.get(contractSite.apiKey)!;
      store.sites.setPolicies(contractSite.apiKey, { ...site.policies, liteAccounts: policy });
      return undefined;
    },
    [states.liteRegToken]: async () => {
      const token = randomIds.regToken();
      store.regTokens.save({ token, site: contractSite.apiKey, isLite: true, uid: null, expiresMs: systemClock.now() + regTokenLifetimeMs });
      return { regToken: token };
    },
    [states.rateLimitExhausted]: async (params) => {
      const { method } = methodParams.parse(params);
      faults.add({ kind: 'rateLimit', apiKey: contractSite.apiKey, method, limit: 0, windowMs: 60_000 });
      return undefined;
    },
    [states.consentStatement]: async (params) => {
      const { consentStatementId, currentDocVersion } = consentParams.parse(params);
      // Declared through the seed loader, as a seed file would: optional, so later interactions are unaffected.
      loadSeed(store, randomIds, systemClock, {
        sites: [{ apiKey: contractSite.apiKey, consentStatements: { [consentStatementId]: { required: false, currentDocVersion } } }],
      });
      return undefined;
    },
    [states.nextCallFails]: async (params) => {
      const { method, errorCode } = faultParams.parse(params);
      faults.add({ kind: 'error', apiKey: contractSite.apiKey, method, errorCode, times: 1 });
      return undefined;
    },
  };
}
