import { createPrivateKey, sign } from 'node:crypto';
import type { JwtKey } from '../store/jwtKeys.js';

/** The issuer Gigya puts in its id_tokens and webhook JWTs (gigya-api.md §13). */
export function issuerOf(apiKey: string): string {
  return `https://fidm.gigya.com/jwt/${apiKey}/`;
}

const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** An RS256 JWS in compact form, with Gigya's header (alg, kid, typ, dc). */
export function signJwt(key: JwtKey, claims: Record<string, unknown>): string {
  const header = { alg: 'RS256', kid: key.kid, typ: 'JWT', dc: key.dataCenter };
  const input = `${part(header)}.${part(claims)}`;
  const privateKey = createPrivateKey({ key: key.privateJwk, format: 'jwk' });
  return `${input}.${sign('sha256', Buffer.from(input), privateKey).toString('base64url')}`;
}
