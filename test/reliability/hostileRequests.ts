import { signatureOf } from '../../server/testing/signer.js';
import type { FuzzRequest, FuzzTargets } from './fuzzRequests.js';

// The fuzz corpus's hostile classes (docs/reliability.md, threat model): what a web page, a
// DNS rebinding page or a hostile client sends. Each request says what the fake must answer;
// none may change the victim site, whose data the fuzz test compares before and after.

const evilOrigins = ['https://attacker.example', 'null', 'http://localhost:3000', 'http://127.0.0.1:1'];
const simpleContentTypes = ['text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'];
const deepArray = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const deepObject = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

export class HostileRequests {
  constructor(
    private readonly random: () => number,
    private readonly targets: FuzzTargets,
  ) {}

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]!;
  }

  next(): FuzzRequest {
    switch (this.pick(['crossSite', 'foreignHost', 'foreignDataCenter', 'oversizedChunked', 'deepJson', 'nulInEmail'] as const)) {
      case 'crossSite':
        return this.crossSiteAdminPost();
      case 'foreignHost':
        return this.foreignHostToAdmin();
      case 'foreignDataCenter':
        return this.foreignDataCenter();
      case 'oversizedChunked':
        return this.oversizedChunked();
      case 'deepJson':
        return this.deepJson();
      case 'nulInEmail':
        return this.nulInEmail();
    }
  }

  /** What a page's form post or no-cors fetch can send: every one would wipe or plant victim state. */
  private crossSiteAdminPost(): FuzzRequest {
    const { victim } = this.targets;
    const [path, body] = this.pick([
      ['/__admin/reset', { apiKey: victim.apiKey }],
      ['/__admin/reset', {}],
      ['/__admin/seed', { sites: [{ apiKey: victim.apiKey, accounts: [{ kind: 'lite', email: 'planted@attacker.example' }] }] }],
      ['/__admin/faults', { kind: 'error', apiKey: victim.apiKey, errorCode: 500001 }],
      ['/__admin/sites', { apiKey: '3_planted' }],
    ] as const);
    const json = Buffer.from(JSON.stringify(body));
    const how = this.pick(['simple', 'fetchSite', 'origin'] as const);
    if (how === 'simple') {
      const contentType = this.pick([...simpleContentTypes, undefined]);
      const headers: Record<string, string> = contentType === undefined ? {} : { 'content-type': contentType };
      return { kinds: ['cross-site admin post'], method: 'POST', path, headers, body: json, expect: { admin: [415] } };
    }
    const headers: Record<string, string> =
      how === 'fetchSite'
        ? { 'content-type': 'application/json', 'sec-fetch-site': this.pick(['cross-site', 'same-site']) }
        : { 'content-type': 'application/json', origin: this.pick(evilOrigins) };
    return { kinds: ['cross-site admin post'], method: 'POST', path, headers, body: json, expect: { admin: [403] } };
  }

  /** A DNS rebinding page: same-origin with itself, so only its Host gives it away. */
  private foreignHostToAdmin(): FuzzRequest {
    const host = this.pick(['attacker.example', 'rebind.attacker.example:4100', '1.2.3.4.nip.io']);
    if (this.random() < 0.5) return { kinds: ['foreign Host to admin'], method: 'GET', path: this.pick(['/__admin/snapshot', '/__admin/sites', '/__admin/ui', '/__admin/journal']), headers: { host }, expect: { admin: [403] } };
    const body = Buffer.from(JSON.stringify({ apiKey: this.targets.victim.apiKey }));
    return { kinds: ['foreign Host to admin'], method: 'POST', path: '/__admin/reset', headers: { host, 'content-type': 'application/json' }, body, expect: { admin: [403] } };
  }

  /** Signed for (or sent to) another data center: real Gigya never verifies it for a us1 site. */
  private foreignDataCenter(): FuzzRequest {
    const { victim, sandbox } = this.targets;
    const site = this.random() < 0.5 ? victim : sandbox;
    const method = this.pick(['accounts.setAccountInfo', 'accounts.importLiteAccount', 'accounts.getAccountInfo']);
    const params: Record<string, string> = { apiKey: site.apiKey, userKey: site.userKey, timestamp: String(Date.now()), nonce: `dc-${Math.floor(this.random() * 1e12)}` };
    if (method === 'accounts.importLiteAccount') params.email = 'foreign-dc@attacker.example';
    else params.UID = victim.uids[0] ?? 'x';
    if (method === 'accounts.setAccountInfo') params.data = JSON.stringify({ touched: 'from another data center' });
    const dc = this.pick(['eu1', 'au1', 'eu2']);
    const host = `accounts.${dc}.gigya.com`;
    params.sig = signatureOf(site.secret, `${this.pick(['http', 'https'])}://${host}/${method}`, params);
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
    // Called at the fake's own address the signature cannot verify (403003); addressed to that data
    // center's host, the site is not served there (301001).
    const viaHost = this.random() < 0.5;
    if (viaHost) headers.host = host;
    const body = Buffer.from(new URLSearchParams(params).toString());
    return { kinds: ['foreign-DC signature'], method: 'POST', path: `/${method}`, headers, body, expect: { errorCode: viaHost ? 301001 : 403003 } };
  }

  /** Past 1 MiB with no Content-Length: the fake must stop reading, answer, and stay up. */
  private oversizedChunked(): FuzzRequest {
    const size = 1024 * 1024 + Math.floor(this.random() * 2 * 1024 * 1024);
    const multipart = this.random() < 0.4;
    const headers = { 'content-type': multipart ? 'multipart/form-data; boundary=fuzz' : 'application/x-www-form-urlencoded' };
    const prefix = multipart ? `--fuzz\r\nContent-Disposition: form-data; name="apiKey"\r\n\r\n${this.targets.sandbox.apiKey}\r\n--fuzz\r\nContent-Disposition: form-data; name="data"\r\n\r\n` : `apiKey=${this.targets.sandbox.apiKey}&data=`;
    const body = Buffer.concat([Buffer.from(prefix), Buffer.alloc(size, 'a')]);
    return { kinds: ['oversized chunked body'], method: 'POST', path: '/accounts.getSchema', headers, body, chunked: true, expect: { errorCode: 400001, orClosed: true } };
  }

  /** Nested past any sane depth: a validation error, never a stack overflow (500001). */
  private deepJson(): FuzzRequest {
    const { sandbox } = this.targets;
    const value = this.random() < 0.5 ? deepObject(this.pick([1_000, 10_000])) : `{"a":${deepArray(this.pick([10_000, 100_000]))}}`;
    const name = this.pick(['profile', 'data', 'subscriptions', 'preferences']);
    const params = { apiKey: sandbox.apiKey, userKey: sandbox.userKey, secret: sandbox.secret, email: `deep${Math.floor(this.random() * 1e6)}@fuzz.example.com`, [name]: value };
    return { kinds: ['deep JSON'], method: 'POST', path: '/accounts.importLiteAccount', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: Buffer.from(new URLSearchParams(params).toString()), expect: { refused: true } };
  }

  /** A control character in an email: refused, never stored. */
  private nulInEmail(): FuzzRequest {
    const { sandbox } = this.targets;
    const email = this.pick(['nul\u0000@fuzz.example.com', 'a@fuzz.example.com\u0000.attacker.example', '\u0000@fuzz.example.com']);
    const params: Record<string, string> =
      this.random() < 0.5
        ? { apiKey: sandbox.apiKey, userKey: sandbox.userKey, secret: sandbox.secret, email }
        : { apiKey: sandbox.apiKey, userKey: sandbox.userKey, secret: sandbox.secret, email: 'ok@fuzz.example.com', profile: JSON.stringify({ email }) };
    return { kinds: ['NUL in email'], method: 'POST', path: '/accounts.importLiteAccount', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: Buffer.from(new URLSearchParams(params).toString()), expect: { refused: true } };
  }
}
