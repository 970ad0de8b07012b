import type { FaultInput } from '../faults/faultSpec.js';
import type { FaultView } from '../faults/registry.js';
import type { Seed } from '../seed/seedSchema.js';
import type { SiteInput } from '../sites/createSite.js';
import type { Policies } from '../store/policies.js';
import type { Snapshot } from '../store/snapshots.js';

// A small typed client of /__admin for tests that embed the fake (docs/admin-api.md).
// Shapes are those of server/admin/views.ts; fields a test rarely reads stay `unknown`.

export interface AdminSite {
  apiKey: string;
  name: string;
  dataCenter: string;
  policies: Policies;
  createdAt: string;
  applicationKeys: Array<{ userKey: string; name: string; hasPublicKey: boolean; createdAt: string }>;
}
export type CreatedAdminSite = AdminSite & { applicationKeys: Array<AdminSite['applicationKeys'][number] & { secret: string }> };

export interface AdminAccount {
  UID: string;
  kind: 'full' | 'lite';
  email: string | null;
  profile: Record<string, unknown>;
  data: Record<string, unknown>;
  subscriptions: Record<string, unknown>;
  [field: string]: unknown;
}

export interface AdminHistoryEntry {
  id: number;
  at: string;
  method: string;
  userKey: string | null;
  changes: Array<{ field: string; before: unknown; after: unknown }>;
}

export interface AdminJournalEntry {
  id: number;
  callId: string;
  at: string;
  apiKey: string | null;
  method: string;
  params: Record<string, string>;
  email: string | null;
  errorCode: number;
  durationMs: number;
}

export interface JournalQuery {
  apiKey?: string;
  method?: string;
  errorCode?: number;
  email?: string;
  from?: string | number;
  to?: string | number;
  limit?: number;
  offset?: number;
}

/** An admin call answered with a non-2xx status; `body` is `{ error: { message, issues? } }`. */
export class AdminRequestError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`fake-gigya admin: HTTP ${status}: ${JSON.stringify(body)}`);
  }
}

export class AdminClient {
  constructor(
    /** e.g. http://127.0.0.1:4100/__admin */
    readonly baseUrl: string,
    readonly token: string | undefined = undefined,
  ) {}

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = {};
    if (this.token !== undefined) headers.authorization = `Bearer ${this.token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const parsed: unknown = await response.json();
    if (!response.ok) throw new AdminRequestError(response.status, parsed);
    return parsed as T;
  }

  health = () => this.request<{ status: string }>('GET', '/health');
  createSite = (input: SiteInput = {}) => this.request<CreatedAdminSite>('POST', '/sites', input);
  sites = async () => (await this.request<{ sites: AdminSite[] }>('GET', '/sites')).sites;
  site = (apiKey: string) => this.request<AdminSite>('GET', `/sites/${encodeURIComponent(apiKey)}`);
  deleteSite = (apiKey: string) => this.request<{ deleted: string }>('DELETE', `/sites/${encodeURIComponent(apiKey)}`);
  setPolicies = (apiKey: string, policies: Partial<Policies>) => this.request<AdminSite>('PATCH', `/sites/${encodeURIComponent(apiKey)}/policies`, policies);

  reset = (apiKey?: string) => this.request<{ reset: string; sites: string[] }>('POST', '/reset', apiKey === undefined ? {} : { apiKey });
  seed = (seed: Seed) => this.request<{ sites: number; accounts: number }>('POST', '/seed', seed);
  snapshot = (apiKey?: string) => this.request<Snapshot>('GET', `/snapshot${query({ apiKey })}`);
  restore = (snapshot: Snapshot) => this.request<{ restored: string[] }>('POST', '/restore', snapshot);

  accounts = (apiKey: string, filter: { email?: string; kind?: 'full' | 'lite'; limit?: number; offset?: number } = {}) =>
    this.request<{ total: number; accounts: AdminAccount[] }>('GET', `/accounts${query({ apiKey, ...filter })}`);
  account = (uid: string, apiKey?: string) =>
    this.request<{ apiKey: string; account: AdminAccount | null; history: AdminHistoryEntry[] }>('GET', `/accounts/${encodeURIComponent(uid)}${query({ apiKey })}`);
  history = (uid: string, apiKey?: string) =>
    this.request<{ uid: string; history: AdminHistoryEntry[] }>('GET', `/accounts/${encodeURIComponent(uid)}/history${query({ apiKey })}`);

  journal = (filter: JournalQuery = {}) => this.request<{ total: number; entries: AdminJournalEntry[] }>('GET', `/journal${query(filter)}`);
  journalCount = async (filter: Omit<JournalQuery, 'limit' | 'offset'> = {}) => (await this.request<{ count: number }>('GET', `/journal/count${query(filter)}`)).count;
  clearJournal = (apiKey?: string) => this.request<{ deleted: number }>('DELETE', `/journal${query({ apiKey })}`);

  addFault = (fault: FaultInput) => this.request<FaultView>('POST', '/faults', fault);
  faults = async (apiKey?: string) => (await this.request<{ faults: FaultView[] }>('GET', `/faults${query({ apiKey })}`)).faults;
  clearFaults = (apiKey?: string) => this.request<{ cleared: number }>('DELETE', `/faults${query({ apiKey })}`);
}

function query(values: object): string {
  const defined = Object.entries(values).flatMap(([name, value]): Array<[string, string]> => (value === undefined ? [] : [[name, String(value)]]));
  return defined.length === 0 ? '' : `?${new URLSearchParams(defined).toString()}`;
}
