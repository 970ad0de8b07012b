import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';

/** The cookie a browser keeps after opening the playground once with `?token=`. */
export const tokenCookie = 'connector_token';

/** The icon browsers fetch on their own and the container health check: nothing worth guarding. */
const openPaths = new Set(['/favicon.ico', '/health']);

const digest = (text: string) => createHash('sha256').update(text).digest();

function bearerOf(c: Context): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '');
  return match?.[1];
}

/**
 * With CONNECTOR_ADMIN_TOKEN set, every route asks for it (participations hold people's names
 * and emails): `Authorization: Bearer <token>` from API clients; a browser opens
 * `/?token=<token>` once, gets an HttpOnly SameSite=Strict cookie and is sent to the same page
 * without the token in its address. Compared in constant time; never logged or echoed.
 */
export function adminTokenGuard(token: string | undefined): MiddlewareHandler {
  if (token === undefined || token === '') return async (_c, next) => next();
  const expected = digest(token);
  const matches = (candidate: string | undefined) => candidate !== undefined && timingSafeEqual(digest(candidate), expected);
  return async (c, next) => {
    if (openPaths.has(c.req.path) || matches(bearerOf(c)) || matches(getCookie(c, tokenCookie))) return next();
    const offered = c.req.query('token');
    if (c.req.method === 'GET' && matches(offered)) {
      setCookie(c, tokenCookie, offered!, { httpOnly: true, sameSite: 'Strict', path: '/' });
      const url = new URL(c.req.url);
      url.searchParams.delete('token');
      return c.redirect(`${url.pathname}${url.search}`, 303);
    }
    c.header('WWW-Authenticate', 'Bearer realm="connector"');
    return c.json(
      { error: 'unauthorized', message: 'this connector needs its admin token: send Authorization: Bearer <CONNECTOR_ADMIN_TOKEN>, or in a browser open /?token=<CONNECTOR_ADMIN_TOKEN> once' },
      401,
    );
  };
}
