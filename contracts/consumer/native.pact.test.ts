// liteAndSsoNative: "The identity matching will be done with the participant's email address and
// the latest data will be pushed to overwrite the existing data" (the seed).
import { MatchersV3 } from '@pact-foundation/pact';
import { afterEach, describe, expect, it } from 'vitest';
import { states } from '../states.js';
import { connectorUnderTest, type ConnectorUnderTest } from './connectorUnderTest.js';
import { type Given, contractPact, runAgainstMock, signedPost, success } from './gigyaInteraction.js';

const { fromProviderState } = MatchersV3;

const john = { email: 'john.doe@example.com', profile: { firstName: 'John', lastName: 'Doe', city: 'Leuven' } };
const johnUid = '5f0c3e1a9b7d4c2e8a6f1b3d5c7e9a0b';
const fullAccountOfJohn: Given = [states.fullAccount, john];

const pact = contractPact('native');
let connector: ConnectorUnderTest | undefined;
afterEach(async () => {
  await connector?.close();
  connector = undefined;
});

describe('liteAndSsoNative against gigya-accounts', () => {
  it('finds the full account by email and overwrites its profile with the submission', async () => {
    connector = connectorUnderTest({ setup: 'liteAndSsoNative' });
    const under = connector;
    pact
      .given(...fullAccountOfJohn)
      .uponReceiving('a search of full and lite accounts by the participant email')
      .withRequest(
        signedPost('accounts.search', { query: 'SELECT * FROM accounts WHERE profile.email = "john.doe@example.com"', accountTypes: 'full,lite' }),
      )
      .willRespondWith(
        success({ results: [{ UID: fromProviderState('${UID}', johnUid), isRegistered: true, profile: { email: john.email } }] }),
      );
    pact
      .given(...fullAccountOfJohn)
      .uponReceiving('a setAccountInfo by UID overwriting the full account with the submitted profile')
      .withRequest(
        signedPost('accounts.setAccountInfo', {
          UID: fromProviderState('${UID}', johnUid),
          profile: '{"email":"john.doe@example.com","firstName":"Johnny","lastName":"Lite","city":"Diest"}',
        }),
      )
      .willRespondWith(success());

    await runAgainstMock(pact, async (mockServerUrl) => {
      under.pointAt(mockServerUrl);
      const participation = await under.submit({ email: 'john.doe@example.com', firstname: 'Johnny', lastname: 'Lite', locality: 'Diest' });
      expect(participation).toMatchObject({ status: 'succeeded', action: 'accountOverwritten', uid: johnUid });
    });
    expect(under.calls).toEqual(['accounts.search', 'accounts.setAccountInfo']);
  });
});
