// A brand's CRM as a Gigya webhook receiver: the downstream system where an overwritten account
// lands. It checks each notification's x-gigya-sig-jwt with the keys accounts.getJWTPublicKey
// publishes (jose, nothing of the fake's own signer), then copies the account from
// accounts.getAccountInfo and keeps the latest profile per UID.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLocalJWKSet, errors as joseErrors, jwtVerify, type JSONWebKeySet } from 'jose';

export interface CrmGigya {
  baseUrl: string;
  site: { apiKey: string; userKey: string; secret: string };
}

/** What the CRM holds of one customer: the account as getAccountInfo answered after the latest event. */
export interface CrmCustomer {
  uid: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  /** The event that made the CRM copy the account last. */
  lastEvent: string;
}

/** What the CRM reads of a notification (the shape its Pact message contract pins). */
export interface CrmNotification {
  events: Array<{ type: string; id: string; uid: string }>;
  nonce: string;
  timestamp: number;
}

/** The notification body as the CRM relies on it, or an error that says what is missing. */
export function readNotification(body: unknown): CrmNotification {
  const object = (value: unknown): Record<string, unknown> | null => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null);
  const root = object(body);
  if (root === null || !Array.isArray(root.events)) throw new Error('no events array');
  if (typeof root.nonce !== 'string' || typeof root.timestamp !== 'number') throw new Error('no nonce or timestamp');
  const events = root.events.map((raw, index) => {
    const event = object(raw);
    const uid = object(event?.data)?.uid;
    if (event === null || typeof event.type !== 'string' || typeof event.id !== 'string' || typeof uid !== 'string') throw new Error(`event ${index}: no type, id or data.uid`);
    return { type: event.type, id: event.id, uid };
  });
  return { events, nonce: root.nonce, timestamp: root.timestamp };
}

/** What a scenario reports of the CRM: one customer before and after the submission, and the notifications it checked. */
export interface CrmOutcome {
  before: CrmCustomer | undefined;
  after: CrmCustomer | undefined;
  accepted: number;
  refused: number;
}

/** The events a CRM copies accounts on (a login changes nothing it keeps). */
export const crmEvents = ['accountCreated', 'accountRegistered', 'accountUpdated', 'accountProgressed', 'accountDeleted'];

/** A notification is at most 100 small events: anything near this is not Gigya. */
const maxBodyBytes = 1 << 20;

export class Crm {
  readonly customers = new Map<string, CrmCustomer>();
  /** Notifications accepted (signature checked) and refused, for the report. */
  accepted = 0;
  refused = 0;
  /** Event ids already applied: Gigya delivers at least once, so a repeat changes nothing. */
  private readonly seen = new Set<string>();
  private keys: JSONWebKeySet | undefined;

  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly gigya: CrmGigya,
  ) {}

  /** Listens on a loopback port; `url` is what the webhook points at, `GET /customers` shows the copies. */
  static async start(gigya: CrmGigya, port = 0): Promise<Crm> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    const crm = new Crm(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}/gigya/webhooks`, gigya);
    server.on('request', (request: IncomingMessage, response: ServerResponse) => void crm.handle(request, response));
    return crm;
  }

  /** Points a webhook of the site at this CRM, through Gigya's own accounts.webhooks.set. */
  async subscribe(): Promise<void> {
    const { apiKey, userKey, secret } = this.gigya.site;
    await this.call('accounts.webhooks.set', { apiKey, userKey, secret, name: 'crm', url: this.url, events: crmEvents.join(','), version: '2.0' });
  }

  customer(uid: string): CrmCustomer | undefined {
    return this.customers.get(uid);
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const answer = (status: number, text: string): void => {
      response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(text);
    };
    try {
      if (request.method === 'GET' && request.url === '/customers') {
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ customers: [...this.customers.values()], accepted: this.accepted, refused: this.refused }));
        return;
      }
      if (request.method !== 'POST' || request.url !== '/gigya/webhooks') return answer(404, 'not found');
      const raw = await readBody(request);
      if (raw === null) return answer(413, 'too large');
      const problem = await this.verify(raw, request.headers['x-gigya-sig-jwt']);
      // Anything but 2xx makes Gigya send it again: an unverified notification must never be answered 200.
      if (problem !== null) {
        this.refused++;
        return answer(401, problem);
      }
      this.accepted++;
      await this.apply(readNotification(JSON.parse(raw)));
      answer(200, 'ok');
    } catch (error) {
      // A failed copy is retried by Gigya: the CRM answers 500 and applies nothing twice.
      answer(500, error instanceof Error ? error.message.slice(0, 200) : 'failed');
    }
  }

  /** Null when the JWT is Gigya's and ties to these bytes; otherwise why not. */
  private async verify(raw: string, header: string | string[] | undefined): Promise<string | null> {
    if (typeof header !== 'string') return 'no x-gigya-sig-jwt';
    let body: CrmNotification;
    try {
      body = readNotification(JSON.parse(raw));
    } catch (error) {
      return `not a Gigya notification: ${error instanceof Error ? error.message : 'not JSON'}`;
    }
    const options = { issuer: `https://fidm.gigya.com/jwt/${this.gigya.site.apiKey}/`, algorithms: ['RS256'] };
    let payload;
    try {
      payload = (await jwtVerify(header, createLocalJWKSet(await this.publishedKeys(false)), options)).payload;
    } catch (error) {
      // A kid the CRM has not seen: Gigya rotated its key, so fetch the keys again, once.
      if (!(error instanceof joseErrors.JWKSNoMatchingKey)) return `invalid JWT: ${error instanceof Error ? error.message : 'unknown'}`;
      try {
        payload = (await jwtVerify(header, createLocalJWKSet(await this.publishedKeys(true)), options)).payload;
      } catch (retried) {
        return `invalid JWT: ${retried instanceof Error ? retried.message : 'unknown'}`;
      }
    }
    if (payload.jti !== body.nonce) return 'jti is not the body nonce';
    if (payload.sub !== createHash('sha256').update(raw).digest('base64url')) return 'sub is not the hash of the body';
    return null;
  }

  private async publishedKeys(refresh: boolean): Promise<JSONWebKeySet> {
    if (this.keys === undefined || refresh) {
      const answer = await this.call('accounts.getJWTPublicKey', { apiKey: this.gigya.site.apiKey, V2: 'true' });
      this.keys = { keys: answer.keys as JSONWebKeySet['keys'] };
    }
    return this.keys;
  }

  private async apply(notification: CrmNotification): Promise<void> {
    for (const event of notification.events) {
      if (this.seen.has(event.id)) continue;
      const uid = event.uid;
      if (event.type === 'accountDeleted') this.customers.delete(uid);
      else {
        const { apiKey, userKey, secret } = this.gigya.site;
        const account = await this.call('accounts.getAccountInfo', { apiKey, userKey, secret, UID: uid, include: 'profile' });
        const profile = (account.profile ?? {}) as Record<string, unknown>;
        const text = (value: unknown) => (typeof value === 'string' ? value : null);
        this.customers.set(uid, { uid, email: text(profile.email), firstName: text(profile.firstName), lastName: text(profile.lastName), lastEvent: event.type });
      }
      this.seen.add(event.id);
    }
  }

  private async call(method: string, params: Record<string, string>): Promise<Record<string, unknown>> {
    const response = await fetch(`${this.gigya.baseUrl}/${method}`, { method: 'POST', body: new URLSearchParams(params), signal: AbortSignal.timeout(5_000) });
    const answer = (await response.json()) as Record<string, unknown>;
    if (answer.errorCode !== 0) throw new Error(`${method} answered ${String(answer.errorCode)}`);
    return answer;
  }
}

/** The request body as text, or null past maxBodyBytes (read while counting). */
function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        request.destroy();
        resolve(null);
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
