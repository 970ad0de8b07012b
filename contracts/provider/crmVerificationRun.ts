// The child side of verifyCrmPacts (verification.ts): the Pact message verifier over the CRM's
// message pacts, each message produced by the fake for real (crmNotifications.ts).
import { MessageProviderPact } from '@pact-foundation/pact';
import { providerName } from '../contractSite.js';
import { crmNotificationProvider } from './crmNotifications.js';
import { answerParent } from './answerParent.js';
import type { VerificationOptions, VerificationReport } from './verification.js';

async function verify(options: VerificationOptions): Promise<VerificationReport> {
  const provider = await crmNotificationProvider();
  try {
    await new MessageProviderPact({
      provider: providerName,
      pactUrls: options.pactUrls,
      stateHandlers: provider.stateHandlers,
      messageProviders: provider.messageProviders,
      logLevel: 'warn',
    }).verify();
    return { passed: true, authenticated: [] };
  } catch (error) {
    return { passed: false, error: error instanceof Error ? error.message : String(error), authenticated: [] };
  } finally {
    await provider.close();
  }
}

answerParent('message verification run', verify);
