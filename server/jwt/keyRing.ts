import { createHash, generateKeyPair as generateKeyPairCallback, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import type { Clock } from '../protocol/method.js';
import type { Store } from '../store/index.js';
import type { JwtKey } from '../store/jwtKeys.js';

const generateKeyPair = promisify(generateKeyPairCallback);

/** How long a rotated key is still served by accounts.getJWTPublicKey: receivers cache keys 24 h (gigya-api.md §13). */
export const retiredKeyServedMs = 24 * 60 * 60 * 1000;

/** RFC 7638 thumbprint of an RSA public key: a kid that names the key and nothing else. */
function thumbprint(jwk: Record<string, string>): string {
  return createHash('sha256').update(JSON.stringify({ e: jwk.e, kty: 'RSA', n: jwk.n })).digest('base64url');
}

async function newKey(dataCenter: string, nowMs: number): Promise<Omit<JwtKey, 'retiredMs'>> {
  // Generated off the event loop: a 2048-bit key takes long enough to stall every other request.
  const { publicKey, privateKey } = await generateKeyPair('rsa', { modulusLength: 2048 });
  const publicJwk = (publicKey as KeyObject).export({ format: 'jwk' }) as Record<string, string>;
  const privateJwk = (privateKey as KeyObject).export({ format: 'jwk' }) as Record<string, string>;
  return { kid: thumbprint(publicJwk), dataCenter, privateJwk, publicJwk, createdMs: nowMs };
}

/**
 * One RSA key per data center, kept in the store, made on first use: it signs the id_tokens of
 * accounts.getJWT and the JWTs of version 2.0 webhook notifications, with the same kid.
 */
export class KeyRing {
  private readonly making = new Map<string, Promise<JwtKey>>();

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  /** The data center's current signing key, made now if it has none yet. */
  async current(dataCenter: string): Promise<JwtKey> {
    const existing = this.store.jwtKeys.current(dataCenter);
    if (existing !== null) return existing;
    let pending = this.making.get(dataCenter);
    if (pending === undefined) {
      pending = this.make(dataCenter, false).finally(() => this.making.delete(dataCenter));
      this.making.set(dataCenter, pending);
    }
    return pending;
  }

  /** A new current key; the previous one is retired but still served for retiredKeyServedMs. */
  rotate(dataCenter: string): Promise<JwtKey> {
    return this.make(dataCenter, true);
  }

  /** The keys a receiver may meet: the current one first, then recently rotated ones. */
  async served(dataCenter: string): Promise<JwtKey[]> {
    await this.current(dataCenter);
    return this.store.jwtKeys.served(dataCenter, this.clock.now() - retiredKeyServedMs);
  }

  private async make(dataCenter: string, replace: boolean): Promise<JwtKey> {
    const key = await newKey(dataCenter, this.clock.now());
    return this.store.transaction(() => {
      const current = this.store.jwtKeys.current(dataCenter);
      if (current !== null && !replace) return current;
      this.store.jwtKeys.install(key, this.clock.now());
      return { ...key, retiredMs: null };
    });
  }
}

/** The public half of a key as accounts.getJWTPublicKey serves it. */
export function publicKeyView(key: JwtKey): { kty: string; alg: string; use: string; kid: string; n: string; e: string } {
  return { kty: 'RSA', alg: 'RS256', use: 'sig', kid: key.kid, n: key.publicJwk.n!, e: key.publicJwk.e! };
}

const rings = new WeakMap<Store, KeyRing>();

/** The key ring of a store: one per fake, shared by the JWT methods, the deliverer and /__admin. */
export function keyRingOf(store: Store, clock: Clock): KeyRing {
  let ring = rings.get(store);
  if (ring === undefined) {
    ring = new KeyRing(store, clock);
    rings.set(store, ring);
  }
  return ring;
}
