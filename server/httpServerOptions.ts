import type { ServerOptions } from 'node:http';

/** How long a client has to send a whole request, headers and body (docs/reliability.md). */
export const defaultRequestTimeoutMs = 30_000;

/**
 * Node's HTTP server settings both the CLI and startFakeGigya() listen with. A request that
 * stalls (headers or body) is answered 408 and its connection closed after `requestTimeoutMs`,
 * so a client that never finishes cannot hold a socket and its buffers for ever. Node checks
 * its connections on an interval: a short one keeps the bound close to the timeout.
 */
export function httpServerOptions(requestTimeoutMs = defaultRequestTimeoutMs): ServerOptions {
  return {
    requestTimeout: requestTimeoutMs,
    headersTimeout: Math.min(requestTimeoutMs, 10_000),
    connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(requestTimeoutMs / 4))),
  };
}
