import type { MiddlewareHandler } from 'hono';

/** Names a browser on this machine uses for the connector, whatever the port. */
const loopbackNames = ['localhost', '127.0.0.1', '[::1]'];

/** Addresses that mean "every interface": no browser should name them in a Host header. */
const wildcardAddresses = new Set(['0.0.0.0', '[::]']);

/** A Host header (or a configured name) as a bare lower-case host name, IPv6 in brackets; null when it is not one. */
export function hostNameOf(host: string): string | null {
  const trimmed = host.trim();
  // A bare IPv6 address (a bound address such as ::1) has no port and gets its brackets here.
  const name = !trimmed.startsWith('[') && trimmed.split(':').length > 2 ? `[${trimmed}]` : trimmed;
  try {
    const parsed = new URL(`http://${name}`);
    return parsed.username === '' && parsed.pathname === '/' && parsed.search === '' ? parsed.hostname : null;
  } catch {
    return null;
  }
}

/** Loopback names, the bound address (unless it is a wildcard) and the names the user configures. */
export function expectedHostNames(boundAddress: string | undefined, configured: readonly string[] = []): Set<string> {
  const names = new Set(loopbackNames);
  for (const candidate of [boundAddress, ...configured]) {
    const name = candidate === undefined ? null : hostNameOf(candidate);
    if (name !== null && !wildcardAddresses.has(name)) names.add(name);
  }
  return names;
}

/**
 * Answers only requests whose Host names this connector. A page that re-points its own domain
 * at 127.0.0.1 (DNS rebinding) reaches the port with its own name in Host, and is refused here.
 */
export function hostGuard(expected: ReadonlySet<string>): MiddlewareHandler {
  return async (c, next) => {
    const host = c.req.header('host') ?? new URL(c.req.url).host;
    const name = hostNameOf(host);
    if (name !== null && expected.has(name)) return next();
    const shown = host.length > 100 ? `${host.slice(0, 100)}…` : host;
    return c.json(
      { error: 'unexpectedHost', message: `the connector does not answer for Host "${shown}": add the name to CONNECTOR_ALLOWED_HOSTS (comma-separated)` },
      403,
    );
  };
}
