import { describe, expect, it } from 'vitest';
import { NonceRegistry } from './nonces.js';

describe('NonceRegistry', () => {
  it('accepts a nonce once and refuses it again while it is kept', () => {
    const nonces = new NonceRegistry();
    expect(nonces.remember('site', 'n', 1000, 240_000)).toBe(true);
    expect(nonces.remember('site', 'n', 2000, 240_000)).toBe(false);
  });

  it('accepts the nonce again once it has expired', () => {
    const nonces = new NonceRegistry();
    nonces.remember('site', 'n', 0, 240_000);
    expect(nonces.remember('site', 'n', 240_000, 240_000)).toBe(true);
  });

  it('keeps the nonces of each site apart', () => {
    const nonces = new NonceRegistry();
    nonces.remember('a', 'n', 0, 1000);
    expect(nonces.remember('b', 'n', 0, 1000)).toBe(true);
  });

  it('still refuses a kept nonce after sweeping expired ones', () => {
    const nonces = new NonceRegistry();
    nonces.remember('site', 'short', 0, 1000);
    nonces.remember('site', 'long', 0, 100_000);
    expect(nonces.remember('site', 'other', 20_000, 1000)).toBe(true);
    expect(nonces.remember('site', 'long', 20_000, 100_000)).toBe(false);
    expect(nonces.remember('site', 'short', 20_000, 1000)).toBe(true);
  });
});
