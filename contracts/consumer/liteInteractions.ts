// The two calls of a lite registration, as interactions shared by the consumer tests.
import { MatchersV3, type PactV3 } from '@pact-foundation/pact';
import { states } from '../states.js';
import { fullSubmission, fullSubmissionProfile } from './fullSubmission.js';
import { type Given, signedPost, success } from './gigyaInteraction.js';

const { fromProviderState, regex } = MatchersV3;
const email = fullSubmission.email;

export const firstUid = '4c6d4614e8cd478f80e30fcc657db6ac';

/** initRegistration(isLite=true) answered with a regToken (minted by the provider: matched by shape). */
export function liteInitRegistration(pact: PactV3, description: string, givens: Given[], regToken: string): void {
  givens.forEach(([state, params]) => pact.given(state, params));
  pact
    .uponReceiving(description)
    .withRequest(signedPost('accounts.initRegistration', { isLite: 'true' }))
    .willRespondWith(success({ regToken: regex('^RT1_[A-Za-z0-9_-]+$', regToken) }));
}

/** setAccountInfo(regToken, profile) creating a lite account: a NEW 32-hex UID. */
export function liteSetAccountInfo(
  pact: PactV3,
  description: string,
  givens: Given[],
  regToken: string,
  profile: string,
  uid: string,
): void {
  givens.forEach(([state, params]) => pact.given(state, params));
  pact
    .given(states.liteRegToken)
    .uponReceiving(description)
    .withRequest(signedPost('accounts.setAccountInfo', { regToken: fromProviderState('${regToken}', regToken), profile }))
    .willRespondWith(success({ UID: regex('^[0-9a-f]{32}$', uid) }));
}

/** The first submission of jane.doe@example.com: nothing of her in Gigya yet. */
export function firstSubmission(pact: PactV3): void {
  liteInitRegistration(pact, 'an initRegistration for a lite account', [[states.noAccount, { email }]], 'RT1_contract_first');
  firstSetAccountInfo(pact);
}

/** Its setAccountInfo alone: what a retry resuming with the stored regToken sends. */
export function firstSetAccountInfo(pact: PactV3): void {
  liteSetAccountInfo(
    pact,
    'a lite setAccountInfo with the mapped profile of a submission carrying every CRM variable',
    [[states.noAccount, { email }]],
    'RT1_contract_first',
    fullSubmissionProfile,
    firstUid,
  );
}
