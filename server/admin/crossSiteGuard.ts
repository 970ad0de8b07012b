import type { MiddlewareHandler } from 'hono';
import { AdminError, adminErrorResponse } from './validation.js';

// Without an admin token (the default) the admin API is open to anything that can reach the
// port — including every web page open in the developer's browser. These guards keep a page
// from changing state with requests the browser sends without asking (CORS "simple" requests:
// a form post, a no-cors fetch). No CORS header is ever granted, so a page cannot do more.

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses a state-changing request that a browser marks as coming from another site
 * (`Sec-Fetch-Site: cross-site` or `same-site`) or whose `Origin` is not this server's own.
 * `same-site` is refused too: every port of localhost is the same site, so a page of any dev
 * server on the machine would pass. `same-origin` (the inspector's own forms) and `none` (typed
 * in the address bar, curl) pass; requests with neither header (curl, SDKs, tests) pass.
 */
export function crossSiteGuard(): MiddlewareHandler {
  return async (c, next) => {
    if (safeMethods.has(c.req.method)) return next();
    const fetchSite = c.req.header('sec-fetch-site')?.toLowerCase();
    if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') {
      return refuse(c, `a ${fetchSite.slice(0, 20)} request (Sec-Fetch-Site)`);
    }
    const origin = c.req.header('origin');
    if (origin !== undefined && !isOwnOrigin(origin, new URL(c.req.url).host)) {
      return refuse(c, `a request from the origin ${origin.slice(0, 100)}`);
    }
    await next();
  };
}

/**
 * The JSON API's state-changing requests (POST, PUT, PATCH) must say `application/json`: a
 * browser sends that content type cross-origin only after a CORS preflight, which is never
 * granted. DELETE carries no body, and browsers preflight it whatever its headers.
 */
export function jsonBodyGuard(): MiddlewareHandler {
  return async (c, next) => {
    if (safeMethods.has(c.req.method) || c.req.method === 'DELETE') return next();
    const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json') {
      return adminErrorResponse(
        c,
        new AdminError(415, `The admin API takes JSON: send ${c.req.method} requests with Content-Type: application/json`),
      );
    }
    await next();
  };
}

/** Same scheme-less host and port as the request: http and https both, for a TLS proxy in front. */
function isOwnOrigin(origin: string, host: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    // "null" (sandboxed frames, file: pages) and anything unparsable.
    return false;
  }
  return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.host === host.toLowerCase();
}

function refuse(c: Parameters<MiddlewareHandler>[0], what: string): Response {
  return adminErrorResponse(
    c,
    new AdminError(403, `The admin API refuses ${what}: state changes come only from this server's own pages or from non-browser clients`),
  );
}
