import { describe, expect, it } from 'vitest';
import { signatureOf } from '../testing/signer.js';
import { rfc3986, safeEqual, sign, signatureBaseString } from './signature.js';

describe('rfc3986', () => {
  it("escapes space as %20 and * ' ( ) ! as uppercase hex", () => {
    expect(rfc3986("a b*'()!")).toBe('a%20b%2A%27%28%29%21');
  });

  it('keeps A-Z a-z 0-9 - . _ ~ literal', () => {
    expect(rfc3986('AZaz09-._~')).toBe('AZaz09-._~');
  });

  it('encodes UTF-8 bytes', () => {
    expect(rfc3986('é')).toBe('%C3%A9');
  });

  it('encodes a lone surrogate as U+FFFD, as a UTF-8 encoder would, instead of throwing', () => {
    expect(rfc3986('a\uD800')).toBe('a%EF%BF%BD');
  });
});

describe('signatureBaseString', () => {
  it('sorts names by code unit, uppercase first, and leaves sig out', () => {
    const base = signatureBaseString('post', 'https://accounts.us1.gigya.com/accounts.getAccountInfo', { apiKey: 'k', UID: 'u', sig: 'x' });
    expect(base).toBe('POST&https%3A%2F%2Faccounts.us1.gigya.com%2Faccounts.getAccountInfo&UID%3Du%26apiKey%3Dk');
  });

  it('encodes values twice: { becomes %257B', () => {
    expect(signatureBaseString('POST', 'https://h/p', { profile: '{' })).toContain('profile%3D%257B');
  });
});

describe('sign', () => {
  it('agrees with an independent implementation of the algorithm', () => {
    const params = { apiKey: '3_x', profile: '{"email":"a@b.c"}', timestamp: '1795869450030', nonce: '1' };
    const url = 'https://accounts.us1.gigya.com/accounts.setAccountInfo';
    expect(sign('c2VjcmV0LXNlY3JldA==', 'POST', url, params)).toBe(signatureOf('c2VjcmV0LXNlY3JldA==', url, params));
  });
});

describe('safeEqual', () => {
  it('is true for equal texts only', () => {
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abd')).toBe(false);
  });

  it('is false for texts of different lengths', () => {
    expect(safeEqual('abc', 'abcd')).toBe(false);
  });
});
