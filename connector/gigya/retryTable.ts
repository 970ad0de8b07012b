/**
 * The Gigya error codes the connector tries again, as SAP's own clients do (gigya-api.md §14):
 * every other errorCode is permanent, and the push fails at once with the error stored. The
 * table is documented in docs/connector.md; keep the two in step.
 */
export interface RetryRule {
  errorCode: number;
  /** Gigya's errorMessage for the code (gigya-api.md §4). */
  name: string;
  /** Why trying again can succeed. */
  why: string;
  /** The least wait before the next try, whatever the backoff says. */
  minDelayMs: number;
}

export const retryableErrors: readonly RetryRule[] = [
  { errorCode: 500001, name: 'General Server error', why: 'a hiccup on Gigya\'s side', minDelayMs: 0 },
  { errorCode: 504001, name: 'Timeout', why: 'the call (often a search) timed out on Gigya\'s side', minDelayMs: 0 },
  { errorCode: 504002, name: 'Request Timeout', why: 'the request timed out on Gigya\'s side', minDelayMs: 0 },
  { errorCode: 409030, name: 'Too many requests for same user', why: 'more than 5 concurrent requests for one UID: they end', minDelayMs: 0 },
  // The npm SDK waits 2 s on a rate limit before its retry; retrying sooner only spends the quota.
  { errorCode: 403048, name: 'API Rate Limit Exceeded', why: 'the site\'s rate limit: it clears with time', minDelayMs: 2_000 },
];

const byCode = new Map(retryableErrors.map((rule) => [rule.errorCode, rule]));

/** The rule for a code, or undefined when the code is permanent. */
export function retryRuleOf(errorCode: number): RetryRule | undefined {
  return byCode.get(errorCode);
}
