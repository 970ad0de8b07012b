// The stage every scenario plays on: a fresh in-process fake Gigya and a connector pointed at it.
import { startFakeGigya, type RunningFakeGigya } from '../server/index.js';
import {
  accountsByEmailQuery,
  createConnectorApp,
  GigyaClient,
  openConnectorDatabase,
  Secret,
  type ConnectorApp,
  type IntegrationSettingsInput,
  type Participation,
  type Setup,
} from '../connector/index.js';
import { Crm, type CrmOutcome } from './crm.js';

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface HistoryEntry {
  at: string;
  method: string;
  userKey?: string;
  changes: FieldChange[];
}

/** One account as the before/after tables show it, read back from the fake. */
export interface AccountSnapshot {
  uid: string;
  type: 'full' | 'lite';
  profile: Record<string, unknown>;
  subscriptions: Record<string, unknown>;
  history: HistoryEntry[];
}

export interface ScenarioResult {
  title: string;
  setup: Setup;
  narrative: string[];
  before: AccountSnapshot[];
  after: AccountSnapshot[];
  participations: Array<Pick<Participation, 'status' | 'action' | 'uid'>>;
  /** The full account as the CRM downstream holds it, before and after the submission. */
  crm?: CrmOutcome;
}

export interface Stage {
  /** The fake itself, for its /__admin routes (schema, consent statements, outbox). */
  fake: RunningFakeGigya;
  gigya: GigyaClient;
  connector: ConnectorApp;
  submit(values: Record<string, string | boolean>): Promise<Participation>;
  /** Every account, full or lite, holding this email, full ones first. */
  accountsWithEmail(email: string): Promise<AccountSnapshot[]>;
  registerFullAccount(email: string, profile: Record<string, unknown>): Promise<string>;
  /** The site's CRM, told of every account change by a webhook. */
  crm: Crm;
  /** Returns once every notification due has been delivered to the CRM (and applied by it). */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A Gigya client for reading a fake's accounts back, beside the connector: no retries, so a
 * read that fails says so at once.
 */
export function observerClient(fake: { baseUrl: string; site: { apiKey: string; userKey: string; secret: string } }): GigyaClient {
  return new GigyaClient({
    apiKey: fake.site.apiKey,
    userKey: fake.site.userKey,
    secret: new Secret(fake.site.secret),
    dataCenter: 'us1',
    baseUrl: fake.baseUrl,
    timeoutMs: 5_000,
    retry: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 },
  });
}

export async function openStage(setup: Setup, integration: Partial<IntegrationSettingsInput> = {}): Promise<Stage> {
  const fake = await startFakeGigya();
  const crm = await Crm.start(fake);
  await crm.subscribe();
  const db = openConnectorDatabase(':memory:');
  const connector = createConnectorApp({
    db,
    initialIntegration: {
      enabled: true,
      apiKey: fake.site.apiKey,
      userKey: fake.site.userKey,
      secret: fake.site.secret,
      dataCenter: 'us1',
      baseUrl: fake.baseUrl,
      setup,
      ...integration,
    },
  });
  const json = { 'content-type': 'application/json' };
  await connector.app.request('/campaigns/summer-contest', {
    method: 'PUT',
    headers: json,
    body: JSON.stringify({ title: 'Summer contest', identified: true, formStep: { sso: 'gigyaLite' } }),
  });
  const gigya = observerClient(fake);

  const history = async (uid: string): Promise<HistoryEntry[]> => {
    const response = await fetch(`${fake.baseUrl}/__admin/accounts/${uid}/history?apiKey=${encodeURIComponent(fake.site.apiKey)}`);
    return ((await response.json()) as { history: HistoryEntry[] }).history;
  };

  return {
    fake,
    gigya,
    connector,
    crm,
    async settle() {
      await fake.webhooks.drain();
    },
    async submit(values) {
      const response = await connector.app.request('/campaigns/summer-contest/participations', { method: 'POST', headers: json, body: JSON.stringify(values) });
      return ((await response.json()) as { participation: Participation }).participation;
    },
    async accountsWithEmail(email) {
      const found = await gigya.search({ query: accountsByEmailQuery(email), accountTypes: 'full,lite' });
      const results = (found.results as Array<{ UID: string; isRegistered: boolean; createdTimestamp?: number }>).sort(
        (a, b) => Number(b.isRegistered) - Number(a.isRegistered) || (a.createdTimestamp ?? 0) - (b.createdTimestamp ?? 0),
      );
      return Promise.all(
        results.map(async (result) => {
          // The extra fields the mapping writes, so the tables show every field a submission touched.
          const info = await gigya.getAccountInfo({ UID: result.UID, include: 'profile,subscriptions', extraProfileFields: 'address,phones,work' });
          return {
            uid: result.UID,
            type: info.isRegistered === true ? 'full' : 'lite',
            profile: (info.profile as Record<string, unknown>) ?? {},
            subscriptions: (info.subscriptions as Record<string, unknown>) ?? {},
            history: await history(result.UID),
          } satisfies AccountSnapshot;
        }),
      );
    },
    async registerFullAccount(email, profile) {
      const response = await gigya.register({ email, password: 'Correct-Horse-9', profile: { email, ...profile }, finalizeRegistration: true });
      return response.UID as string;
    },
    async close() {
      await connector.close();
      db.close();
      await fake.close();
      await crm.close();
    },
  };
}

export function outcomeOf(participation: Participation): ScenarioResult['participations'][number] {
  return { status: participation.status, action: participation.action, uid: participation.uid };
}

/**
 * The story (3) and (4) share: John Doe has a full account, a participant submits `values` with
 * his email in `setup`; answers the accounts before and after and the full account's changes.
 */
export async function submitOverFullAccount(
  setup: Setup,
  values: Record<string, string | boolean>,
  story: { title: string; narrative: string[] },
): Promise<ScenarioResult & { fullUid: string; changes: FieldChange[] }> {
  const stage = await openStage(setup);
  try {
    const email = 'john.doe@example.com';
    const fullUid = await stage.registerFullAccount(email, { firstName: 'John', lastName: 'Doe' });
    const before = await stage.accountsWithEmail(email);
    await stage.settle();
    const crmBefore = stage.crm.customer(fullUid);
    const participation = await stage.submit({ email, ...values });
    const after = await stage.accountsWithEmail(email);
    await stage.settle();
    const crm = { before: crmBefore, after: stage.crm.customer(fullUid), accepted: stage.crm.accepted, refused: stage.crm.refused };
    const full = after.find((account) => account.uid === fullUid);
    const changes = full?.history.filter((entry) => entry.method === 'accounts.setAccountInfo').flatMap((entry) => entry.changes) ?? [];
    return { ...story, setup, before, after, participations: [outcomeOf(participation)], fullUid, changes, crm };
  } finally {
    await stage.close();
  }
}
