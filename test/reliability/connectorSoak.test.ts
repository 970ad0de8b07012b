import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createConnectorApp, openConnectorDatabase, type ConnectorApp, type IntegrationSettingsInput } from '../../connector/index.js';
import { startFakeGigya, type RunningFakeGigya } from '../../server/index.js';
import { inPool, reliabilityScale, report } from './reliabilityScale.js';

// Many submissions through the connector while the fake fails 30% of the calls (500001) and
// answers slowly, with the connector closed and reopened on its database half-way: every
// participation must end saved and pushed, and Gigya must hold exactly one lite account each.

const submissions = reliabilityScale.soakSubmissions;
const concurrency = 32;
let fake: RunningFakeGigya | undefined;

afterAll(async () => {
  await fake?.close();
});

interface Connector {
  app: ConnectorApp;
  /** Stops the outbox and waits for pushes under way, then closes the database. */
  close(): Promise<void>;
  closeDatabase(): void;
}

function openConnector(file: string, logs: string[], integration?: IntegrationSettingsInput): Connector {
  const db = openConnectorDatabase(file);
  const app = createConnectorApp({ db, initialIntegration: integration, log: (line) => logs.push(line) });
  return {
    app,
    async close() {
      await app.close();
      db.close();
    },
    closeDatabase: () => db.close(),
  };
}

async function submit(connector: Connector, index: number): Promise<{ id: string; email: string }> {
  const email = `soak-${index}@soak.example.com`;
  const response = await connector.app.app.request('/campaigns/c1/participations', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, firstname: `Soak${index}`, lastname: 'Tester' }),
  });
  if (response.status !== 201) throw new Error(`participation ${index} answered ${response.status}: ${await response.text()}`);
  const { participation } = (await response.json()) as { participation: { id: string } };
  return { id: participation.id, email };
}

describe('connector soak: pushes under injected faults, with a restart', () => {
  it(`saves ${submissions} participations, pushes every one, and leaves exactly one lite account each`, async () => {
    fake = await startFakeGigya();
    const { apiKey } = fake.site;
    const file = join(mkdtempSync(join(tmpdir(), 'reliability-soak-')), 'connector.db');
    const logs: string[] = [];
    const integration: IntegrationSettingsInput = {
      enabled: true,
      apiKey,
      userKey: fake.site.userKey,
      secret: fake.site.secret,
      baseUrl: fake.baseUrl,
      setup: 'liteOnly',
      retry: { maxAttempts: 2, baseDelayMs: 0, maxDelayMs: 0 },
      outbox: { baseDelayMs: 0, maxDelayMs: 0, maxAgeMs: 55 * 60_000, pollIntervalMs: 1_000 },
    };
    const latency = await fake.admin.addFault({ kind: 'latency', apiKey, method: '*', ms: 0, maxMs: reliabilityScale.soakMaxLatencyMs, seed: 11 });
    const errors = await fake.admin.addFault({ kind: 'error', apiKey, method: '*', errorCode: 500001, probability: 0.3, seed: 7 });

    const submitted = new Map<string, string>();
    const half = Math.floor(submissions / 2);
    const first = openConnector(file, logs, integration);
    await first.app.app.request('/campaigns/c1', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ identified: true, formStep: { sso: 'gigyaLite' } }),
    });
    let closing: Promise<void> | undefined;
    await inPool(Array.from({ length: half }, (_, i) => i), concurrency, async (index) => {
      // The restart begins while the last submissions are still being pushed: the outbox stops
      // at once, the requests under way get their answers, then the database is closed.
      if (index === half - 1) closing = first.app.close();
      const { id, email } = await submit(first, index);
      submitted.set(id, email);
    });
    await closing;
    first.closeDatabase();

    const second = openConnector(file, logs);
    const pendingAtRestart = second.app.participations.byCampaign('c1').filter((p) => p.status === 'pending').length;
    try {
      await inPool(Array.from({ length: submissions - half }, (_, i) => half + i), concurrency, async (index) => {
        const { id, email } = await submit(second, index);
        submitted.set(id, email);
      });
      // Drive the outbox (concurrently, as many outbox workers would) until nothing is pending: bounded in rounds and time.
      const deadline = Date.now() + 240_000;
      let outboxRounds = 0;
      for (; outboxRounds < 500 && Date.now() < deadline; outboxRounds++) {
        const due = second.app.participations.due(Date.now(), 1_000);
        if (due.length === 0 && !second.app.participations.byCampaign('c1').some((p) => p.status === 'pending')) break;
        await inPool(due, concurrency, (id) => second.app.pusher.push(id));
        if (due.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
      }

      const saved = second.app.participations.byCampaign('c1');
      expect(saved).toHaveLength(submissions);
      expect(new Set(saved.map((p) => p.id))).toEqual(new Set(submitted.keys()));
      const notSucceeded = saved.filter((p) => p.status !== 'succeeded').map((p) => `${p.id}: ${p.status} ${p.lastError ?? ''}`);
      expect(notSucceeded).toEqual([]);

      const accounts = new Map<string, { email: string | null; kind: string }>();
      for (let offset = 0; offset < submissions + 1_000; offset += 1_000) {
        const page = await fake.admin.accounts(apiKey, { limit: 1_000, offset });
        for (const account of page.accounts) accounts.set(account.UID, { email: account.email, kind: account.kind });
        if (page.accounts.length < 1_000) break;
      }
      expect(accounts.size).toBe(submissions);
      expect([...accounts.values()].filter((a) => a.kind !== 'lite')).toEqual([]);
      const mismatched = saved.filter((p) => accounts.get(p.uid ?? '')?.email !== submitted.get(p.id)).map((p) => p.id);
      expect(mismatched).toEqual([]);
      expect(new Set(saved.map((p) => p.uid)).size).toBe(submissions);

      const faults = await fake.admin.faults(apiKey);
      const fired = faults.find((f) => f.id === errors.id)?.fired ?? 0;
      const delayed = faults.find((f) => f.id === latency.id)?.fired ?? 0;
      // The faults really fired: a soak that never failed a call would prove nothing.
      expect(fired).toBeGreaterThan(0);
      const attempts = saved.reduce((sum, p) => sum + p.attempts, 0);
      const calls = await fake.admin.journalCount({ apiKey });
      report(
        `connector soak: ${submissions} participations, ${calls} Gigya calls, ${fired} injected 500001 (of ${faults.find((f) => f.id === errors.id)?.matched ?? 0} matched), ` +
          `${delayed} delayed 0–${reliabilityScale.soakMaxLatencyMs} ms; ${pendingAtRestart} pending at the restart; ${attempts} push attempts; ` +
          `${outboxRounds} outbox rounds; ${accounts.size} lite accounts, all distinct`,
      );
      expect(logs.join('\n')).not.toContain(fake.site.secret);
    } finally {
      await second.close();
    }
  }, 300_000);
});
