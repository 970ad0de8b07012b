import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/**
 * Requires `Authorization: Bearer <token>` when an admin token is configured
 * (FAKE_GIGYA_ADMIN_TOKEN). Both sides are hashed first, so the comparison takes the same
 * time whatever the length or the first differing byte of the guess.
 */
export function adminAuth(token: string | undefined): MiddlewareHandler {
  if (token === undefined) return (_c, next) => next();
  const expected = digest(token);
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(.+)$/i.exec(header.trim());
    if (match === null || !timingSafeEqual(digest(match[1]!), expected)) {
      c.header('WWW-Authenticate', 'Bearer realm="fake-gigya admin"');
      return c.json({ error: { message: 'The admin API requires Authorization: Bearer <FAKE_GIGYA_ADMIN_TOKEN>' } }, 401);
    }
    await next();
  };
}
