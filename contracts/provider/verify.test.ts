// Provider verification: the committed pacts, checked first against what the consumer tests just
// generated (drift), then replayed against the fake Gigya with real signatures.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contractSite } from '../contractSite.js';
import { checkPactDrift, committedPacts } from '../pactFiles.js';
import { verifyPacts } from './verification.js';

describe('the committed pacts', () => {
  it('are the ones the consumer tests generate', () => {
    const outcome = checkPactDrift();
    if (outcome.kind === 'drifted') {
      // The diff shows what changed; the message what to do about it.
      expect(outcome.committed, `contract drift: ${outcome.file} is not the pact the consumer tests generate; if the change is intended, run \`npm run pact:update\` and commit contracts/pacts`).toBe(outcome.generated);
    }
    expect(outcome).toEqual({ kind: 'unchanged' });
  });
});

describe('gigya-accounts (the fake Gigya) against every pact in contracts/pacts', () => {
  it('honours every interaction, each request signed for real', async () => {
    const run = await verifyPacts({ pactUrls: committedPacts() });
    expect(run.error).toBeUndefined();
    expect(run.passed).toBe(true);
    // The verifier's report, captured: one matching body per interaction of the committed pacts.
    const interactions = committedPacts().reduce((count, file) => count + (JSON.parse(readFileSync(file, 'utf8')) as { interactions: unknown[] }).interactions.length, 0);
    expect(run.output.match(/has a matching body \(OK\)/g)).toHaveLength(interactions);
    expect(run.output).not.toMatch(/FAILED|pact failures/);

    // Every replayed call went through the signature check (signed mode: sig, fresh timestamp
    // in seconds) and reached its method: the form path, not the JSON one.
    const methods = new Set(run.authenticated.map((call) => call.method));
    expect(methods).toEqual(new Set(['accounts.initRegistration', 'accounts.setAccountInfo', 'accounts.search', 'accounts.getAccountInfo']));
    for (const call of run.authenticated) {
      expect(call.params).toMatchObject({ apiKey: contractSite.apiKey, userKey: contractSite.userKey, sig: expect.stringMatching(/^[A-Za-z0-9+/]+={0,2}$/) });
      expect(Math.abs(Number(call.params.timestamp) - Date.now() / 1000)).toBeLessThan(120);
    }
  });

  it('fails when the requests are signed with another secret (the fake checks every signature)', async () => {
    const wrongSecret = Buffer.from('not-the-contract-secret').toString('base64');
    const run = await verifyPacts({ pactUrls: committedPacts(), secret: wrongSecret });
    expect(run.passed).toBe(false);
    expect(run.authenticated).toEqual([]);
    // Every interaction is answered with Gigya's invalid-signature error instead.
    expect(run.error).toContain('Expected 403003 (Integer) to be equal to');
    expect(run.output).toMatch(/There were \d+ pact failures/);
    expect(run.output).toContain('Verification unsuccessful');
    expect(run.output).not.toContain(wrongSecret);
  });
});
