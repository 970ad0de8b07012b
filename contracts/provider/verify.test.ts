// Provider verification: the committed pacts, checked first against what the consumer tests just
// generated (drift), then replayed against the fake Gigya with real signatures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractSite } from '../contractSite.js';
import { checkPactDrift, committedPacts } from '../pactFiles.js';
import { startContractProvider, type ContractProvider } from './contractProvider.js';
import { verifyPacts } from './verification.js';

let provider: ContractProvider;
beforeAll(async () => {
  provider = await startContractProvider();
});
afterAll(async () => {
  await provider.close();
});

describe('the committed pacts', () => {
  it('are the ones the consumer tests generate', () => {
    const outcome = checkPactDrift({ ci: process.env.CI === 'true' });
    if (outcome.kind === 'rewritten') {
      console.warn(`contracts: ${outcome.file} differed from the consumer tests' pact and was rewritten: review and commit it (git diff contracts/pacts)`);
    }
    expect(outcome, 'contract drift: the consumer tests generate another pact than the committed one; run `npx vitest run contracts` locally and commit contracts/pacts').not.toMatchObject({
      kind: 'drifted',
    });
  });
});

describe('gigya-accounts (the fake Gigya) against every pact in contracts/pacts', () => {
  it('honours every interaction, each request signed for real', async () => {
    provider.authenticated.length = 0;
    await expect(verifyPacts(provider, { pactUrls: committedPacts() })).resolves.toBeDefined();

    // Every replayed call went through the signature check (signed mode: sig, fresh timestamp
    // in seconds) and reached its method: the form path, not the JSON one.
    const methods = new Set(provider.authenticated.map((call) => call.method));
    expect(methods).toEqual(new Set(['accounts.initRegistration', 'accounts.setAccountInfo', 'accounts.search', 'accounts.getAccountInfo']));
    for (const call of provider.authenticated) {
      expect(call.params).toMatchObject({ apiKey: contractSite.apiKey, userKey: contractSite.userKey, sig: expect.stringMatching(/^[A-Za-z0-9+/]+={0,2}$/) });
      expect(Math.abs(Number(call.params.timestamp) - Date.now() / 1000)).toBeLessThan(120);
    }
  });

  it('fails when the requests are signed with another secret (the fake checks every signature)', async () => {
    provider.authenticated.length = 0;
    const wrongSecret = Buffer.from('not-the-contract-secret').toString('base64');
    await expect(verifyPacts(provider, { pactUrls: committedPacts(), secret: wrongSecret })).rejects.toThrow();
    expect(provider.authenticated).toEqual([]);
  });
});
