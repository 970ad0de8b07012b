// The real connector (createConnectorApp: routes, pusher, strategies, GigyaClient, outbox) over the
// real fetch, pointed at a Pact mock server. Only time and ids are fixed, to keep runs repeatable.
import type { Participation } from '../../connector/participations/participation.js';
import { createConnectorApp } from '../../connector/service/app.js';
import { defaultFormFields, parseCampaign, type FormField } from '../../connector/settings/campaign.js';
import { parseIntegrationSettings, type OptInAs, type Setup } from '../../connector/settings/integration.js';
import { openConnectorDatabase } from '../../connector/store/database.js';
import { contractSite } from '../contractSite.js';

export const campaignId = 'contract-contest';

export interface ConnectorUnderTestOptions {
  setup: Setup;
  /** Mapping overrides of the integration settings (CRM variable → profile./data. path). */
  overrides?: Record<string, string | null>;
  /** Extra form fields bound to custom CRM variables. */
  extraFields?: FormField[];
  /** How the custom set-up records an opt-in (optInAs, consentStatementId of the settings). */
  optIn?: { optInAs: OptInAs; consentStatementId?: string };
}

export function connectorUnderTest(options: ConnectorUnderTestOptions) {
  const db = openConnectorDatabase(':memory:');
  const clock = { now: Date.parse('2026-03-01T10:00:00Z') };
  /** Every Gigya method the connector called, in order. */
  const calls: string[] = [];
  const countingFetch: typeof fetch = (input, init) => {
    calls.push(new URL(input instanceof Request ? input.url : String(input)).pathname.slice(1));
    return fetch(input, init);
  };
  let nextId = 0;
  const connector = createConnectorApp({
    db,
    fetch: countingFetch,
    clock: () => clock.now,
    sleep: async () => {},
    random: () => 1,
    ids: () => `participation-${++nextId}`,
  });
  connector.settings.saveCampaign(
    parseCampaign({ id: campaignId, identified: true, formStep: { sso: 'gigyaLite', fields: [...defaultFormFields, ...(options.extraFields ?? [])] } }),
    clock.now,
  );

  return {
    connector,
    clock,
    calls,
    /** (Re)configures the integration to deliver to `baseUrl`: each Pact run has its own mock server. */
    pointAt(baseUrl: string): void {
      connector.settings.saveIntegration(
        parseIntegrationSettings({
          enabled: true,
          apiKey: contractSite.apiKey,
          userKey: contractSite.userKey,
          secret: contractSite.secret,
          dataCenter: contractSite.dataCenter,
          baseUrl,
          setup: options.setup,
          // One attempt per call: transient errors go back to the outbox, so each push makes a known number of calls.
          retry: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 },
          outbox: { baseDelayMs: 1_000, maxDelayMs: 60_000, maxAgeMs: 600_000, pollIntervalMs: 1_000 },
          mapping: { overrides: options.overrides ?? {}, phoneType: 'mobile' },
          ...options.optIn,
        }),
        clock.now,
      );
    },
    /** POSTs a participant's form, as Qualifio's form step does; resolves once the real-time push ended. */
    async submit(answers: Record<string, string | boolean>): Promise<Participation> {
      const response = await connector.app.request(`/campaigns/${campaignId}/participations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(answers),
      });
      if (response.status !== 201) throw new Error(`submission refused: HTTP ${response.status} ${await response.text()}`);
      return ((await response.json()) as { participation: Participation }).participation;
    },
    participation(id: string): Participation {
      const found = connector.participations.get(id);
      if (!found) throw new Error(`no participation ${id}`);
      return found;
    },
    async close(): Promise<void> {
      await connector.close();
      db.close();
    },
  };
}

export type ConnectorUnderTest = ReturnType<typeof connectorUnderTest>;
