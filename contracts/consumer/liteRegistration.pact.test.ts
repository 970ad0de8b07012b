// liteOnly / liteWithSso: "a Lite account will be created in the Gigya database each time a form
// is submitted, without checking whether the profile already exists" (the seed).
import { afterEach, describe, expect, it } from 'vitest';
import { states } from '../states.js';
import { connectorUnderTest, type ConnectorUnderTest } from './connectorUnderTest.js';
import { fullSubmission, fullSubmissionProfile } from './fullSubmission.js';
import { type Given, contractPact, runAgainstMock } from './gigyaInteraction.js';
import { firstSubmission, firstUid, liteInitRegistration, liteSetAccountInfo } from './liteInteractions.js';

const email = fullSubmission.email;

const pact = contractPact('liteRegistration');
let connector: ConnectorUnderTest | undefined;
afterEach(async () => {
  await connector?.close();
  connector = undefined;
});

describe('liteOnly against gigya-accounts', () => {
  it('sends a submission carrying every CRM variable as exactly the mapped profile, in a new lite account', async () => {
    connector = connectorUnderTest({ setup: 'liteOnly' });
    const under = connector;
    firstSubmission(pact);
    await runAgainstMock(pact, async (mockServerUrl) => {
      under.pointAt(mockServerUrl);
      const participation = await under.submit(fullSubmission);
      expect(participation).toMatchObject({ status: 'succeeded', action: 'liteAccountCreated', uid: firstUid, attempts: 1 });
    });
    expect(under.calls).toEqual(['accounts.initRegistration', 'accounts.setAccountInfo']);
  });

  it('creates a second lite account with another UID when the same submission is made twice', async () => {
    connector = connectorUnderTest({ setup: 'liteOnly' });
    const under = connector;
    // One mock server cannot tell two identical requests apart: two runs on the same connector and database.
    firstSubmission(pact);
    const first = await runAgainstMock(pact, async (mockServerUrl) => {
      under.pointAt(mockServerUrl);
      return under.submit(fullSubmission);
    });
    expect(under.calls).toEqual(['accounts.initRegistration', 'accounts.setAccountInfo']);

    // The second time a lite account of that email exists; the provider must still mint a new one
    // (a 32-hex UID: the seeded account's UID is not hex, so reusing or merging into it fails verification).
    const existing: Given[] = [
      [states.liteAccount, { email }],
      [states.liteAccountsPolicy, { policy: 'perSubmit' }],
    ];
    liteInitRegistration(pact, 'an initRegistration for a lite account when a lite account of that email exists', existing, 'RT1_contract_second');
    liteSetAccountInfo(
      pact,
      'a lite setAccountInfo with the same profile when a lite account of that email exists',
      existing,
      'RT1_contract_second',
      fullSubmissionProfile,
      '9b1e5c2a7d3f4e6a8b0c1d2e3f4a5b6c',
    );
    const second = await runAgainstMock(pact, async (mockServerUrl) => {
      under.pointAt(mockServerUrl);
      return under.submit(fullSubmission);
    });

    expect(under.calls).toEqual(['accounts.initRegistration', 'accounts.setAccountInfo', 'accounts.initRegistration', 'accounts.setAccountInfo']);
    const stored = under.connector.participations.byCampaign('contract-contest');
    expect(stored.map((p) => p.id)).toEqual([first.id, second.id]);
    expect(stored.map((p) => [p.status, p.action])).toEqual([
      ['succeeded', 'liteAccountCreated'],
      ['succeeded', 'liteAccountCreated'],
    ]);
    expect(new Set(stored.map((p) => p.uid)).size).toBe(2);
  });
});
