// The provider under verification: the fake Gigya on a random loopback port (the embedding kit's
// startFakeGigya), with the contract site made from the fixed credentials both sides share.
import { startFakeGigya } from '../../server/embedded.js';
import { contractSite } from '../contractSite.js';

/** A Gigya call that passed authentication and reached its method. */
export interface AuthenticatedCall {
  method: string;
  params: Record<string, string>;
}

export async function startContractProvider() {
  const authenticated: AuthenticatedCall[] = [];
  const fake = await startFakeGigya({
    site: { apiKey: contractSite.apiKey, userKey: contractSite.userKey, secret: contractSite.secret, name: 'contract site' },
    dataCenter: contractSite.dataCenter,
    // Runs after the signature check and before faults and the method: what got through authentication.
    beforeHandle: ({ method, params }) => {
      authenticated.push({ method, params: { ...params } as Record<string, string> });
    },
  });
  return {
    baseUrl: fake.baseUrl,
    store: fake.store,
    faults: fake.faults,
    authenticated,
    /** Before every interaction: no accounts, tokens or faults, default policies. */
    reset: fake.reset,
    close: fake.close,
  };
}

export type ContractProvider = Awaited<ReturnType<typeof startContractProvider>>;
