import type { Hono } from 'hono';
import { createFakeGigya } from '../../server/app.js';
import { FaultRegistry } from '../../server/faults/registry.js';
import { openStore, type Store } from '../../server/store/index.js';
import { ManualClock, sequentialIds } from '../support/fakeGigyaTestbed.js';

// One in-process fake per test for the admin API: a clock that moves only when told, ids
// that count up, and a fault registry whose latency is recorded instead of waited for.

/** JSON read back from the wire: tests assert on its shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = Record<string, any>;

export interface LabSite {
  apiKey: string;
  userKey: string;
  secret: string;
}

export class Lab {
  readonly clock = new ManualClock();
  readonly ids = sequentialIds();
  readonly store: Store;
  readonly slept: number[] = [];
  readonly faults: FaultRegistry;
  readonly app: Hono;

  constructor(options: { adminToken?: string; journalMaxEntries?: number } = {}) {
    this.store = openStore({ file: ':memory:', journalMaxEntries: options.journalMaxEntries });
    this.faults = new FaultRegistry({
      clock: this.clock,
      sleep: async (ms) => {
        this.slept.push(ms);
      },
    });
    this.app = createFakeGigya({ store: this.store, clock: this.clock, ids: this.ids, faults: this.faults, adminToken: options.adminToken, logError: () => {} });
  }

  /** An admin call; answers status and parsed JSON. */
  async admin(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: Json }> {
    const response = await this.app.request(`/__admin${path}`, {
      method,
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Json };
  }

  async createSite(input: Json = {}): Promise<LabSite> {
    const { status, body } = await this.admin('POST', '/sites', input);
    if (status !== 201) throw new Error(`site creation failed: ${JSON.stringify(body)}`);
    const key = body.applicationKeys[0];
    return { apiKey: body.apiKey, userKey: key.userKey, secret: key.secret };
  }

  async call(method: string, params: Record<string, string>): Promise<Json> {
    const response = await this.app.request(`/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(params).toString(),
    });
    return (await response.json()) as Json;
  }

  server(site: LabSite, method: string, params: Record<string, string> = {}): Promise<Json> {
    return this.call(method, { apiKey: site.apiKey, userKey: site.userKey, secret: site.secret, ...params });
  }

  /** initRegistration(isLite) then setAccountInfo(regToken, profile): one lite form submit. */
  async liteSubmit(site: LabSite, profile: Json): Promise<Json> {
    const init = await this.call('accounts.initRegistration', { apiKey: site.apiKey, isLite: 'true' });
    return this.call('accounts.setAccountInfo', { apiKey: site.apiKey, regToken: init.regToken, profile: JSON.stringify(profile) });
  }

  registerFull(site: LabSite, email: string, password = 'Correct-horse-1'): Promise<Json> {
    return this.server(site, 'accounts.register', { email, password, finalizeRegistration: 'true' });
  }

  close(): void {
    this.store.close();
  }
}
