import { createHmac } from 'node:crypto';

/** RFC 3986, written here independently of server/protocol/signature.ts so the tests check it. */
function rfc3986(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Gigya's request signature (gigya-api.md §2.1) over `url` for these params. */
export function signatureOf(secret: string, url: string, params: Record<string, string>): string {
  const query = Object.keys(params)
    .filter((name) => name !== 'sig')
    .sort()
    .map((name) => `${name}=${rfc3986(params[name]!)}`)
    .join('&');
  const base = `POST&${rfc3986(url)}&${rfc3986(query)}`;
  return createHmac('sha1', Buffer.from(secret, 'base64')).update(base, 'utf8').digest('base64');
}
