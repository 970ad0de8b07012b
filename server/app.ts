import { Hono } from 'hono';
import { accountMethods } from './accounts/index.js';
import type { FakeGigyaDeps } from './deps.js';
import { expectedHosts } from './hostNames.js';
import { adminRoutes } from './admin/index.js';
import { dropConnection } from './faults/dropConnection.js';
import { FaultRegistry } from './faults/registry.js';
import { DroppedConnection, Dispatcher, type BeforeHandle } from './protocol/dispatch.js';
import { randomIds, systemClock } from './protocol/ids.js';
import type { Clock, GigyaMethod, Ids } from './protocol/method.js';
import { openStore, type Store } from './store/index.js';
import { caCertificateRoute } from './network/caRoute.js';
import { favicon } from './ui/favicon.js';
import { jwtMethods } from './jwt/index.js';
import { WebhookDeliverer } from './webhooks/deliverer.js';
import { webhookMethods } from './webhooks/webhookMethods.js';

export interface FakeGigyaOptions {
  /** The state; an in-memory store when left out. The caller closes it. */
  store?: Store;
  clock?: Clock;
  ids?: Ids;
  /** Extra or replacement Gigya methods (a method with an existing name replaces it). */
  methods?: readonly GigyaMethod[];
  beforeHandle?: BeforeHandle;
  /** Record every call in the request journal (default true). */
  journal?: boolean;
  /** When set, /__admin requires `Authorization: Bearer <token>`. */
  adminToken?: string;
  /** Fault injection (errors, latency, rate limits, dropped connections); one is created when left out. */
  faults?: FaultRegistry;
  logError?: (message: string) => void;
  /**
   * Host names /__admin and the inspector answer for besides the loopback names: the address
   * the server is bound to and the names the user configures (--allowed-hosts).
   */
  allowedHosts?: readonly string[];
  /**
   * The URLs this fake is called at (e.g. http://127.0.0.1:4100), over which a client may sign
   * besides its data center's production URLs; read on each signed call, since a server on
   * port 0 learns its URL only once listening. Never derived from a request's Host.
   */
  publicBaseUrls?: () => readonly string[];
  /** The local CA's certificate, served at /__admin/ca.pem (server/network/). */
  certificateAuthorityPem?: () => string | null;
  /** Webhook delivery; one that is never started (nothing sent) when left out. The caller starts and stops it. */
  webhooks?: WebhookDeliverer;
}


/** The fake Gigya as a Hono app: the Gigya surface at /<namespace>.<method>, the emulator's own at /__admin. */
export function createFakeGigya(options: FakeGigyaOptions = {}): Hono {
  const clock = options.clock ?? systemClock;
  const deps: FakeGigyaDeps = {
    store: options.store ?? openStore({ file: ':memory:' }),
    clock,
    ids: options.ids ?? randomIds,
    adminToken: options.adminToken,
    faults: options.faults ?? new FaultRegistry({ clock }),
  };
  deps.webhooks = options.webhooks ?? new WebhookDeliverer({ store: deps.store, clock, faults: deps.faults, logError: options.logError });
  const beforeHandle: BeforeHandle = async (call) => {
    await deps.faults.beforeHandle(call);
    await options.beforeHandle?.(call);
  };
  const methods = new Map([...accountMethods, ...webhookMethods, ...jwtMethods].map((method) => [method.name, method]));
  for (const method of options.methods ?? []) methods.set(method.name, method);
  const dispatcher = new Dispatcher({
    store: deps.store,
    clock: deps.clock,
    ids: deps.ids,
    methods: [...methods.values()],
    beforeHandle,
    journal: options.journal ?? true,
    publicBaseUrls: options.publicBaseUrls ?? (() => []),
    logError: options.logError ?? ((message) => console.error(message)),
  });

  const app = new Hono();
  app.get('/__admin/ca.pem', caCertificateRoute(options.certificateAuthorityPem ?? (() => null)));
  app.route('/__admin', adminRoutes(deps, { hosts: expectedHosts(options.allowedHosts) }));
  app.get('/favicon.ico', favicon);
  app.all('*', async (c) => {
    try {
      return await dispatcher.handle(c);
    } catch (error) {
      if (error instanceof DroppedConnection) return dropConnection(c);
      throw error;
    }
  });
  return app;
}
