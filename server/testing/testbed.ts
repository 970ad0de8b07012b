import type { Hono } from 'hono';
import { createFakeGigya, type FakeGigyaOptions } from '../app.js';
import { FaultRegistry } from '../faults/registry.js';
import { createSite, type SiteInput } from '../sites/createSite.js';
import { openStore, type Store } from '../store/index.js';
import { WebhookDeliverer } from '../webhooks/deliverer.js';
import { ManualClock } from './clock.js';
import { sequentialIds } from './ids.js';
import { signatureOf } from './signer.js';

// One in-process fake Gigya per test: its own in-memory store, a clock that only moves when a
// test says so, ids that count up, and faults whose latency is recorded instead of waited for,
// so every test is deterministic without mocking modules. The one wiring of the fake that the
// server's tests, test/, contracts, scenarios and the bench share.

/** JSON read back from the wire: tests assert on its shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Envelope = Record<string, any>;

/** The parsed body of a response. */
export async function bodyOf(response: Response): Promise<Envelope> {
  return (await response.json()) as Envelope;
}

export interface TestSite {
  apiKey: string;
  userKey: string;
  secret: string;
  dataCenter: string;
}

export type Transport = 'form' | 'query' | 'json';

export interface CallOptions {
  transport?: Transport;
  headers?: Record<string, string>;
}

export interface TestbedOptions {
  site?: Omit<SiteInput, 'applicationKeys'> & { publicKeyPem?: string };
  methods?: FakeGigyaOptions['methods'];
  /** Guards /__admin with this bearer token. */
  adminToken?: string;
  journalMaxEntries?: number;
  /** Start with no site at all (admin tests that create and list sites themselves). */
  withoutSite?: boolean;
  /** Where unexpected failures go; kept in `logged` when left out. */
  logError?: (message: string) => void;
}

export class Testbed {
  readonly clock = new ManualClock();
  readonly ids = sequentialIds();
  readonly store: Store;
  readonly logged: string[] = [];
  /** Latencies the faults asked for, in order; nothing actually waits. */
  readonly slept: number[] = [];
  readonly faults: FaultRegistry;
  /** Webhook delivery, never started: a test sends what is due with `webhooks.drain()` after moving the clock. */
  readonly webhooks: WebhookDeliverer;
  readonly app: Hono;
  private readonly defaultSite: TestSite | undefined;
  private nonce = 0;

  constructor(options: TestbedOptions = {}) {
    this.store = openStore({ file: ':memory:', journalMaxEntries: options.journalMaxEntries });
    this.faults = new FaultRegistry({ clock: this.clock, sleep: async (ms) => void this.slept.push(ms) });
    const logError = options.logError ?? ((message: string) => this.logged.push(message));
    this.webhooks = new WebhookDeliverer({ store: this.store, clock: this.clock, faults: this.faults, sleep: async (ms) => void this.slept.push(ms), logError });
    this.app = createFakeGigya({
      webhooks: this.webhooks,
      store: this.store,
      clock: this.clock,
      ids: this.ids,
      faults: this.faults,
      methods: options.methods,
      adminToken: options.adminToken,
      logError: options.logError ?? ((message) => this.logged.push(message)),
    });
    const { publicKeyPem, ...site } = options.site ?? {};
    this.defaultSite = options.withoutSite ? undefined : this.addSite({ ...site, applicationKeys: [{ publicKeyPem }] });
  }

  /** The site made with the testbed: its apiKey and server credentials. */
  get site(): TestSite {
    if (this.defaultSite === undefined) throw new Error('this testbed was made withoutSite');
    return this.defaultSite;
  }

  addSite(input: SiteInput = {}): TestSite {
    const created = createSite(this.store, this.ids, this.clock, input);
    const key = created.applicationKeys[0]!;
    return { apiKey: created.site.apiKey, userKey: key.userKey, secret: key.secret, dataCenter: created.site.dataCenter };
  }

  /** Sends a raw request to the app, as a client would. */
  request(path: string, init: RequestInit = {}): Promise<Response> {
    return Promise.resolve(this.app.request(path, init));
  }

  /** An admin call (JSON body when one is given); answers the status and the parsed JSON. */
  async admin(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: Envelope }> {
    const response = await this.request(`/__admin${path}`, {
      method,
      // The admin API takes its writes as JSON only (server/admin/crossSiteGuard.ts), with or without a body.
      headers: body === undefined && !['POST', 'PUT', 'PATCH'].includes(method) ? headers : { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Envelope };
  }

  /** Calls a Gigya method with exactly these params and returns the parsed body. */
  async call(method: string, params: Record<string, string>, options: CallOptions = {}): Promise<Envelope> {
    return bodyOf(await this.send(method, params, options));
  }

  send(method: string, params: Record<string, string>, options: CallOptions = {}): Promise<Response> {
    const transport = options.transport ?? 'form';
    const headers = { ...options.headers };
    if (transport === 'query') {
      return this.request(`/${method}?${new URLSearchParams(params).toString()}`, { method: 'GET', headers });
    }
    const json = transport === 'json';
    return this.request(`/${method}`, {
      method: 'POST',
      headers: { 'content-type': json ? 'application/json' : 'application/x-www-form-urlencoded', ...headers },
      body: json ? JSON.stringify(params) : new URLSearchParams(params).toString(),
    });
  }

  /** A client-side call: the apiKey only. */
  anonymous(method: string, params: Record<string, string> = {}, site: TestSite = this.site): Promise<Envelope> {
    return this.call(method, { apiKey: site.apiKey, ...params });
  }

  /** A server-side call with userKey + secret in clear. */
  server(method: string, params: Record<string, string> = {}, site: TestSite = this.site): Promise<Envelope> {
    return this.call(method, { apiKey: site.apiKey, userKey: site.userKey, secret: site.secret, ...params });
  }

  /** The params of a signed call, signed over `url` (the production URL of the site's data center by default). */
  signed(
    method: string,
    params: Record<string, string>,
    options: { url?: string; timestamp?: string; nonce?: string; site?: TestSite; secret?: string } = {},
  ): Record<string, string> {
    const site = options.site ?? this.site;
    const namespace = method.split('.')[0]!;
    // Written out here rather than taken from server/network, so a wrong domain there is caught.
    const domain = site.dataCenter === 'cn1' ? 'cn1.sapcdm.cn' : `${site.dataCenter}.gigya.com`;
    const url = options.url ?? `https://${namespace}.${domain}/${method}`;
    const all: Record<string, string> = {
      ...params,
      apiKey: site.apiKey,
      userKey: site.userKey,
      format: 'json',
      timestamp: options.timestamp ?? String(this.clock.now()),
      nonce: options.nonce ?? `nonce-${++this.nonce}`,
    };
    return { ...all, sig: signatureOf(options.secret ?? site.secret, url, all) };
  }

  /** initRegistration(isLite) then setAccountInfo(regToken, profile): one lite form submit. */
  async liteSubmit(profile: Record<string, unknown>, extra: Record<string, string> = {}): Promise<{ regToken: string; body: Envelope }> {
    const init = await this.anonymous('accounts.initRegistration', { isLite: 'true' });
    const regToken = init.regToken as string;
    const body = await this.anonymous('accounts.setAccountInfo', { regToken, profile: JSON.stringify(profile), ...extra });
    return { regToken, body };
  }

  /** A finalized full account, registered server-side. */
  async registerFull(email: string, password = 'correct-horse-1', profile: Record<string, unknown> = {}): Promise<Envelope> {
    return this.server('accounts.register', {
      email,
      password,
      profile: JSON.stringify(profile),
      finalizeRegistration: 'true',
    });
  }

  async history(uid: string, apiKey = this.site.apiKey): Promise<Envelope[]> {
    const response = await this.request(`/__admin/accounts/${uid}/history?apiKey=${encodeURIComponent(apiKey)}`);
    return (await bodyOf(response)).history as Envelope[];
  }

  close(): void {
    this.store.close();
  }
}
