import type { MiddlewareHandler } from 'hono';
import { AdminError, adminErrorResponse } from './validation.js';

/**
 * Refuses a request whose Host is not one of ours (403). A page on attacker.example whose name
 * is made to resolve to 127.0.0.1 (DNS rebinding) is same-origin with itself, so no browser
 * rule stops its requests: only the Host it sends still names attacker.example.
 */
export function expectedHostGuard(names: readonly string[]): MiddlewareHandler {
  const expected = new Set(names);
  return async (c, next) => {
    const host = new URL(c.req.url).hostname.toLowerCase();
    if (!expected.has(host)) {
      return adminErrorResponse(
        c,
        new AdminError(403, `The admin API does not answer for the host "${host.slice(0, 100)}"; add it with --allowed-hosts or FAKE_GIGYA_ALLOWED_HOSTS`),
      );
    }
    await next();
  };
}
