import type { Context, MiddlewareHandler } from 'hono';

const safeMethods = /^(GET|HEAD|OPTIONS)$/;

/** Where the playground's HTML forms post; every other state-changing route takes JSON only. */
export const formRoutePrefix = '/playground/';

function mediaType(c: Context): string {
  return (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
}

/**
 * Refuses a state-changing request a web page on another origin could send. Browsers mark
 * their requests: `Sec-Fetch-Site` other than same-origin or none (a user typing the URL) is
 * another page speaking (another port of 127.0.0.1 is "same-site", and still another page);
 * browsers that do not send it send an `Origin`, which must then be the connector's own.
 * Clients that are not browsers send neither header. JSON routes also require `Content-Type: application/json`: a browser must
 * then ask first (a CORS preflight), and the connector grants no CORS, so even a browser that
 * sent no `Origin` could not deliver the request.
 */
export function crossSiteGuard(): MiddlewareHandler {
  return async (c, next) => {
    if (safeMethods.test(c.req.method)) return next();
    const site = c.req.header('sec-fetch-site');
    const origin = c.req.header('origin');
    const ownOrigin = new URL(c.req.url).origin;
    // Sec-Fetch-Site, when sent, is the browser's own word and decides; Chromium sends
    // `Origin: null` beside a same-origin form post under some referrer policies.
    const fromAnotherSite = site !== undefined ? site !== 'same-origin' && site !== 'none' : origin !== undefined && origin !== ownOrigin;
    if (fromAnotherSite) {
      return c.json(
        { error: 'crossSiteRequest', message: `${c.req.method} ${c.req.path} is refused from another site: the connector changes state only for its own pages and for clients that are not browsers` },
        403,
      );
    }
    if (!c.req.path.startsWith(formRoutePrefix) && mediaType(c) !== 'application/json') {
      return c.json({ error: 'unsupportedMediaType', message: `${c.req.method} ${c.req.path} takes a JSON body: send Content-Type: application/json` }, 415);
    }
    return next();
  };
}
