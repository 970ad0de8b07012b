// custom: the integration the seed recommends to avoid overwriting full accounts: the full account
// keeps its values, only blanks are filled, and the opt-in becomes a subscription or a consent statement.
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

  it('records the opt-in as a consent statement when set up so: only isConsentGranted, nested by the dotted id', async () => {
    connector = connectorUnderTest({ setup: 'custom', optIn: { optInAs: 'consent', consentStatementId: 'marketing.newsletter' } });
    const under = connector;
    const ann = { email: 'ann.roe@example.com', profile: { firstName: 'Ann', lastName: 'Roe', gender: 'f' } };
    const annUid = '5e7f9b1d3f5a7c9e7a2d4f6b8c0e1a3c';
    const fullAccountOfAnn: Given = [states.fullAccount, ann];
    const consentDeclared: Given = [states.consentStatement, { consentStatementId: 'marketing.newsletter', currentDocVersion: 2 }];
    pact
      .given(...fullAccountOfAnn)
      .given(...consentDeclared)
      .uponReceiving('a search of full and lite accounts by the email of a full account on a site with a consent statement')
      .withRequest(signedPost('accounts.search', { query: 'SELECT * FROM accounts WHERE profile.email = "ann.roe@example.com"', accountTypes: 'full,lite' }))
      .willRespondWith(success({ results: [{ UID: fromProviderState('${UID}', annUid), isRegistered: true, profile: { email: ann.email } }] }));
    pact
      .given(...fullAccountOfAnn)
      .given(...consentDeclared)
      .uponReceiving('a getAccountInfo of the matched full account before granting a consent')
      .withRequest(signedPost('accounts.getAccountInfo', { UID: fromProviderState('${UID}', annUid), include: 'profile,subscriptions' }))
      .willRespondWith(success({ UID: fromProviderState('${UID}', annUid), profile: { email: ann.email, firstName: 'Ann', lastName: 'Roe', gender: 'f' } }));
    pact
      .given(...fullAccountOfAnn)
      .given(...consentDeclared)
      .uponReceiving('a setAccountInfo by UID filling the blank city and granting the opt-in consent statement')
      .withRequest(
        signedPost('accounts.setAccountInfo', {
          UID: fromProviderState('${UID}', annUid),
          profile: '{"city":"Diest"}',
          preferences: '{"marketing":{"newsletter":{"isConsentGranted":true}}}',
        }),
      )
      .willRespondWith(success());

    await runAgainstMock(pact, async (mockServerUrl) => {
      under.pointAt(mockServerUrl);
      const participation = await under.submit({ email: ann.email, firstname: 'Other', lastname: 'Other', locality: 'Diest', optin: 'on' });
      expect(participation).toMatchObject({ status: 'succeeded', action: 'blanksFilled', uid: annUid });
    });
    expect(under.calls).toEqual(['accounts.search', 'accounts.getAccountInfo', 'accounts.setAccountInfo']);
  });

  it('reads the extra profile fields it maps (phones) so it never overwrites them', async () => {
    connector = connectorUnderTest({ setup: 'custom' });
    const under = connector;
    const max = { email: 'max.roe@example.com', profile: { firstName: 'Max', lastName: 'Roe', phones: [{ type: 'mobile', number: '+32470111111' }] } };
    const maxUid = '3c5e7f9b1d3f5a7c9e7a2d4f6b8c0e1a';
    const fullAccountOfMax: Given = [states.fullAccount, max];
    pact
      .given(...fullAccountOfMax)
      .uponReceiving('a search of full and lite accounts by the email of a full account with phones')
      .withRequest(signedPost('accounts.search', { query: 'SELECT * FROM accounts WHERE profile.email = "max.roe@example.com"', accountTypes: 'full,lite' }))
      .willRespondWith(success({ results: [{ UID: fromProviderState('${UID}', maxUid), isRegistered: true, profile: { email: max.email } }] }));
    pact
      .given(...fullAccountOfMax)
      .uponReceiving('a getAccountInfo of the matched full account asking for its phones')
      .withRequest(
        signedPost('accounts.getAccountInfo', { UID: fromProviderState('${UID}', maxUid), include: 'profile,subscriptions', extraProfileFields: 'phones' }),
      )
      .willRespondWith(success({ UID: fromProviderState('${UID}', maxUid), profile: { email: max.email, firstName: 'Max', lastName: 'Roe', phones: max.profile.phones } }));
    pact
      .given(...fullAccountOfMax)
      .uponReceiving('a setAccountInfo by UID filling the blank city and leaving the phones alone')
      .withRequest(signedPost('accounts.setAccountInfo', { UID: fromProviderState('${UID}', maxUid), profile: '{"city":"Diest"}' }))
      .willRespondWith(success());

    await runAgainstMock(pact, async (mockServerUrl) => {
      under.pointAt(mockServerUrl);
      const participation = await under.submit({ email: max.email, firstname: 'Other', lastname: 'Other', phone: '+32470999999', locality: 'Diest' });
      expect(participation).toMatchObject({ status: 'succeeded', action: 'blanksFilled', uid: maxUid });
    });
    expect(under.calls).toEqual(['accounts.search', 'accounts.getAccountInfo', 'accounts.setAccountInfo']);
  });
});
