/** Exponential backoff with jitter, shared by the client's quick retries and the outbox's slow ones. */
export interface BackoffPolicy {
  baseDelayMs: number;
  maxDelayMs: number;
}

/**
 * Delay before retry number `retry` (1 for the first retry): base·2^(retry−1), capped, then
 * "equal jitter" (half fixed, half random) so many pushes failing together do not retry together.
 */
export function backoffDelay(policy: BackoffPolicy, retry: number, random: () => number): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.round(exponential / 2 + (exponential / 2) * random());
}
