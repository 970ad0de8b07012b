// The provider states of the contract, named once for both sides: the consumer tests put them in
// the pacts (given), the provider verification sets them up (stateHandlers).

export const states = {
  /** Nothing of that email in the site: a submission makes a brand new lite account. */
  noAccount: 'no account exists for {email}',
  /** A lite account of that email exists already (seeded with a non-hex UID, see provider/providerStates.ts). */
  liteAccount: 'a lite account exists for {email}',
  /** A full (registered) account of that email with that profile; injects its UID. */
  fullAccount: 'a full account exists for {email} with profile {profile}',
  /** The fake's site policy for a same-email lite resubmit (docs/behaviour.md §1). */
  liteAccountsPolicy: "the site's liteAccounts policy is {policy}",
  /** A lite regToken minted by initRegistration(isLite=true) and not used yet; injects regToken. */
  liteRegToken: 'a lite regToken has been issued',
  /** Every call of {method} past none is refused with 403048 (a real rate-limit fault of the fake). */
  rateLimitExhausted: "the site's rate limit for {method} is exhausted",
  /** The site's schema declares the optional consent statement {consentStatementId} at document version {currentDocVersion}. */
  consentStatement: "the site declares the consent statement {consentStatementId}",
  /** The next call of {method} answers {errorCode} (a real error fault of the fake). */
  nextCallFails: 'the next {method} call fails with {errorCode}',
} as const;
