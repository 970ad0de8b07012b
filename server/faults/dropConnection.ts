import type { Context } from 'hono';
import type { IncomingMessage } from 'node:http';

/**
 * Answers a DroppedConnection fault: over HTTP the socket is destroyed, so the client sees the
 * connection closed with no response at all, as when a load balancer drops it. In-process
 * (`app.request`) there is no socket; a network-error Response is the nearest equivalent.
 */
export function dropConnection(c: Context): Response {
  const socket = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming?.socket;
  if (socket === undefined) return Response.error();
  socket.destroy();
  // Never reaches the client: Node drops writes to a destroyed socket.
  return new Response(null, { status: 500 });
}
