// custom: the integration the seed recommends to avoid overwriting full accounts: the full account
// keeps its values, only blanks are filled, and the opt-in becomes a subscription.
import { MatchersV3 } from '@pact-foundation/pact';
import { afterEach, describe, expect, it } from 'vitest';
import { states } from '../states.js';
import { connectorUnderTest, type ConnectorUnderTest } from './connectorUnderTest.js';
import { type Given, contractPact, runAgainstMock, signedPost, success } from './gigyaInteraction.js';

const { fromProviderState } = MatchersV3;

const jane = { email: 'jane.roe@example.com', profile: { firstName: 'Jane', lastName: 'Roe' } };
const janeUid = '7a2d4f6b8c0e1a3c5e7f9b1d3f5a7c9e';
const fullAccountOfJane: Given = [states.fullAccount, jane];

const pact = contractPact('custom');
let connector: ConnectorUnderTest | undefined;
afterEach(async () => {
  await connector?.close();
  connector = undefined;
});

describe('custom against gigya-accounts', () => {
  it('fills only the blank fields of the full account and records the opt-in as a subscription', async () => {
    connector = connectorUnderTest({ setup: 'custom' });
    const under = connector;
    pact
      .given(...fullAccountOfJane)
      .uponReceiving('a search of full and lite accounts by the email of a full account')
      .withRequest(
        signedPost('accounts.search', { query: 'SELECT * FROM accounts WHERE profile.email = "jane.roe@example.com"', accountTypes: 'full,lite' }),
      )
      .willRespondWith(
        success({ results: [{ UID: fromProviderState('${UID}', janeUid), isRegistered: true, profile: { email: jane.email } }] }),
      );
    pact
      .given(...fullAccountOfJane)
      .uponReceiving('a getAccountInfo of the matched full account with its profile and subscriptions')
      .withRequest(signedPost('accounts.getAccountInfo', { UID: fromProviderState('${UID}', janeUid), include: 'profile,subscriptions' }))
      .willRespondWith(
        success({ UID: fromProviderState('${UID}', janeUid), profile: { email: jane.email, firstName: 'Jane', lastName: 'Roe' } }),
      );
    pact
      .given(...fullAccountOfJane)
      .uponReceiving('a setAccountInfo by UID filling the blank profile fields with the opt-in subscription')
      .withRequest(
        signedPost('accounts.setAccountInfo', {
          UID: fromProviderState('${UID}', janeUid),
          profile: '{"city":"Diest","gender":"f"}',
          subscriptions: '{"newsletter":{"email":{"isSubscribed":true}}}',
        }),
      )
      .willRespondWith(success());

    await runAgainstMock(pact, async (mockServerUrl) => {
      under.pointAt(mockServerUrl);
      const participation = await under.submit({
        email: 'jane.roe@example.com',
        firstname: 'Janet',
        lastname: 'Other',
        gender: 'F',
        locality: 'Diest',
        optin: 'on',
      });
      expect(participation).toMatchObject({ status: 'succeeded', action: 'blanksFilled', uid: janeUid });
    });
    expect(under.calls).toEqual(['accounts.search', 'accounts.getAccountInfo', 'accounts.setAccountInfo']);
  });
});
