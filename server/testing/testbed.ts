import { createHmac } from 'node:crypto';
import type { Hono } from 'hono';
import { createFakeGigya, type FakeGigyaOptions } from '../../server/app.js';
import type { Clock, Ids } from '../../server/protocol/method.js';
import { createSite, type SiteInput } from '../../server/sites/createSite.js';
import { openStore, type Store } from '../../server/store/index.js';

// One in-process fake Gigya per test: its own in-memory store, a clock that only moves when a
// test says so, and ids that count up, so every test is deterministic without mocking modules.

/** JSON read back from the wire: tests assert on its shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Envelope = Record<string, any>;

/** The parsed body of a response. */
export async function bodyOf(response: Response): Promise<Envelope> {
  return (await response.json()) as Envelope;
}

export const startMs = Date.parse('2026-03-01T10:00:00.000Z');

export class ManualClock implements Clock {
  constructor(private ms = startMs) {}

  now(): number {
    return this.ms;
  }

  advance(ms: number): void {
    this.ms += ms;
  }
}

/** Ids in Gigya's shapes (32-hex callIds and UIDs, RT1_ regTokens, 64-hex tokens), counting up. */
export function sequentialIds(): Ids {
  let counter = 0;
  const hex = (width: number) => (++counter).toString(16).padStart(width, '0');
  return {
    callId: () => hex(32),
    uid: () => hex(32),
    regToken: () => `RT1_${hex(24)}`,
    emailAccountToken: () => hex(64),
    apiKey: () => `3_site${hex(8)}`,
    userKey: () => `AK${hex(8)}`,
    secret: () => Buffer.from(`secret-${hex(8)}`).toString('base64'),
  };
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

/** RFC 3986, written here independently of server/protocol/signature.ts so the tests check it. */
function rfc3986(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Gigya's request signature (gigya-api.md §2.1) over `url` for these params. */
export function signatureOf(secret: string, url: string, params: Record<string, string>): string {
  const query = Object.keys(params)
    .filter((name) => name !== 'sig')
    .sort()
    .map((name) => `${name}=${rfc3986(params[name]!)}`)
    .join('&');
  const base = `POST&${rfc3986(url)}&${rfc3986(query)}`;
  return createHmac('sha1', Buffer.from(secret, 'base64')).update(base, 'utf8').digest('base64');
}

export interface TestbedOptions {
  site?: Omit<SiteInput, 'applicationKeys'> & { publicKeyPem?: string };
  methods?: FakeGigyaOptions['methods'];
}

export class Testbed {
  readonly clock = new ManualClock();
  readonly ids = sequentialIds();
  readonly store: Store = openStore({ file: ':memory:' });
  readonly logged: string[] = [];
  readonly app: Hono;
  readonly site: TestSite;
  private nonce = 0;

  constructor(options: TestbedOptions = {}) {
    this.app = createFakeGigya({
      store: this.store,
      clock: this.clock,
      ids: this.ids,
      methods: options.methods,
      logError: (message) => this.logged.push(message),
    });
    const { publicKeyPem, ...site } = options.site ?? {};
    this.site = this.addSite({ ...site, applicationKeys: [{ publicKeyPem }] });
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
    const url = options.url ?? `https://${namespace}.${site.dataCenter}.gigya.com/${method}`;
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
