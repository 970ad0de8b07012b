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
import { openStore, type Store } from './store/index.js';
import type { Policies } from './store/policies.js';
import { resetSiteData } from './store/reset.js';

export interface StartOptions {
  /** SQLite file; in memory by default. */
  db?: string;
  /** Policies of the site created for this instance. */
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
}

export interface RunningFakeGigya {
  baseUrl: string;
  /** A site of its own, so tests sharing a server never see each other's accounts. */
  site: { apiKey: string; userKey: string; secret: string; dataCenter: string };
  /** A typed client of /__admin (docs/admin-api.md), carrying the admin token if one was set. */
  admin: AdminClient;
  store: Store;
  /** Forgets this site's accounts, tokens, history, journal and faults; the credentials stay valid. */
  reset(): void;
  close(): Promise<void>;
}

/** Starts a fake Gigya on a random loopback port, for another project's tests. */
export async function startFakeGigya(options: StartOptions = {}): Promise<RunningFakeGigya> {
  const store = openStore({ file: options.db ?? ':memory:', journalMaxEntries: options.journalMaxEntries });
  const created = createSite(store, randomIds, systemClock, {
    name: 'embedded',
    dataCenter: options.dataCenter ?? 'us1',
    policies: options.policies ?? {},
  });
  const key = created.applicationKeys[0]!;
  if (options.seed !== undefined) loadSeed(store, randomIds, systemClock, options.seed);
  const faults = new FaultRegistry({ clock: systemClock });
  let publicBaseUrls: readonly string[] = [];
  const app = createFakeGigya({ store, faults, adminToken: options.adminToken, journal: options.journal, publicBaseUrls: () => publicBaseUrls });
  const server = await new Promise<ServerType>((resolve) => {
    const serverOptions = httpServerOptions(options.requestTimeoutMs);
    const running = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0, serverOptions }, () => resolve(running));
  });
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  publicBaseUrls = baseUrlsOf(expectedHosts(), port);
  return {
    baseUrl,
    site: { apiKey: created.site.apiKey, userKey: key.userKey, secret: key.secret, dataCenter: created.site.dataCenter },
    admin: new AdminClient(`${baseUrl}/__admin`, options.adminToken),
    store,
    reset: () => {
      resetSiteData(store.db, created.site.apiKey);
      faults.clear(created.site.apiKey);
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
