import { createHmac } from 'node:crypto';

// Gigya's signed requests (gigya-api.md §2.1, SAP's PHP/Python SDKs): OAuth1-style base string,
// HMAC-SHA1 keyed with the Base64-decoded secret. Faithful: values are signed exactly as posted
// (npm gigya's habit of signing false/0 as empty is a bug we do not copy).

/** RFC 3986 on UTF-8, uppercase hex: only A-Z a-z 0-9 - . _ ~ stay literal, space is %20. */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `POST&Enc(url)&Enc(name=Enc(value)&…)`, names sorted by code unit (UID before apiKey), sig left out. */
export function signatureBaseString(url: string, params: Record<string, string>): string {
  const pairs = Object.keys(params)
    .filter((name) => name !== 'sig')
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((name) => `${name}=${percentEncode(params[name]!)}`)
    .join('&');
  return `POST&${percentEncode(normaliseUrl(url))}&${percentEncode(pairs)}`;
}

/** Base64(HMAC-SHA1(key = Base64-decode(secret), UTF-8 text)). */
export function hmacSha1Base64(secret: string, text: string): string {
  return createHmac('sha1', Buffer.from(secret, 'base64')).update(text, 'utf8').digest('base64');
}

export function signRequest(secret: string, url: string, params: Record<string, string>): string {
  return hmacSha1Base64(secret, signatureBaseString(url, params));
}

/** Production API domain of a data center (gigya-api.md §1). */
export function dataCenterDomain(dataCenter: string): string {
  return dataCenter === 'cn1' ? 'cn1.sapcdm.cn' : `${dataCenter}.gigya.com`;
}

/**
 * The URL that is signed: always the canonical production host of the configured data center,
 * even when the request is delivered to a fake, as the SDKs do (gigya-api.md §2.1).
 */
export function canonicalMethodUrl(dataCenter: string, method: string): string {
  const namespace = method.split('.')[0]!;
  return `https://${namespace}.${dataCenterDomain(dataCenter)}/${method}`;
}

/** Lowercase scheme and host, default port dropped, no query (step 3 of §2.1): what WHATWG URL parsing gives. */
function normaliseUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
}
