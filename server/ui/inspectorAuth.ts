import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { uiBase } from './layout.js';

export const inspectorCookie = 'fake_gigya_inspector';

/** The cookie proves the token was shown once; it holds an HMAC of it, never the token itself. */
export function sessionValue(token: string): string {
  return createHmac('sha256', token).update('fake-gigya inspector session').digest('hex');
}

/** Equal-length digests first, so the comparison's time says nothing about the guess. */
function sameText(a: string, b: string): boolean {
  const digest = (text: string) => createHmac('sha256', 'compare').update(text, 'utf8').digest();
  return timingSafeEqual(digest(a), digest(b));
}

const denied = (c: Context) =>
  c.html(
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Admin token required · fake Gigya inspector</title></head>` +
      `<body><main><h1>Admin token required</h1><p>This fake Gigya has an admin token (FAKE_GIGYA_ADMIN_TOKEN). ` +
      `Open <code>${uiBase}?token=&lt;the token&gt;</code> once: the browser then keeps an HttpOnly session cookie for the inspector.</p></main></body></html>`,
    401,
  );

/**
 * The inspector's guard when an admin token is set. Browsers cannot send the admin API's
 * bearer header, so: `?token=<token>` once (checked in constant time) sets an HttpOnly,
 * SameSite=Strict cookie scoped to the inspector and redirects to the same page without the
 * token in its address; later requests carry the cookie. A bearer header works too (curl, tests).
 */
export function inspectorAuth(token: string | undefined): MiddlewareHandler {
  if (token === undefined) return (_c, next) => next();
  const session = sessionValue(token);
  return async (c, next) => {
    const offered = c.req.query('token');
    if (offered !== undefined && c.req.method === 'GET') {
      if (!sameText(offered, token)) return denied(c);
      setCookie(c, inspectorCookie, session, { httpOnly: true, sameSite: 'Strict', path: uiBase });
      const url = new URL(c.req.url);
      url.searchParams.delete('token');
      return c.redirect(`${url.pathname}${url.search}`, 303);
    }
    const bearer = /^Bearer\s+(.+)$/i.exec((c.req.header('authorization') ?? '').trim());
    const cookie = getCookie(c, inspectorCookie);
    if ((bearer !== null && sameText(bearer[1]!, token)) || (cookie !== undefined && sameText(cookie, session))) return next();
    return denied(c);
  };
}
