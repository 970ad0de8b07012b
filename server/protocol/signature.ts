import { createHmac, timingSafeEqual } from 'node:crypto';

// Gigya's signed-request algorithm (gigya-api.md §2.1, SAP's PHP/Python SDKs, npm gigya).

/** RFC 3986 percent-encoding of UTF-8: only A-Z a-z 0-9 - . _ ~ stay literal. */
export function rfc3986(value: string): string {
  // A lone surrogate (from a JSON body's "\ud800") has no UTF-8 form: encode it as U+FFFD, as a
  // client's UTF-8 encoder would, instead of letting encodeURIComponent throw (a 500001).
  return encodeURIComponent(value.replace(/\p{Surrogate}/gu, '\uFFFD')).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `POST&Enc(url)&Enc(sorted name=Enc(value) pairs)`, every field but `sig` included. */
export function signatureBaseString(httpMethod: string, url: string, params: Record<string, string>): string {
  const query = Object.keys(params)
    .filter((name) => name !== 'sig')
    // Code-unit order, as the SDKs sort: uppercase names come first (UID < apiKey).
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((name) => `${name}=${rfc3986(params[name]!)}`)
    .join('&');
  return `${httpMethod.toUpperCase()}&${rfc3986(url)}&${rfc3986(query)}`;
}

/** Base64(HMAC-SHA1(key = Base64-decode(secret), text)). */
export function hmacSha1(secret: string, text: string): string {
  return createHmac('sha1', Buffer.from(secret, 'base64')).update(text, 'utf8').digest('base64');
}

export function sign(secret: string, httpMethod: string, url: string, params: Record<string, string>): string {
  return hmacSha1(secret, signatureBaseString(httpMethod, url, params));
}

/** Constant-time comparison of two texts, so timing never reveals how much of a secret matched. */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  if (left.length !== right.length) {
    timingSafeEqual(left, left);
    return false;
  }
  return timingSafeEqual(left, right);
}

/** UIDSignature = HMAC-SHA1 over `timestamp_UID` (gigya-api.md §2.2). */
export function uidSignature(secret: string, uid: string, timestampSeconds: number): string {
  return hmacSha1(secret, `${timestampSeconds}_${uid}`);
}
