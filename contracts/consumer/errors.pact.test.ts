// The error answers the connector handles differently: a validation error fails the participation
// for good; a rate limit or a server error leaves it in the outbox, to be retried.
import { MatchersV3 } from '@pact-foundation/pact';
import { afterEach, describe, expect, it } from 'vitest';
import { states } from '../states.js';
import { connectorUnderTest, type ConnectorUnderTest } from './connectorUnderTest.js';
import { fullSubmission, fullSubmissionProfile } from './fullSubmission.js';
import { contractPact, failure, runAgainstMock, signedPost } from './gigyaInteraction.js';
import { firstSetAccountInfo, firstUid, liteInitRegistration } from './liteInteractions.js';

const { eachLike, like } = MatchersV3;

const pact = contractPact('errors');
let connector: ConnectorUnderTest | undefined;
afterEach(async () => {
  await connector?.close();
  connector = undefined;
});

describe('error answers of gigya-accounts', () => {
  it('fails the participation without retrying when Gigya answers 400009 to the profile', async () => {
    // A campaign asks for the year of birth and an override sends it as is to profile.birthYear:
    // Gigya validates it (docs/behaviour.md §8), the connector does not normalise overrides.
    connector = connectorUnderTest({
      setup: 'liteOnly',
      extraFields: [{ name: 'yearOfBirth', crmVariable: 'yearOfBirth', required: false }],
      overrides: { yearOfBirth: 'profile.birthYear' },
    });
    const under = connector;
    const email = 'ann.invalid@example.com';
    liteInitRegistration(pact, 'an initRegistration for a lite account of a participant with an invalid year of birth', [[states.noAccount, { email }]], 'RT1_contract_invalid');
    pact
      .given(states.noAccount, { email })
      .given(states.liteRegToken)
      .uponReceiving('a lite setAccountInfo whose profile fails validation')
      .withRequest(
        signedPost('accounts.setAccountInfo', {
          regToken: MatchersV3.fromProviderState('${regToken}', 'RT1_contract_invalid'),
          profile: '{"birthYear":"1789","email":"ann.invalid@example.com","firstName":"Ann","lastName":"Invalid"}',
        }),
      )
      .willRespondWith(
        failure(400009, 400, {
          validationErrors: eachLike({ errorCode: 400006, fieldName: 'profile.birthYear', message: like('Invalid birthYear') }),
        }),
      );

    const participation = await runAgainstMock(pact, async (mockServerUrl) => {
      under.pointAt(mockServerUrl);
      return under.submit({ email, firstname: 'Ann', lastname: 'Invalid', yearOfBirth: '1789' });
    });

    expect(participation).toMatchObject({ status: 'failed', attempts: 1, nextAttemptAt: null, lastError: expect.stringContaining('400009') });
    expect(participation.lastError).toContain('profile.birthYear');
    under.clock.now += 3_600_000;
    expect(await under.connector.outbox.drain()).toBe(0);
    expect(under.calls).toEqual(['accounts.initRegistration', 'accounts.setAccountInfo']);
  });

  it('leaves the participation in the outbox when Gigya answers 403048 (rate limit)', async () => {
    connector = connectorUnderTest({ setup: 'liteOnly' });
    const under = connector;
    pact
      .given(states.rateLimitExhausted, { method: 'accounts.initRegistration' })
      .uponReceiving('an initRegistration while the rate limit is exhausted')
      .withRequest(signedPost('accounts.initRegistration', { isLite: 'true' }))
      .willRespondWith(failure(403048, 403));

    const participation = await runAgainstMock(pact, async (mockServerUrl) => {
      under.pointAt(mockServerUrl);
      return under.submit(fullSubmission);
    });

    expect(participation).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringContaining('403048') });
    expect(participation.nextAttemptAt).not.toBeNull();
    expect(under.calls).toEqual(['accounts.initRegistration']);
  });

  it('keeps the regToken through a 500001 and the outbox retry writes the same lite account', async () => {
    connector = connectorUnderTest({ setup: 'liteOnly' });
    const under = connector;
    const email = fullSubmission.email;
    liteInitRegistration(pact, 'an initRegistration for a lite account before a server error', [[states.noAccount, { email }]], 'RT1_contract_first');
    pact
      .given(states.noAccount, { email })
      .given(states.liteRegToken)
      .given(states.nextCallFails, { method: 'accounts.setAccountInfo', errorCode: 500001 })
      .uponReceiving('a lite setAccountInfo answered by a general server error')
      .withRequest(
        signedPost('accounts.setAccountInfo', {
          regToken: MatchersV3.fromProviderState('${regToken}', 'RT1_contract_first'),
          profile: fullSubmissionProfile,
        }),
      )
      .willRespondWith(failure(500001, 500));

    const failed = await runAgainstMock(pact, async (mockServerUrl) => {
      under.pointAt(mockServerUrl);
      return under.submit(fullSubmission);
    });
    expect(failed).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringContaining('500001') });
    expect(failed.nextAttemptAt).not.toBeNull();

    // The outbox retry resumes with the stored regToken: setAccountInfo only, no second initRegistration.
    firstSetAccountInfo(pact);
    await runAgainstMock(pact, async (mockServerUrl) => {
      under.pointAt(mockServerUrl);
      under.clock.now = Date.parse(failed.nextAttemptAt!);
      expect(await under.connector.outbox.drain()).toBe(1);
    });
    expect(under.participation(failed.id)).toMatchObject({ status: 'succeeded', attempts: 2, uid: firstUid });
    expect(under.calls).toEqual(['accounts.initRegistration', 'accounts.setAccountInfo', 'accounts.setAccountInfo']);
  });
});
