import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalMethodUrl, hmacSha1Base64, percentEncode, signatureBaseString, signRequest } from './signature.js';

interface Vector {
  name: string;
  method: string | null;
  url: string | null;
  params: Record<string, string>;
  secret: string;
  baseString: string;
  sig: string;
}

const vectors = JSON.parse(readFileSync('/work/shared/fixtures/signature-vectors.json', 'utf8')) as Vector[];
const requestVectors = vectors.filter((v): v is Vector & { url: string } => v.method !== null && v.url !== null);
const falsyQuirk = 'npm-gigya-3.0.1-falsy-values-quirk';

describe('signed requests (gigya-api.md §2.1)', () => {
  it('has request vectors to check', () => expect(requestVectors.length).toBeGreaterThanOrEqual(3));

  it.each(requestVectors.filter((v) => v.name !== falsyQuirk).map((v) => [v.name, v] as const))('reproduces the base string and sig of %s', (_name, vector) => {
    expect(signatureBaseString(vector.url, vector.params)).toBe(vector.baseString);
    expect(signRequest(vector.secret, vector.url, vector.params)).toBe(vector.sig);
  });

  it('signs false and 0 as posted, not as empty like npm gigya (strict signature of the falsy-quirk vector)', () => {
    const vector = requestVectors.find((v) => v.name === falsyQuirk)!;
    const baseString = signatureBaseString(vector.url, vector.params);
    expect(baseString).toContain('isActive%3Dfalse');
    expect(baseString).toContain('zero%3D0');
    expect(signRequest(vector.secret, vector.url, vector.params)).toBe('EYkF8bwwjjErFBjbkrRs8HOPklQ=');
    expect(signRequest(vector.secret, vector.url, vector.params)).not.toBe(vector.sig);
  });

  it('leaves sig itself out of the base string', () => {
    const vector = requestVectors[0]!;
    expect(signatureBaseString(vector.url, { ...vector.params, sig: 'whatever' })).toBe(vector.baseString);
  });

  it('computes the UIDSignature vector with the same HMAC', () => {
    const vector = vectors.find((v) => v.name === 'UIDSignature-computed')!;
    expect(hmacSha1Base64(vector.secret, vector.baseString)).toBe(vector.sig);
  });

  it('percent-encodes per RFC 3986', () => expect(percentEncode("a b*'()!~+é")).toBe('a%20b%2A%27%28%29%21~%2B%C3%A9'));

  it('signs the canonical production host of the data center', () => {
    expect(canonicalMethodUrl('us1', 'accounts.setAccountInfo')).toBe('https://accounts.us1.gigya.com/accounts.setAccountInfo');
    expect(canonicalMethodUrl('eu1', 'accounts.initRegistration')).toBe('https://accounts.eu1.gigya.com/accounts.initRegistration');
  });
});
