import type { IncomingMessage, Server as HttpServer } from 'node:http';
import { Server as HttpsServer } from 'node:https';
import type { Socket } from 'node:net';

/** How long a closing connection waits for the rest of a body it refused. */
export const lingerMs = 2000;

/**
 * A body refused before it was read whole (a 413) leaves the client still sending when the
 * answer goes out. Closing the socket then makes the kernel answer the client's next bytes with
 * a reset, which clients report as EPIPE or ECONNRESET, often instead of the answer. So, as web
 * servers do (a lingering close), the connection is closed only once the rest of the body has
 * arrived and been dropped (@hono/node-server reads and drops it after the answer, up to 64 MiB),
 * or after `lingerMs`, whichever comes first. The answer says `Connection: close`, so no client
 * sends another request on the connection meanwhile.
 */
export function lingerOnRefusedBodies(server: HttpServer | HttpsServer): void {
  const current = new WeakMap<Socket, IncomingMessage>();
  server.on('request', (request: IncomingMessage) => current.set(request.socket, request));
  // An HTTPS server's requests arrive on the TLS socket its 'secureConnection' hands over.
  server.on(server instanceof HttpsServer ? 'secureConnection' : 'connection', (socket: Socket) => {
    // Node's HTTP server calls destroySoon once the last answer of a connection that closes is
    // written. The method is undocumented (though as old as net.Socket): if a Node release stops
    // calling it, the lingering-close tests fail rather than the fake closing early in silence.
    const destroySoon = socket.destroySoon.bind(socket);
    let lingering = false;
    let timer: NodeJS.Timeout | undefined;
    const close = () => {
      clearTimeout(timer);
      destroySoon();
    };
    socket.destroySoon = () => {
      const request = current.get(socket);
      if (request === undefined || request.complete || request.destroyed) return destroySoon();
      // Called again while lingering: @hono/node-server's drain gave up (500 ms or 64 MiB).
      if (lingering) return close();
      lingering = true;
      timer = setTimeout(close, lingerMs);
      timer.unref();
      request.once('end', close);
      request.once('close', close);
      socket.once('close', () => clearTimeout(timer));
    };
  });
}
