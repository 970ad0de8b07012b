// What both sides of the contract agree on before any request: who the parties are, where the
// pact files live and the Gigya site whose credentials the consumer signs with and the provider
// verifies with. Fixed, public and fake: never reuse them for a real site.
import { fileURLToPath } from 'node:url';

export const consumerName = 'qualifio-gigya-lite-connector';
export const providerName = 'gigya-accounts';

export const contractSite = {
  apiKey: '3_contract_site',
  userKey: 'AContractKey',
  /** Base64 text of "contract-secret-not-for-production". */
  secret: Buffer.from('contract-secret-not-for-production').toString('base64'),
  dataCenter: 'us1',
} as const;

/** The committed pact files: what the provider verifies and the broker receives. */
export const pactDir = fileURLToPath(new URL('./pacts/', import.meta.url));

/** Where each consumer test file writes its own pact (one sub-folder per file, see pactFiles.ts). */
export const generatedPactDir = fileURLToPath(new URL('./.generated/', import.meta.url));

/** The pact file of this consumer/provider pair, as Pact names it. */
export const pactFileName = `${consumerName}-${providerName}.json`;
