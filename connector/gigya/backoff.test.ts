import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff.js';

const policy = { baseDelayMs: 100, maxDelayMs: 1_000 };

describe('backoff', () => {
  it('doubles the delay at each retry', () => {
    expect([1, 2, 3].map((retry) => backoffDelay(policy, retry, () => 1))).toEqual([100, 200, 400]);
  });
  it('caps the delay', () => expect(backoffDelay(policy, 10, () => 1)).toBe(1_000));
  it('keeps half of the delay fixed and jitters the other half', () => {
    expect(backoffDelay(policy, 2, () => 0)).toBe(100);
    expect(backoffDelay(policy, 2, () => 0.5)).toBe(150);
  });
});
