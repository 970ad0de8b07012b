import type { CryptoKey, KeyObject } from 'jose';
import type { Store } from '../store/index.js';
import type { AppKey, Site } from '../store/sites.js';
import { GigyaError } from './errors.js';
import type { Caller, Clock, Params } from './method.js';
import { dataCenterDomain } from '../network/dataCenterHosts.js';
import { NonceRegistry } from './nonces.js';
import { safeEqual, sign } from './signature.js';
import { diagnoseSignature, type SignatureDiagnosis } from './signatureDiagnosis.js';

export interface CallTarget {
  /** Fully qualified method name, e.g. accounts.setAccountInfo. */
  method: string;
  /** https when the client reached us over TLS (directly or through a proxy that says so). */
  secure: boolean;
  authorization: string | null;
  allowsClientSide: boolean;
  /** Told why a signed request is refused with 403002 or 403003, for the journal. */
  diagnose?: (diagnosis: SignatureDiagnosis) => void;
}

/**
 * Authenticates one call against its site, as Gigya does (gigya-api.md §2): bearer JWT,
 * signed request, userKey + secret in clear, or an anonymous client-side call where the
 * method allows it. Never echoes a secret or a signature in an error.
 */
export class Authenticator {
  private readonly nonces = new NonceRegistry();
  private readonly publicKeys = new Map<string, Promise<CryptoKey | KeyObject>>();

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    /** The fake's own base URLs (FakeGigyaOptions.publicBaseUrls). */
    private readonly publicBaseUrls: () => readonly string[] = () => [],
  ) {}

  async authenticate(site: Site, params: Params, target: CallTarget): Promise<Caller> {
    if (target.authorization !== null && /^bearer\s/i.test(target.authorization)) {
      return this.bearer(site, target.authorization.replace(/^bearer\s+/i, '').trim());
    }
    if (params.sig !== undefined) return this.signed(site, params, target);
    if (params.secret !== undefined) return this.clearSecret(site, params, target);
    if (target.allowsClientSide) return { via: 'anonymous', userKey: null };
    throw GigyaError.permissionDenied(`${target.method} is a server-side method: it requires userKey and secret, a signature or a bearer token`);
  }

  private appKeyOf(site: Site, userKey: string | undefined): AppKey {
    if (userKey === undefined || userKey === '') throw GigyaError.missingParameter('userKey');
    const key = this.store.sites.appKey(userKey);
    // Another site's application key is as unknown here as a made-up one.
    if (key === null || key.site !== site.apiKey) throw GigyaError.unauthorizedUser('Invalid userKey for this site');
    return key;
  }

  private clearSecret(site: Site, params: Params, target: CallTarget): Caller {
    // Partner secrets (a secret without a userKey) were retired by SAP on 2023-01-31.
    if (params.userKey === undefined) {
      throw GigyaError.invalidSecret('Partner secrets are retired: send userKey with the secret');
    }
    if (site.policies.httpsOnly && !target.secure) throw GigyaError.secretSentOverHttp();
    const key = this.appKeyOf(site, params.userKey);
    if (!safeEqual(params.secret!, key.secret)) throw GigyaError.invalidSignature();
    return { via: 'userKeySecret', userKey: key.userKey };
  }

  private signed(site: Site, params: Params, target: CallTarget): Caller {
    const key = this.appKeyOf(site, params.userKey);
    const timestamp = params.timestamp;
    const nonce = params.nonce;
    if (timestamp === undefined || timestamp === '') throw GigyaError.missingParameter('timestamp');
    if (nonce === undefined || nonce === '') throw GigyaError.missingParameter('nonce');
    if (!/^\d{1,16}$/.test(timestamp)) throw GigyaError.invalidParameter('timestamp', 'must be a Unix time');
    const skewMs = site.policies.signatureSkewSeconds * 1000;
    const now = this.clock.now();
    // SAP's SDKs send seconds, npm gigya milliseconds: a value past year 5138 in seconds is ms.
    const raw = Number(timestamp);
    const timestampMs = raw > 1e11 ? raw : raw * 1000;
    const urls = candidateUrls(site, target.method, this.publicBaseUrls());
    const refuse = (error: GigyaError): GigyaError => {
      target.diagnose?.(
        diagnoseSignature({ params, urls, timestampMs, nowMs: now, allowedSkewMs: skewMs, nonceAlreadyUsed: this.nonces.used(site.apiKey, nonce, now) }),
      );
      return error;
    };
    if (Math.abs(now - timestampMs) > skewMs) throw refuse(GigyaError.requestExpired());

    const given = params.sig!;
    const valid = urls.some((url) => safeEqual(sign(key.secret, 'POST', url, params), given));
    if (!valid) throw refuse(GigyaError.invalidSignature());
    if (!this.nonces.remember(site.apiKey, nonce, now, 2 * skewMs)) throw GigyaError.duplicateNonce();
    return { via: 'signed', userKey: key.userKey };
  }

  private async bearer(site: Site, token: string): Promise<Caller> {
    // jose is loaded on the first bearer call: most users never send one, and start-up stays short.
    const { decodeProtectedHeader, jwtVerify } = await import('jose');
    let kid: string | undefined;
    try {
      const header = decodeProtectedHeader(token);
      kid = header.kid;
      if (header.alg !== 'RS256') throw new Error('alg');
    } catch {
      throw GigyaError.invalidRequestFormat('Invalid jwt');
    }
    const key = this.appKeyOf(site, kid);
    if (key.publicKeyPem === null) throw GigyaError.unauthorizedUser('This application key has no public key for bearer tokens');
    let payload: { iat?: number; jti?: string };
    try {
      const publicKey = await this.publicKey(key);
      ({ payload } = await jwtVerify(token, publicKey, { algorithms: ['RS256'], currentDate: new Date(this.clock.now()) }));
    } catch {
      throw GigyaError.invalidSignature();
    }
    const skewMs = site.policies.signatureSkewSeconds * 1000;
    const now = this.clock.now();
    if (typeof payload.iat !== 'number' || Math.abs(now - payload.iat * 1000) > skewMs) throw GigyaError.requestExpired();
    if (typeof payload.jti === 'string' && !this.nonces.remember(site.apiKey, `jwt:${payload.jti}`, now, 2 * skewMs)) {
      throw GigyaError.duplicateNonce();
    }
    return { via: 'bearer', userKey: key.userKey };
  }

  private publicKey(key: AppKey): Promise<CryptoKey | KeyObject> {
    let imported = this.publicKeys.get(key.userKey);
    if (imported === undefined) {
      imported = import('jose').then(({ importSPKI }) => importSPKI(key.publicKeyPem!, 'RS256'));
      this.publicKeys.set(key.userKey, imported);
    }
    return imported;
  }
}

/**
 * The URLs a client may have signed: SDKs sign over the production host of their data
 * center (gigya-api.md §2.1, "Signed URL = production host"), over https or — Python SDK
 * without useHTTPS — http; clients that sign what they call use one of the fake's own base
 * URLs (plain and TLS ports). Never a host taken from the request: a Host header naming another data center would
 * otherwise make a signature for that data center valid here (docs/behaviour.md).
 */
export function candidateUrls(site: Site, method: string, publicBaseUrls: readonly string[]): string[] {
  const namespace = method.split('.')[0]!;
  const path = `/${method}`;
  const production = `${namespace}.${dataCenterDomain(site.dataCenter)}`;
  const own = publicBaseUrls.map((base) => {
    const url = new URL(base);
    return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}${path}`;
  });
  return [`https://${production}${path}`, `http://${production}${path}`, ...own];
}
