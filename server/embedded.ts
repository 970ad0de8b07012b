import type { AddressInfo } from 'node:net';
import { AdminClient } from './admin/client.js';
import { createFakeGigya } from './app.js';
import { FaultRegistry } from './faults/registry.js';
import { baseUrlsOf, expectedHosts } from './hostNames.js';
import { httpServerOptions } from './httpServerOptions.js';
import type { CertificateAuthorityFiles } from './network/caFiles.js';
import type { DataCenter } from './network/dataCenterHosts.js';
import { createGigyaServers } from './network/gigyaServers.js';
import { prepareTls } from './network/prepareTls.js';
import { randomIds, systemClock } from './protocol/ids.js';
import { loadSeed } from './seed/loadSeed.js';
import type { Seed } from './seed/seedSchema.js';
import { createSite } from './sites/createSite.js';
import type { BeforeHandle } from './protocol/dispatch.js';
import { openStore, type Store } from './store/index.js';
import type { Policies } from './store/policies.js';
import { WebhookDeliverer } from './webhooks/deliverer.js';
import { replaceWebhooks, type WebhookInput } from './webhooks/webhookSettings.js';

export interface StartOptions {
  /** SQLite file; in memory by default. */
  db?: string;
  /** Fixed credentials and name for the site created for this instance (random ones by default). */
  site?: { apiKey?: string; userKey?: string; secret?: string; name?: string };
  /** Policies of the site created for this instance; reset() restores them. */
  policies?: Partial<Policies>;
  /** The site's data center (us1 by default): its hosts, its signed URLs, 301001 on the others. */
  dataCenter?: DataCenter;
  /** Also listen over TLS on a loopback port, as every data center's host (httpsBaseUrl). */
  https?: boolean;
  /** Keep the CA in these files (created when both are absent) instead of in memory. */
  certificateAuthority?: CertificateAuthorityFiles;
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
  /** Webhooks of the site, as accounts.webhooks.set takes them; delivered from once listening until close(). */
  webhooks?: WebhookInput[];
}

export interface RunningFakeGigya {
  baseUrl: string;
  /** The TLS base URL when started with `https: true`. */
  httpsBaseUrl: string | undefined;
  /**
   * HTTPS_PROXY for an unmodified client: CONNECTs to Gigya's hosts end in this fake (the same
   * port as baseUrl), everything else is refused.
   */
  proxyUrl: string;
  /** PEM of the CA the fake's certificates chain to: what the client trusts (NODE_EXTRA_CA_CERTS). */
  certificateAuthorityPem: string;
  /** A site of its own, so tests sharing a server never see each other's accounts. */
  site: { apiKey: string; userKey: string; secret: string; dataCenter: string };
  /** A typed client of /__admin (docs/admin-api.md), carrying the admin token if one was set. */
  admin: AdminClient;
  store: Store;
  /** Fault injection, in process (the same as /__admin/faults). */
  faults: FaultRegistry;
  /** Webhook delivery (started): `drain()` sends what is due now, `replay(id)` sends a notification again. */
  webhooks: WebhookDeliverer;
  /** Forgets this site's accounts, tokens, history, journal and faults and restores its policies, schema and webhooks; the credentials stay valid. */
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
  const startSchema = store.siteSchemas.get(created.site.apiKey);
  const setUpWebhooks = () => store.transaction(() => replaceWebhooks(store, created.site, options.webhooks ?? [], systemClock.now()));
  setUpWebhooks();
  const faults = new FaultRegistry({ clock: systemClock });
  const webhooks = new WebhookDeliverer({ store, clock: systemClock, faults });
  let publicBaseUrls: readonly string[] = [];
  const { authority, tls } = await prepareTls(options.certificateAuthority ?? null, []);
  const app = createFakeGigya({
    store,
    faults,
    adminToken: options.adminToken,
    journal: options.journal,
    beforeHandle: options.beforeHandle,
    publicBaseUrls: () => publicBaseUrls,
    certificateAuthorityPem: () => authority.certificatePem,
    webhooks,
  });
  const servers = createGigyaServers(app.fetch, { serverOptions: httpServerOptions(options.requestTimeoutMs) });
  servers.useCredentials(tls);
  const listen = (server: typeof servers.http | typeof servers.https, port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve((server.address() as AddressInfo).port);
      });
    });
  const port = await listen(servers.http, options.port ?? 0);
  const httpsPort = options.https === true ? await listen(servers.https, 0) : undefined;
  const baseUrl = `http://127.0.0.1:${port}`;
  webhooks.start();
  publicBaseUrls = [...baseUrlsOf(expectedHosts(), port), ...(httpsPort === undefined ? [] : baseUrlsOf(expectedHosts(), httpsPort, 'https'))];
  const closeServer = (server: typeof servers.http | typeof servers.https) =>
    new Promise<void>((resolve) => {
      if (!server.listening) return resolve();
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return {
    baseUrl,
    httpsBaseUrl: httpsPort === undefined ? undefined : `https://127.0.0.1:${httpsPort}`,
    proxyUrl: baseUrl,
    certificateAuthorityPem: authority.certificatePem,
    site: { apiKey: created.site.apiKey, userKey: key.userKey, secret: key.secret, dataCenter: created.site.dataCenter },
    admin: new AdminClient(`${baseUrl}/__admin`, options.adminToken),
    store,
    faults,
    webhooks,
    reset: () => {
      store.resetSite(created.site.apiKey);
      faults.clear(created.site.apiKey);
      store.sites.setPolicies(created.site.apiKey, created.site.policies);
      if (startSchema === null) store.siteSchemas.clear(created.site.apiKey);
      else store.siteSchemas.set(created.site.apiKey, startSchema);
      setUpWebhooks();
    },
    close: async () => {
      await Promise.all([servers.httpsIfMade && closeServer(servers.httpsIfMade), closeServer(servers.http)]);
      await webhooks.stop();
      store.close();
    },
  };
}
