import { createHash, createHmac } from 'node:crypto';
import { issuerOf, signJwt } from '../jwt/signJwt.js';
import type { JwtKey } from '../store/jwtKeys.js';

/** How long a notification JWT is valid (the SAP Commerce capture: exp = iat + 60). */
export const notificationJwtLifetimeSeconds = 60;

/**
 * Version 2.0: `x-gigya-sig-jwt`, RS256 by the data center's key. iat is the body's timestamp,
 * jti its nonce, and sub the base64url SHA-256 of the raw body (43 characters, as captured; that
 * it is the body's hash is the fake's choice), so a receiver can tie the token to the bytes.
 */
export function notificationJwt(key: JwtKey, apiKey: string, body: string, nonce: string, timestamp: number): string {
  return signJwt(key, {
    iss: issuerOf(apiKey),
    apiKey,
    iat: timestamp,
    exp: timestamp + notificationJwtLifetimeSeconds,
    jti: nonce,
    sub: createHash('sha256').update(body).digest('base64url'),
  });
}

/** Versions 1.x: `X-Gigya-Sig-Hmac-Sha1` = base64(HMAC-SHA1(base64-decoded secret, raw body)). */
export function notificationHmac(secret: string, body: string): string {
  return createHmac('sha1', Buffer.from(secret, 'base64')).update(body).digest('base64');
}
