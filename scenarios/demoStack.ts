// The demo's two services in one process: a fake Gigya with a seeded full account and a connector pointed at it.
import { serve, type ServerType } from '@hono/node-server';
import { createConnectorApp, openConnectorDatabase, type ConnectorApp, type Setup } from '../connector/index.js';
import { startFakeGigya } from '../server/embedded.js';
import { randomIds, systemClock } from '../server/protocol/ids.js';
import { loadSeed } from '../server/seed/loadSeed.js';
import { demoSiteName } from '../server/sites/demoSite.js';
import { Crm } from './crm.js';

/** Fully registered accounts of the demo site: John is the one the native set-up overwrites. */
export const demoAccounts = [
  { kind: 'full' as const, email: 'john.doe@example.com', password: 'Demo-password-1', profile: { firstName: 'John', lastName: 'Doe', city: 'Brussels' }, isVerified: true },
  // No city, no newsletter: the custom set-up fills these blanks and keeps her name.
  { kind: 'full' as const, email: 'jane.roe@example.com', password: 'Demo-password-2', profile: { firstName: 'Jane', lastName: 'Roe' }, isVerified: true },
];

export const demoCampaignId = 'playground';

export interface DemoOptions {
  /** Loopback ports; 0 for a random free one. */
  fakePort?: number;
  connectorPort?: number;
  crmPort?: number;
  /** Point the connector at the fake (keys, set-up, campaign); false leaves it for the playground's forms. */
  configure?: boolean;
  setup?: Setup;
  adminToken?: string;
  log?: (message: string) => void;
}

export interface RunningDemo {
  gigyaBaseUrl: string;
  connectorUrl: string;
  inspectorUrl: string;
  /** The CRM downstream's copies of the site's accounts, as JSON (GET). */
  crmCustomersUrl: string;
  site: { apiKey: string; userKey: string; secret: string };
  connector: ConnectorApp;
  close(): Promise<void>;
}

function listen(fetch: (request: Request) => Response | Promise<Response>, host: string, port: number): Promise<{ server: ServerType; url: string }> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, hostname: host, port }, (info) => resolve({ server, url: `http://${host}:${info.port}` }));
    server.once('error', reject);
  });
}

function stop(server: ServerType): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    if ('closeAllConnections' in server) server.closeAllConnections();
  });
}

export async function startDemo(options: DemoOptions = {}): Promise<RunningDemo> {
  const host = '127.0.0.1';
  const gigya = await startFakeGigya({ site: { name: demoSiteName }, port: options.fakePort ?? 0, adminToken: options.adminToken });
  const demo = gigya.site;
  // Subscribed before the seed: the CRM starts out with John's and Jane's real names.
  const crm = await Crm.start(gigya, options.crmPort ?? 0).catch(async (error: unknown) => {
    await gigya.close();
    throw error;
  });
  await crm.subscribe();
  loadSeed(gigya.store, randomIds, systemClock, { sites: [{ apiKey: demo.apiKey, accounts: demoAccounts }] });
  const fake = { url: gigya.baseUrl };

  const db = openConnectorDatabase(':memory:');
  const connector = createConnectorApp({
    db,
    log: options.log,
    initialIntegration:
      options.configure === false
        ? undefined
        : { enabled: true, apiKey: demo.apiKey, userKey: demo.userKey, secret: demo.secret, dataCenter: 'us1', baseUrl: fake.url, setup: options.setup ?? 'liteAndSsoNative' },
  });
  if (options.configure !== false) {
    await connector.app.request(`/campaigns/${demoCampaignId}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Demo contest', identified: true, formStep: { sso: 'gigyaLite' } }),
    });
  }
  connector.outbox.start();
  const connectorServer = await listen(connector.app.fetch, host, options.connectorPort ?? 0).catch(async (error: unknown) => {
    await gigya.close();
    await crm.close();
    throw error;
  });

  return {
    gigyaBaseUrl: fake.url,
    connectorUrl: connectorServer.url,
    inspectorUrl: `${fake.url}/__admin/ui`,
    crmCustomersUrl: new URL('/customers', crm.url).href,
    site: { apiKey: demo.apiKey, userKey: demo.userKey, secret: demo.secret },
    connector,
    async close() {
      await stop(connectorServer.server);
      await connector.close();
      db.close();
      await gigya.close();
      await crm.close();
    },
  };
}
