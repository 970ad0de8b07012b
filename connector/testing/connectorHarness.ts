// Test harness: a connector app over an injected fetch, a movable clock and no real waiting.
import { createConnectorApp, type ConnectorApp } from '../service/app.js';
import type { IntegrationSettingsInput } from '../settings/integration.js';
import { openConnectorDatabase, type ConnectorDatabase } from '../store/database.js';

export const testSecret = 'GX98IPy4pUedr7Gkj2U4ODKXRxGVpqOp';

export const testIntegration: IntegrationSettingsInput = {
  enabled: true,
  apiKey: '3_key',
  userKey: 'AKuser',
  secret: testSecret,
  baseUrl: 'http://fake-gigya.test',
  setup: 'liteOnly',
  retry: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 },
  outbox: { baseDelayMs: 1_000, maxDelayMs: 60_000, maxAgeMs: 600_000, pollIntervalMs: 1_000 },
};

export const liteCampaign = { identified: true, formStep: { sso: 'gigyaLite' } };

export interface Harness extends ConnectorApp {
  db: ConnectorDatabase;
  clock: { now: number };
  request(method: string, path: string, body?: unknown, contentType?: string): Promise<{ status: number; json: Record<string, unknown> }>;
}

export function connectorHarness(options: { fetch: typeof fetch; db?: ConnectorDatabase; integration?: IntegrationSettingsInput | null; now?: number }): Harness {
  const db = options.db ?? openConnectorDatabase(':memory:');
  const clock = { now: options.now ?? Date.parse('2026-03-01T10:00:00Z') };
  let id = 0;
  const connector = createConnectorApp({
    db,
    fetch: options.fetch,
    clock: () => clock.now,
    sleep: async () => {},
    random: () => 1,
    ids: () => `p-${Date.now().toString(36)}-${++id}`,
    initialIntegration: options.integration === null ? undefined : (options.integration ?? testIntegration),
  });
  const request: Harness['request'] = async (method, path, body, contentType = 'application/json') => {
    const init: RequestInit = { method };
    if (body !== undefined) {
      init.headers = { 'content-type': contentType };
      init.body = contentType === 'application/json' ? JSON.stringify(body) : new URLSearchParams(body as Record<string, string>).toString();
    }
    const response = await connector.app.request(path, init);
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };
  return { ...connector, db, clock, request };
}
