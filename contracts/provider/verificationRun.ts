// The child side of verification.ts: starts the contract provider, runs the Pact verifier over the
// pacts it is sent and answers with the outcome and the calls that got through authentication.
import { Verifier } from '@pact-foundation/pact';
import { contractSite, providerName } from '../contractSite.js';
import { startContractProvider } from './contractProvider.js';
import { stateHandlers } from './providerStates.js';
import { resigningFilter } from './resign.js';
import { answerParent } from './answerParent.js';
import type { VerificationOptions, VerificationReport } from './verification.js';

async function verify(options: VerificationOptions): Promise<VerificationReport> {
  const provider = await startContractProvider();
  try {
    await new Verifier({
      provider: providerName,
      providerBaseUrl: provider.baseUrl,
      pactUrls: options.pactUrls,
      stateHandlers: stateHandlers(provider),
      // Each interaction starts from an empty site, whatever the previous one left.
      beforeEach: async () => provider.reset(),
      requestFilter: resigningFilter({ secret: options.secret ?? contractSite.secret, dataCenter: contractSite.dataCenter }),
      logLevel: 'warn',
    }).verifyProvider();
    return { passed: true, authenticated: provider.authenticated };
  } catch (error) {
    return { passed: false, error: error instanceof Error ? error.message : String(error), authenticated: provider.authenticated };
  } finally {
    await provider.close();
  }
}

answerParent('verification run', verify);
