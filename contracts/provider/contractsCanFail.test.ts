// The contracts can fail: a pact that expects something the fake does not do is rejected by the
// verifier. Each wrong pact is a copy of one real interaction with one deliberate change.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { states } from '../states.js';
import { assembleGeneratedPact } from '../pactFiles.js';
import { startContractProvider, type ContractProvider } from './contractProvider.js';
import { verifyPacts } from './verification.js';

interface Interaction {
  description: string;
  providerStates?: Array<{ name: string; params?: Record<string, unknown> }>;
  response: { body: Record<string, unknown> };
}

let provider: ContractProvider;
beforeAll(async () => {
  provider = await startContractProvider();
});
afterAll(async () => {
  await provider.close();
});

/** A pact file holding one interaction of the generated pact, changed by `change`, in a temp dir. */
function wrongPact(description: string, change: (interaction: Interaction) => void): string {
  const pact = JSON.parse(assembleGeneratedPact()) as { interactions: Interaction[] };
  const interaction = pact.interactions.find((candidate) => candidate.description === description);
  if (!interaction) throw new Error(`no interaction "${description}" in the generated pact`);
  change(interaction);
  const file = join(mkdtempSync(join(tmpdir(), 'wrong-pact-')), 'wrong-pact.json');
  writeFileSync(file, JSON.stringify({ ...pact, interactions: [interaction] }, null, 2));
  return file;
}

describe('a deliberately wrong pact against the fake Gigya', () => {
  it('is rejected when it expects the first and last name swapped', async () => {
    const file = wrongPact('a getAccountInfo of the matched full account with its profile and subscriptions', (interaction) => {
      const profile = interaction.response.body.profile as Record<string, unknown>;
      [profile.firstName, profile.lastName] = [profile.lastName, profile.firstName];
    });
    await expect(verifyPacts(provider, { pactUrls: [file] })).rejects.toThrow(/\$\.profile\.firstName/);
  });

  it('is rejected when a resubmit expects a new lite account but the site merges lite accounts by email', async () => {
    const file = wrongPact('a lite setAccountInfo with the same profile when a lite account of that email exists', (interaction) => {
      const policy = interaction.providerStates?.find((state) => state.name === states.liteAccountsPolicy);
      if (!policy) throw new Error('the resubmit interaction lost its policy state');
      policy.params = { policy: 'mergeByEmail' };
    });
    // mergeByEmail updates the seeded lite account, whose UID is not 32 hex: the UID expectation fails.
    await expect(verifyPacts(provider, { pactUrls: [file] })).rejects.toThrow(/\$\.UID/);
  });

  it('passes when the same interactions are left unchanged (the failures above come from the changes)', async () => {
    const unchanged = [
      wrongPact('a getAccountInfo of the matched full account with its profile and subscriptions', () => {}),
      wrongPact('a lite setAccountInfo with the same profile when a lite account of that email exists', () => {}),
    ];
    await expect(verifyPacts(provider, { pactUrls: unchanged })).resolves.toBeDefined();
  });
});
