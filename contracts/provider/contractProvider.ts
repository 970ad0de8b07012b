// The provider under verification: the fake Gigya on a random loopback port, with the contract
// site created from the fixed credentials both sides share.
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createFakeGigya } from '../../server/app.js';
import { FaultRegistry } from '../../server/faults/registry.js';
import { randomIds, systemClock } from '../../server/protocol/ids.js';
import { createSite } from '../../server/sites/createSite.js';
import { openStore } from '../../server/store/index.js';
import { defaultPolicies } from '../../server/store/policies.js';
import { contractSite } from '../contractSite.js';

/** A Gigya call that passed authentication and reached its method. */
export interface AuthenticatedCall {
  method: string;
  params: Record<string, string>;
}

export async function startContractProvider() {
  const store = openStore({ file: ':memory:' });
  createSite(store, randomIds, systemClock, {
    apiKey: contractSite.apiKey,
    name: 'contract site',
    dataCenter: contractSite.dataCenter,
    applicationKeys: [{ userKey: contractSite.userKey, secret: contractSite.secret, name: 'contract' }],
  });
  const faults = new FaultRegistry({ clock: systemClock });
  const authenticated: AuthenticatedCall[] = [];
  const app = createFakeGigya({
    store,
    faults,
    // Runs after the signature check and before faults and the method: what got through authentication.
    beforeHandle: ({ method, params }) => {
      authenticated.push({ method, params: { ...params } as Record<string, string> });
    },
    logError: () => {},
  });
  const server = await new Promise<ServerType>((resolve) => {
    const running = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(running));
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    store,
    faults,
    authenticated,
    /** Before every interaction: no accounts, tokens or faults, default policies. */
    reset(): void {
      store.resetSite(contractSite.apiKey);
      faults.clear(contractSite.apiKey);
      store.sites.setPolicies(contractSite.apiKey, defaultPolicies);
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

export type ContractProvider = Awaited<ReturnType<typeof startContractProvider>>;
