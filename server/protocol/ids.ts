import { randomFillSync, randomUUID } from 'node:crypto';
import type { Clock, Ids } from './method.js';

// Secret-grade bytes drawn 4 KiB at a time: one call into OpenSSL per token cost about as much
// as the rest of minting a regToken (randomUUID keeps a pool of its own for the same reason).
const pool = Buffer.alloc(4096);
let poolUsed = pool.length;

function randomBytes(length: number): Buffer {
  if (poolUsed + length > pool.length) {
    randomFillSync(pool);
    poolUsed = 0;
  }
  const bytes = Buffer.from(pool.subarray(poolUsed, poolUsed + length));
  poolUsed += length;
  return bytes;
}

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

/**
 * A UID shaped like Gigya's (a v4 UUID's 32 hex digits) whose first 12 digits are the time in
 * milliseconds: new accounts then land at the end of the indexes keyed by UID (accounts,
 * history, events) instead of on a random page of each, a fifth of a lite submit's page writes.
 * The other 74 bits stay random.
 */
function timeOrderedUid(): string {
  return Date.now().toString(16).padStart(12, '0').slice(-12) + hex32().slice(12);
}

export const randomIds: Ids = {
  callId: hex32,
  uid: timeOrderedUid,
  regToken: () => `RT1_${randomBytes(24).toString('base64url')}`,
  emailAccountToken: () => randomBytes(32).toString('hex'),
  apiKey: () => `3_${randomText(64, alphanumeric + '-_')}`,
  userKey: () => `A${randomText(11)}`,
  secret: () => randomBytes(24).toString('base64'),
};

export const systemClock: Clock = { now: () => Date.now() };
