import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { AdminClient } from './admin/client.js';
import { createFakeGigya } from './app.js';
import { FaultRegistry } from './faults/registry.js';
import { baseUrlsOf, expectedHosts } from './hostNames.js';
import { httpServerOptions } from './httpServerOptions.js';
import { randomIds, systemClock } from './protocol/ids.js';
import { loadSeed } from './seed/loadSeed.js';
import type { Seed } from './seed/seedSchema.js';
import { createSite } from './sites/createSite.js';
import type { BeforeHandle } from './protocol/dispatch.js';
import { openStore, type Store } from './store/index.js';
import type { Policies } from './store/policies.js';

export interface StartOptions {
  /** SQLite file; in memory by default. */
  db?: string;
  /** Fixed credentials and name for the site created for this instance (random ones by default). */
  site?: { apiKey?: string; userKey?: string; secret?: string; name?: string };
  /** Policies of the site created for this instance; reset() restores them. */
  policies?: Partial<Policies>;
  dataCenter?: 'us1' | 'eu1' | 'au1' | 'eu2';
  adminToken?: string;
  journal?: boolean;
  /** Request journal bound (default 100 000 entries). */
  journalMaxEntries?: number;
  /** Sites and accounts to load before the server starts (the --seed file format). */
  seed?: Seed;
  /** How long a client has to send a whole request before it is answered 408 and closed (default 30 s). */
  requestTimeoutMs?: number;
  /** A loopback port (0, the default, picks a free one). */
  port?: number;
  /** Runs for every call after authentication, before faults and the method: to observe what got through. */
  beforeHandle?: BeforeHandle;
}

export interface RunningFakeGigya {
  baseUrl: string;
  /** A site of its own, so tests sharing a server never see each other's accounts. */
  site: { apiKey: string; userKey: string; secret: string; dataCenter: string };
  /** A typed client of /__admin (docs/admin-api.md), carrying the admin token if one was set. */
  admin: AdminClient;
  store: Store;
  /** Fault injection, in process (the same as /__admin/faults). */
  faults: FaultRegistry;
  /** Forgets this site's accounts, tokens, history, journal and faults and restores its policies; the credentials stay valid. */
  reset(): void;
  close(): Promise<void>;
}

/** Starts a fake Gigya on a random loopback port, for another project's tests. */
export async function startFakeGigya(options: StartOptions = {}): Promise<RunningFakeGigya> {
  const store = openStore({ file: options.db ?? ':memory:', journalMaxEntries: options.journalMaxEntries });
  const { name = 'embedded', userKey, secret, apiKey } = options.site ?? {};
  const created = createSite(store, randomIds, systemClock, {
    apiKey,
    name,
    dataCenter: options.dataCenter ?? 'us1',
    policies: options.policies ?? {},
    applicationKeys: [{ userKey, secret }],
  });
  const key = created.applicationKeys[0]!;
  if (options.seed !== undefined) loadSeed(store, randomIds, systemClock, options.seed);
  const faults = new FaultRegistry({ clock: systemClock });
  let publicBaseUrls: readonly string[] = [];
  const app = createFakeGigya({
    store,
    faults,
    adminToken: options.adminToken,
    journal: options.journal,
    beforeHandle: options.beforeHandle,
    publicBaseUrls: () => publicBaseUrls,
  });
  const server = await new Promise<ServerType>((resolve) => {
    const serverOptions = httpServerOptions(options.requestTimeoutMs);
    const running = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: options.port ?? 0, serverOptions }, () => resolve(running));
  });
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  publicBaseUrls = baseUrlsOf(expectedHosts(), port);
  return {
    baseUrl,
    site: { apiKey: created.site.apiKey, userKey: key.userKey, secret: key.secret, dataCenter: created.site.dataCenter },
    admin: new AdminClient(`${baseUrl}/__admin`, options.adminToken),
    store,
    faults,
    reset: () => {
      store.resetSite(created.site.apiKey);
      faults.clear(created.site.apiKey);
      store.sites.setPolicies(created.site.apiKey, created.site.policies);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          store.close();
          resolve();
        });
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}
