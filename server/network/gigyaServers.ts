import { getRequestListener } from '@hono/node-server';
import { createServer as createHttpServer, type IncomingMessage, type Server as HttpServer, type ServerOptions } from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { createSecureContext, TLSSocket, type SecureContext } from 'node:tls';
import { lingerOnRefusedBodies } from './lingeringClose.js';
import { absoluteUrlRefusal, connectRefusal, type ProxyRefusal } from './proxyTargets.js';
import type { TlsCredentials } from './serverCertificate.js';

/** What @hono/node-server hands a request to: a Hono app's `fetch`. */
type FetchCallback = Parameters<typeof getRequestListener>[0];

export interface GigyaServers {
  /**
   * The plain HTTP port. Besides ordinary calls it is the proxy an unmodified client is pointed
   * at (HTTPS_PROXY): a CONNECT to a data center's host on 443 is answered by the fake itself
   * over TLS with its own certificate, an absolute-URL request to one is served directly, and
   * every other destination is refused — nothing is ever forwarded.
   */
  http: HttpServer;
  /**
   * The TLS port (--https-port), serving the same app; made on first use (most fakes never
   * serve TLS, and an HTTPS server builds a default TLS context when made).
   */
  readonly https: HttpsServer;
  /** The TLS port if anything has made it yet: what a shutdown closes. */
  readonly httpsIfMade: HttpsServer | undefined;
  /**
   * Installs the certificate. It is made after the HTTP port listens (its library loads on
   * demand, which keeps start-up short); a CONNECT that comes first waits for it.
   */
  useCredentials(tls: TlsCredentials): void;
  /** Refuses waiting and later tunnels when no certificate can be made. */
  failCredentials(reason: string): void;
}

/** Both servers of one fake, sharing one app, one certificate and Node's request time limits. */
export function createGigyaServers(fetch: FetchCallback, options: { serverOptions: ServerOptions }): GigyaServers {
  const listener = getRequestListener(fetch);
  let https: HttpsServer | undefined;
  let credentials: TlsCredentials | undefined;
  const install = () => {
    if (credentials !== undefined) https?.setSecureContext(credentials);
  };
  const http = createHttpServer(options.serverOptions, (request, response) => {
    const refused = absoluteUrlRefusal(request.url ?? '/');
    if (refused === null) return void listener(request, response);
    response.writeHead(refused.status, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
    response.end(refused.message);
  });
  lingerOnRefusedBodies(http);
  let settle!: (context: SecureContext | Error) => void;
  const secureContext = new Promise<SecureContext | Error>((resolve) => (settle = resolve));
  http.on('connect', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const refused = connectRefusal(request.url ?? '');
    if (refused !== null) return refuseTunnel(socket, refused);
    void secureContext.then((context) => {
      if (context instanceof Error) return refuseTunnel(socket, { status: 503, message: `fake-gigya has no TLS certificate: ${context.message}\n` });
      if (socket.destroyed) return;
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) socket.unshift(head);
      // The tunnel ends here: the client's TLS is terminated with the fake's certificate and the
      // decrypted stream is handed to this same HTTP server, whose time limits then apply to it.
      const tls = new TLSSocket(socket as Socket, { isServer: true, secureContext: context, ALPNProtocols: ['http/1.1'] });
      tls.on('error', () => tls.destroy());
      http.emit('connection', tls);
    });
  });
  return {
    http,
    get https() {
      if (https === undefined) {
        https = createHttpsServer({ ...options.serverOptions }, listener);
        lingerOnRefusedBodies(https);
        // The certificate is set on the TLS port only once it listens.
        https.on('listening', install);
      }
      return https;
    },
    get httpsIfMade() {
      return https;
    },
    useCredentials: (tls) => {
      // Made once per certificate: a fake that never serves TLS (most embedded ones) pays
      // nothing per start for it.
      const context = secureContextOf(tls);
      credentials = tls;
      if (https?.listening) install();
      settle(context);
    },
    failCredentials: (reason) => settle(new Error(reason)),
  };
}

const secureContexts = new WeakMap<TlsCredentials, SecureContext>();

function secureContextOf(tls: TlsCredentials): SecureContext {
  let context = secureContexts.get(tls);
  if (context === undefined) secureContexts.set(tls, (context = createSecureContext({ cert: tls.cert, key: tls.key })));
  return context;
}

function refuseTunnel(socket: Duplex, refused: ProxyRefusal | { status: 503; message: string }): void {
  const reason = { 400: 'Bad Request', 403: 'Forbidden', 503: 'Service Unavailable' }[refused.status];
  const body = Buffer.from(refused.message, 'utf8');
  socket.end(
    `HTTP/1.1 ${refused.status} ${reason}\r\ncontent-type: text/plain; charset=utf-8\r\ncontent-length: ${body.length}\r\nconnection: close\r\n\r\n${refused.message}`,
  );
}
