import type { Hono } from 'hono';
import type { FaultRegistry } from '../../server/faults/registry.js';
import type { Store } from '../../server/store/index.js';
import { Testbed, type Envelope } from '../../server/testing/testbed.js';

// The admin API's tests start from an empty fake and create their sites through /__admin, so
// their helpers take the site first. The fake itself is the server kit's Testbed.

/** JSON read back from the wire: tests assert on its shape. */
export type Json = Envelope;

export interface LabSite {
  apiKey: string;
  userKey: string;
  secret: string;
}

export class Lab {
  private readonly bed: Testbed;

  constructor(options: { adminToken?: string; journalMaxEntries?: number } = {}) {
    this.bed = new Testbed({ ...options, withoutSite: true, logError: () => {} });
  }

  get app(): Hono {
    return this.bed.app;
  }

  get store(): Store {
    return this.bed.store;
  }

  get clock(): Testbed['clock'] {
    return this.bed.clock;
  }

  get faults(): FaultRegistry {
    return this.bed.faults;
  }

  get slept(): number[] {
    return this.bed.slept;
  }

  admin(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: Json }> {
    return this.bed.admin(method, path, body, headers);
  }

  async createSite(input: Json = {}): Promise<LabSite> {
    const { status, body } = await this.admin('POST', '/sites', input);
    if (status !== 201) throw new Error(`site creation failed: ${JSON.stringify(body)}`);
    const key = body.applicationKeys[0];
    return { apiKey: body.apiKey, userKey: key.userKey, secret: key.secret };
  }

  call(method: string, params: Record<string, string>): Promise<Json> {
    return this.bed.call(method, params);
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
    this.bed.close();
  }
}
