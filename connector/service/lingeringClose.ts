import type { IncomingMessage, Server } from 'node:http';
import type { Http2SecureServer, Http2Server } from 'node:http2';
import type { Socket } from 'node:net';

/** How long a closing connection waits for the rest of a body the connector refused. */
export const lingerMs = 2000;

/**
 * A body refused before it was read whole (413) leaves the client still sending when the answer
 * goes out, and Node closes such a connection right after the answer: the kernel then resets
 * the client's next bytes, which clients report as EPIPE (Python's urllib: "Broken pipe")
 * instead of the 413. So the connection is closed only once the rest of the body has arrived
 * and been dropped (@hono/node-server's drain: 500 ms or 64 MiB), or after `lingerMs`.
 * The fake Gigya does the same for its own server (the two share no code).
 */
export function lingerOnRefusedBodies(server: Server | Http2Server | Http2SecureServer): void {
  const current = new WeakMap<Socket, IncomingMessage>();
  server.on('request', (request: IncomingMessage) => current.set(request.socket, request));
  server.on('connection', (socket: Socket) => {
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
      // Called again while lingering: the drain gave up (500 ms or 64 MiB).
      if (lingering) return close();
      lingering = true;
      timer = setTimeout(close, lingerMs);
      timer.unref();
      request.once('end', close);
      request.once('close', close);
      // Nobody reads the body any more, but the web stream made of it (Readable.toWeb) still
      // listens and pauses the socket whenever its queue is full: without it, the rest flows
      // and is dropped (by @hono/node-server's drain when it starts, or by nobody).
      request.removeAllListeners('data');
      request.resume();
      socket.once('close', () => clearTimeout(timer));
    };
  });
}
