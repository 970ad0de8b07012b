// The message contract between the fake Gigya's webhook notifications (provider) and a brand's
// CRM receiving them (consumer `crm-webhook-receiver`, scenarios/crm.ts): what the CRM relies on
// in a version 2.0 notification. Fixed names and paths, shared by both sides.
import { join } from 'node:path';
import { generatedPactDir, pactDir, providerName } from './contractSite.js';

export const crmConsumerName = 'crm-webhook-receiver';

export const crmPactFileName = `${crmConsumerName}-${providerName}.json`;

/** Where the message consumer test writes its pact (emptied when it starts). */
export const generatedCrmPactDir = join(generatedPactDir, 'crmWebhook');

/** The committed message pact: what the provider verifies. */
export const committedCrmPactFile = join(pactDir, crmPactFileName);

/** The provider states of the message contract. */
export const crmStates = {
  /** A version 2.0 webhook is set and a lite account is created by a form submission. */
  liteAccountCreated: 'a 2.0 webhook is set and a form submission creates a lite account',
  /** The same, then a full account of the same site has its profile overwritten. */
  fullAccountUpdated: 'a 2.0 webhook is set and a full account has its profile changed',
} as const;

export const crmMessages = {
  liteAccountCreated: 'a notification of a new lite account',
  fullAccountUpdated: 'a notification of a changed full account',
} as const;
