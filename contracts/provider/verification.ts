// One run of the Pact verifier against the contract provider.
import { Verifier } from '@pact-foundation/pact';
import { contractSite, providerName } from '../contractSite.js';
import type { ContractProvider } from './contractProvider.js';
import { stateHandlers } from './providerStates.js';
import { resigningFilter, type RequestFilter } from './resign.js';

export interface VerificationOptions {
  pactUrls: string[];
  /** The secret the request filter signs with; the contract site's unless a test wants it wrong. */
  secret?: string;
  requestFilter?: RequestFilter;
}

/** Resolves when every interaction of every pact matches; rejects on any mismatch. */
export function verifyPacts(provider: ContractProvider, options: VerificationOptions): Promise<string> {
  return new Verifier({
    provider: providerName,
    providerBaseUrl: provider.baseUrl,
    pactUrls: options.pactUrls,
    stateHandlers: stateHandlers(provider),
    // Each interaction starts from an empty site, whatever the previous one left.
    beforeEach: async () => provider.reset(),
    requestFilter: options.requestFilter ?? resigningFilter({ secret: options.secret ?? contractSite.secret, dataCenter: contractSite.dataCenter }),
    logLevel: 'warn',
  }).verifyProvider();
}
