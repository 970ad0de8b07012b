// End-to-end harness: a fresh fake Gigya on a loopback port and a connector pointed at it over real HTTP.
import { startFakeGigya } from '../../server/index.js';
import { createConnectorApp, openConnectorDatabase, type ConnectorApp, type GigyaClient, type Setup } from '../../connector/index.js';
import { observerClient } from '../../scenarios/stage.js';

export type RunningFake = Awaited<ReturnType<typeof startFakeGigya>>;

export interface EndToEnd {
  fake: RunningFake;
  connector: ConnectorApp;
  /** A Gigya client with the site's credentials, to arrange and read back accounts. */
  gigya: GigyaClient;
  submit(values: Record<string, string | boolean>, campaignId?: string): Promise<Record<string, unknown>>;
  history(uid: string): Promise<Array<{ method: string; changes: Array<{ field: string; before: unknown; after: unknown }> }>>;
  close(): Promise<void>;
}

export async function startEndToEnd(setup: Setup, options: { policies?: { liteAccounts?: 'perSubmit' | 'mergeByEmail' }; maxAttempts?: number } = {}): Promise<EndToEnd> {
  const fake = await startFakeGigya({ policies: options.policies });
  const db = openConnectorDatabase(':memory:');
  const connector = createConnectorApp({
    db,
    sleep: async () => {},
    initialIntegration: {
      enabled: true,
      apiKey: fake.site.apiKey,
      userKey: fake.site.userKey,
      secret: fake.site.secret,
      dataCenter: 'us1',
      baseUrl: fake.baseUrl,
      setup,
      retry: { maxAttempts: options.maxAttempts ?? 3, baseDelayMs: 0, maxDelayMs: 0 },
    },
  });
  await connector.app.request('/campaigns/c1', {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identified: true, formStep: { sso: 'gigyaLite' } }),
  });
  const gigya = observerClient(fake);
  return {
    fake,
    connector,
    gigya,
    async submit(values, campaignId = 'c1') {
      const response = await connector.app.request(`/campaigns/${campaignId}/participations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(values),
      });
      const body = (await response.json()) as { participation: Record<string, unknown> };
      return body.participation;
    },
    async history(uid) {
      const response = await fetch(`${fake.baseUrl}/__admin/accounts/${uid}/history?apiKey=${encodeURIComponent(fake.site.apiKey)}`);
      return ((await response.json()) as { history: Awaited<ReturnType<EndToEnd['history']>> }).history;
    },
    async close() {
      await connector.close();
      db.close();
      await fake.close();
    },
  };
}

/** A full account, as a user registering on the brand's site would make it. */
export async function registerFullAccount(gigya: GigyaClient, email: string, profile: Record<string, unknown>): Promise<string> {
  const response = await gigya.register({ email, password: 'Correct-Horse-9', profile: { email, ...profile }, finalizeRegistration: true });
  return response.UID as string;
}
