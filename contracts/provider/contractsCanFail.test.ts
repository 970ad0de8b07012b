// The contracts can fail: a pact that expects something the fake does not do is rejected by the
// verifier. Each wrong pact is a copy of one real interaction with one deliberate change. The
// verifier's report of the failure is captured (verification.ts) and checked here, not printed.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { states } from '../states.js';
import { assembleGeneratedPact } from '../pactFiles.js';
import { verifyPacts } from './verification.js';

interface Interaction {
  description: string;
  providerStates?: Array<{ name: string; params?: Record<string, unknown> }>;
  response: { body: Record<string, unknown> };
}

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

const getAccountInfo = 'a getAccountInfo of the matched full account with its profile and subscriptions';
const resubmit = 'a lite setAccountInfo with the same profile when a lite account of that email exists';

describe('a deliberately wrong pact against the fake Gigya', () => {
  it('is rejected when it expects the first and last name swapped', async () => {
    const file = wrongPact(getAccountInfo, (interaction) => {
      const profile = interaction.response.body.profile as Record<string, unknown>;
      [profile.firstName, profile.lastName] = [profile.lastName, profile.firstName];
    });
    const run = await verifyPacts({ pactUrls: [file] });
    expect(run.passed).toBe(false);
    expect(run.error).toMatch(/\$\.profile\.firstName/);
    expect(run.output).toContain(`${getAccountInfo} (`);
    expect(run.output).toContain('has a matching body (FAILED)');
    expect(run.output).toMatch(/\$\.profile\.firstName -> Expected '\w+' \(String\) to be equal to '\w+' \(String\)/);
    expect(run.output).toContain('There were 1 pact failures');
    expect(run.output).toContain('Verification unsuccessful');
  });

  it('is rejected when a resubmit expects a new lite account but the site merges lite accounts by email', async () => {
    const file = wrongPact(resubmit, (interaction) => {
      const policy = interaction.providerStates?.find((state) => state.name === states.liteAccountsPolicy);
      if (!policy) throw new Error('the resubmit interaction lost its policy state');
      policy.params = { policy: 'mergeByEmail' };
    });
    // mergeByEmail updates the seeded lite account, whose UID is not 32 hex: the UID expectation fails.
    const run = await verifyPacts({ pactUrls: [file] });
    expect(run.passed).toBe(false);
    expect(run.error).toMatch(/\$\.UID/);
    expect(run.output).toContain('has a matching body (FAILED)');
    expect(run.output).toContain('There were 1 pact failures');
  });

  it('passes when the same interactions are left unchanged (the failures above come from the changes)', async () => {
    const run = await verifyPacts({ pactUrls: [wrongPact(getAccountInfo, () => {}), wrongPact(resubmit, () => {})] });
    expect(run.error).toBeUndefined();
    expect(run.passed).toBe(true);
    expect(run.output.match(/has a matching body \(OK\)/g)).toHaveLength(2);
    expect(run.output).not.toMatch(/FAILED|pact failures|unsuccessful/);
  });
});
