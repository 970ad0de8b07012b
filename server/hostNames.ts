import { BlockList, isIP } from 'node:net';

/** The names a browser on this machine uses for the fake, at any port. */
export const loopbackHosts = ['localhost', '127.0.0.1', '[::1]'] as const;

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

/** Whether a bind address (or host name) only ever reaches this machine. */
export function isLoopbackAddress(address: string): boolean {
  const bare = address.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (bare === 'localhost') return true;
  const family = isIP(bare);
  return family !== 0 && loopback.check(bare, family === 4 ? 'ipv4' : 'ipv6');
}

/** A host name as it appears in a URL's host: lower case, an IPv6 address in brackets. */
export function urlHostName(name: string): string {
  const bare = name.trim().replace(/^\[(.*)\]$/, '$1').toLowerCase();
  return isIP(bare) === 6 ? `[${bare}]` : bare;
}

/**
 * The Host names /__admin and the inspector answer for: the loopback names, plus `extra` —
 * the address the server is bound to and the names the user adds (--allowed-hosts). A DNS
 * rebinding page sends its own domain as Host, never one of these.
 */
export function expectedHosts(extra: readonly string[] = []): string[] {
  const names = new Set<string>(loopbackHosts);
  for (const name of extra.map(urlHostName)) if (name !== '') names.add(name);
  return [...names];
}

/** The base URLs a client calls the fake at on `port`, one per expected host name. */
export function baseUrlsOf(hosts: readonly string[], port: number, scheme: 'http' | 'https' = 'http'): string[] {
  return hosts.map((host) => `${scheme}://${host}:${port}`);
}
