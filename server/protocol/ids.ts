import { randomBytes, randomUUID } from 'node:crypto';
import type { Clock, Ids } from './method.js';

const alphanumeric = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function randomText(length: number, alphabet = alphanumeric): string {
  const bytes = randomBytes(length);
  let text = '';
  for (const byte of bytes) text += alphabet[byte % alphabet.length];
  return text;
}

/** Ids in Gigya's shapes: 32-hex callIds and UIDs, RT1_ regTokens, 64-hex emailAccount tokens. */
/** 32 hex digits from a v4 UUID: Node draws those from a cached entropy pool, unlike randomBytes. */
function hex32(): string {
  return randomUUID().replaceAll('-', '');
}

export const randomIds: Ids = {
  callId: hex32,
  uid: hex32,
  regToken: () => `RT1_${randomBytes(24).toString('base64url')}`,
  emailAccountToken: () => randomBytes(32).toString('hex'),
  apiKey: () => `3_${randomText(64, alphanumeric + '-_')}`,
  userKey: () => `A${randomText(11)}`,
  secret: () => randomBytes(24).toString('base64'),
};

export const systemClock: Clock = { now: () => Date.now() };
