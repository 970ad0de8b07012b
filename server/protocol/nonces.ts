/**
 * Nonces seen in signed requests, per site, kept while their timestamp could still pass the
 * skew check: a replay inside that window is 403004, and older ones fail as expired anyway.
 * In memory on purpose: a restart forgets them, which only widens replay to stale requests.
 */
export class NonceRegistry {
  private readonly seen = new Map<string, number>();
  private sweepAt = 0;

  /** Records a nonce; false when it was already used and has not expired. */
  remember(site: string, nonce: string, nowMs: number, keepMs: number): boolean {
    this.sweep(nowMs);
    const key = `${site}\u0000${nonce}`;
    const until = this.seen.get(key);
    if (until !== undefined && until > nowMs) return false;
    this.seen.set(key, nowMs + keepMs);
    return true;
  }

  /** Whether a nonce is still remembered, without recording it (for the signature debugger). */
  used(site: string, nonce: string, nowMs: number): boolean {
    const until = this.seen.get(`${site}\u0000${nonce}`);
    return until !== undefined && until > nowMs;
  }

  private sweep(nowMs: number): void {
    if (nowMs < this.sweepAt) return;
    this.sweepAt = nowMs + 10_000;
    for (const [key, until] of this.seen) if (until <= nowMs) this.seen.delete(key);
  }
}
