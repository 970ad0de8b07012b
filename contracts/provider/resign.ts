// The verifier replays the pact's example timestamp, nonce and sig: the fake would rightly refuse
// them (403002 expired, 403003 bad signature). This request filter signs every replayed request
// again, for real, with the contract site's secret, so verification goes through the fake's
// signature check exactly as a production client does.
//
// Two traps of pact-js 16 (pact-foundation/pact-js#1233): its verifier proxy parses a form body into an object with
// body-parser and forwards an object as JSON. Left alone, verification would exercise the fake's
// JSON path instead of the form path real clients use. So the filter rebuilds the form and hands
// the proxy a Buffer, which it forwards unchanged (proxy/parseBody.js).
import { randomBytes } from 'node:crypto';
import { Gigya } from 'gigya';
import { SigUtils } from 'gigya/dist/lib/sig-utils.js';

/** The part of an express request the filter touches (express's types are not installed). */
export interface ProxiedRequest {
  method: string;
  path: string;
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
}
export type RequestFilter = (req: ProxiedRequest, res: unknown, next: () => void) => void;

type SignFunction = (this: { sigUtils: SigUtils }, secret: string, uri: string, params: Record<string, string>) => string;

/**
 * Signs with the npm `gigya` SDK's own algorithm (lib/gigya.ts createRequestSignature), an
 * implementation independent of both server/ and connector/. Its habit of signing falsy values as
 * empty does not apply: every value here is a non-empty string.
 */
export function sdkSignature(secret: string, url: string, params: Record<string, string>): string {
  const sign = (Gigya.prototype as unknown as { createRequestSignature: SignFunction }).createRequestSignature;
  return sign.call({ sigUtils: new SigUtils() }, secret, url, params);
}

/** The form fields of a proxied request, whichever way the proxy's body-parser left them. */
function formFields(body: unknown): Record<string, string> {
  if (Buffer.isBuffer(body)) return Object.fromEntries(new URLSearchParams(body.toString('utf8')));
  if (body !== null && typeof body === 'object') {
    return Object.fromEntries(Object.entries(body as Record<string, unknown>).map(([name, value]) => [name, typeof value === 'string' ? value : JSON.stringify(value)]));
  }
  return {};
}

export interface ResigningOptions {
  secret: string;
  dataCenter: string;
  /** Seconds since the epoch; the fake accepts ±120 s around its clock. */
  now?: () => number;
}

/** An express middleware for Verifier's requestFilter: re-signs Gigya calls, leaves the rest alone. */
export function resigningFilter(options: ResigningOptions): RequestFilter {
  const now = options.now ?? (() => Math.floor(Date.now() / 1000));
  return (req, _res, next) => {
    const method = /^\/((\w+)\.\w+(?:\.\w+)*)$/.exec(req.path);
    // The verifier's own routes (provider state set-up) go through this filter too.
    if (!method || req.method !== 'POST') return next();
    const params = formFields(req.body);
    delete params.sig;
    params.timestamp = String(now());
    params.nonce = randomBytes(8).readBigUInt64BE().toString();
    // Signed over the production URL of the site's data center, as every SDK does (gigya-api.md §2.1).
    params.sig = sdkSignature(options.secret, `https://${method[2]}.${options.dataCenter}.gigya.com/${method[1]}`, params);
    const body = Buffer.from(new URLSearchParams(params).toString(), 'utf8');
    req.body = body;
    req.headers['content-type'] = 'application/x-www-form-urlencoded';
    req.headers['content-length'] = String(body.length);
    next();
  };
}
