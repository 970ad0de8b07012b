import { randomBytes } from 'node:crypto';
import { signatureOf } from '../../server/testing/signer.js';
import { HostileRequests } from './hostileRequests.js';

// Malformed requests to the Gigya surface, drawn from a seeded PRNG: the same seed gives the
// same requests. Anything that could legitimately write goes to the sandbox site; the victim
// site only ever gets requests that cannot succeed (no valid credentials, no regToken of its
// own, no initRegistration), so its data must not change.

export interface FuzzSite {
  apiKey: string;
  userKey: string;
  secret: string;
}

export interface FuzzTargets {
  victim: FuzzSite & { uids: string[]; emails: string[] };
  sandbox: FuzzSite;
}

export interface FuzzRequest {
  kinds: string[];
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** Sent with Transfer-Encoding: chunked (no Content-Length), in pieces. */
  chunked?: boolean;
  /** What the answer must be beyond "a Gigya envelope, never 500001" (hostileRequests.ts). */
  expect?: FuzzExpectation;
}

export interface FuzzExpectation {
  /** An admin API refusal: one of these statuses, with a JSON error. */
  admin?: number[];
  /** This Gigya errorCode exactly. */
  errorCode?: number;
  /** Any errorCode but 0. */
  refused?: true;
  /** The fake may also close the connection instead (it stopped reading an oversized body). */
  orClosed?: true;
}

/** Every credential-like literal the fuzzer sent: none may show up in a journal, log or answer. */
export interface SentSecrets {
  signatures: string[];
  passwords: string[];
  wrongSecrets: string[];
}

const gigyaMethods = [
  'accounts.initRegistration', 'accounts.setAccountInfo', 'accounts.getAccountInfo', 'accounts.register',
  'accounts.finalizeRegistration', 'accounts.login', 'accounts.isAvailableLoginID', 'accounts.getSchema',
  'accounts.search', 'accounts.deleteAccount', 'accounts.getLiteToken', 'accounts.importLiteAccount',
  'accounts.deleteLiteAccount',
];
const objectParams = ['profile', 'data', 'subscriptions', 'preferences'];
const deepArray = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const deepObject = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
const badJson = [
  '{', '[1,2]', '"text"', 'null', '{"a":}', '{"email":1}', '1e999', "{'email':'a@b.c'}", '{"email":"a@b.c",}',
  '{"__proto__":{"polluted":1}}', '{"constructor":{"prototype":{"polluted":1}}}', '{"birthYear":"19x0","gender":"q"}',
  '{"email":"a@b.c","phones":"x"}', '{"work":[{"bogus":1}]}', '{"email":"a@b.c","age":-1}', '{"isSubscribed":"yes"}',
  '{"newsletter":{"email":{"isSubscribed":"maybe"}}}', '{"email":"\\ud800@example.com"}', '{"a":"\\u0000"}',
  deepArray(5_000), deepObject(5_000), `{"email":"${'a'.repeat(300)}@example.com"}`,
];
const unicodeValues = [
  '\uD800', '\uDFFF', 'a\uDC00b', '\u0000', 'A\u0000B', '\u202Eevil\u202C', '\u200F\u05E9\u05DC\u05D5\u05DD', '😀'.repeat(40),
  '👩‍👩‍👧‍👦', 'e\u0301\u0301\u0301', '\uFEFF', '\uFFFF\uFFFE', 'Ω≈ç√∫', '\t\r\n', ' '.repeat(30),
];
const brokenEscapes = ['%', '%G1', '%E0%A4', '%C0%AF', '%ED%A0%80', '%FF%FE', '%00', '%%%', '%2', '%u0041', '%F0%9F%98'];
const invalidUtf8 = [[0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xff], [0x00], [0xe2, 0x80, 0xae], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xe0, 0x80, 0xaf]];
const contentTypes = [
  'application/xml', 'text/plain', 'text/html', 'application/json; charset=utf-16', 'multipart/form-data',
  'multipart/form-data; boundary=', 'x/y;;;=', 'application/x-www-form-urlencoded; charset=latin1', 'image/png', '',
];
const httpMethods = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'];

export class FuzzRequestSource {
  readonly sent: SentSecrets = { signatures: [], passwords: [], wrongSecrets: [] };

  private readonly hostile: HostileRequests;

  constructor(
    private readonly random: () => number,
    private readonly targets: FuzzTargets,
  ) {
    this.hostile = new HostileRequests(random, targets);
  }

  private int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]!;
  }

  private chance(p: number): boolean {
    return this.random() < p;
  }

  /** A fresh random literal (not from the seeded PRNG: its value never changes what is tried). */
  private literal(): string {
    return randomBytes(18).toString('base64');
  }

  next(): FuzzRequest {
    if (this.chance(0.08)) return this.hostile.next();
    const kinds: string[] = [];
    const toVictim = this.chance(0.45);
    let method = this.pick(toVictim ? gigyaMethods.filter((m) => m !== 'accounts.initRegistration') : gigyaMethods);
    const params: Record<string, string> = {};
    const headers: Record<string, string> = {};
    const { victim, sandbox } = this.targets;
    const apiKeyChoice = this.random();
    if (toVictim) params.apiKey = victim.apiKey;
    else if (apiKeyChoice < 0.85) params.apiKey = sandbox.apiKey;
    else if (apiKeyChoice < 0.93) params.apiKey = `3_unknown${this.int(0, 99)}`;
    else kinds.push('no apiKey');
    if (params.apiKey !== undefined && this.chance(0.2)) {
      // Gigya also reads APIKey and apikey; other casings are different params.
      params[this.pick(['APIKey', 'apikey', 'APIKEY'])] = params.apiKey;
      delete params.apiKey;
    }

    this.methodParams(method, params, toVictim);
    if (toVictim) this.badCredentials(params, headers, kinds);
    else this.sandboxCredentials(method, params, kinds);

    const mutations = this.int(1, 2);
    let encoding: 'form' | 'json' | 'query' | 'raw' = this.chance(0.15) ? 'json' : this.chance(0.15) ? 'query' : 'form';
    let raw: Buffer | undefined;
    let httpMethod = encoding === 'query' ? 'GET' : 'POST';
    let path = `/${method}`;
    for (let m = 0; m < mutations; m++) {
      const mutation = this.int(0, 99);
      if (mutation < 20) {
        const name = this.pick(objectParams);
        params[name] = this.pick(badJson);
        kinds.push(`invalid JSON in ${name}`);
      } else if (mutation < 35) {
        this.wrongType(params, kinds);
      } else if (mutation < 47) {
        const name = this.chance(0.7) ? this.pick([...Object.keys(params), 'profile', 'UID', 'regToken', 'email']) : this.pick(unicodeValues);
        params[name] = this.chance(0.5) ? this.pick(unicodeValues) : `{"email":"x@y.z","firstName":${JSON.stringify(this.pick(unicodeValues))}}`;
        kinds.push('unicode edge case');
      } else if (mutation < 57) {
        encoding = 'raw';
        raw = this.brokenEncoding(params, kinds);
      } else if (mutation < 60) {
        if (this.chance(0.5)) {
          params[this.pick(['profile', 'data', 'UID', 'query', 'x'])] = this.pick(['x', '~', 'é', '{']).repeat(this.int(100_000, 400_000));
          kinds.push('huge param');
        } else {
          for (let i = 0; i < this.int(1_000, 5_000); i++) params[`p${i}`] = String(i);
          kinds.push('many params');
        }
      } else if (mutation < 62) {
        encoding = 'raw';
        raw = Buffer.alloc(1024 * 1024 + this.int(1, 65_536), this.pick(['a', '=', '&', '%', '{']));
        kinds.push('oversized body');
      } else if (mutation < 75) {
        headers['content-type'] = this.pick(contentTypes);
        kinds.push(`content type "${headers['content-type']}"`);
      } else if (mutation < 87) {
        httpMethod = this.pick(httpMethods);
        path = this.pick([
          `/${method}`, '/', '/accounts.', '/.', '/socialize.getUserInfo', `/${method}/extra`, `/${method.toUpperCase()}`,
          `/${method}%00`, '/%E0%A4%A', `//${method}`, '/accounts..login', `/${'a'.repeat(this.int(100, 5_000))}`,
          '/accounts.setAccountInfo;x=1', '/comments.getComments', '/ids.getAccountInfo', '/accounts.__proto__', '/constructor',
        ]);
        method = path.slice(1);
        kinds.push(`${httpMethod} ${path.slice(0, 40)}`);
      } else {
        encoding = 'raw';
        headers['content-type'] = 'application/json';
        raw = Buffer.from(
          this.pick([
            '[]', 'null', '"text"', '{"apiKey":5}', '{', `{"apiKey":${JSON.stringify(params.apiKey ?? '')},"profile":{"email":1}}`,
            `{"apiKey":${JSON.stringify(params.apiKey ?? '')},"x":"\\ud800"}`, `{"apiKey":${JSON.stringify(params.apiKey ?? '')},"p":${deepArray(20_000)}}`,
            `{"apiKey":${JSON.stringify(params.apiKey ?? '')},"data":${deepObject(5_000)}}`, '{"__proto__":{"apiKey":"x"}}',
          ]),
        );
        kinds.push('odd JSON body');
      }
    }
    if (encoding === 'query' && httpMethod !== 'GET') httpMethod = 'GET';
    if (httpMethod === 'GET' && encoding !== 'raw') encoding = 'query';
    // Past Node's 16 KiB header limit the HTTP server itself answers 431, before any Gigya code
    // runs: long requests go as POST bodies instead.
    if (httpMethod === 'GET' && (path.length + new URLSearchParams(params).toString().length > 8_000 || (raw?.length ?? 0) > 4_000)) {
      httpMethod = 'POST';
      if (encoding === 'query') encoding = 'form';
    }
    if (httpMethod === 'OPTIONS' || httpMethod === 'DELETE') kinds.push(`${httpMethod} with a body`);

    let body: Buffer | undefined;
    if (encoding === 'query') {
      path += `${path.includes('?') ? '&' : '?'}${new URLSearchParams(params).toString()}`;
    } else if (encoding === 'json') {
      headers['content-type'] ??= 'application/json';
      body = Buffer.from(JSON.stringify(params));
    } else if (encoding === 'form') {
      headers['content-type'] ??= 'application/x-www-form-urlencoded';
      body = Buffer.from(new URLSearchParams(params).toString());
    } else {
      headers['content-type'] ??= 'application/x-www-form-urlencoded';
      body = raw;
    }
    if (httpMethod === 'GET' && body !== undefined) {
      // A GET cannot carry a body over fetch-like clients; put the raw bytes in the query instead.
      path += `?${body.subarray(0, 4_000).toString('latin1').replace(/[^\x21-\x7e]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`)}`;
      body = undefined;
    }
    return { kinds, method: httpMethod, path, headers, body };
  }

  private methodParams(method: string, params: Record<string, string>, toVictim: boolean): void {
    const { victim } = this.targets;
    const email = toVictim && this.chance(0.5) ? this.pick(victim.emails) : `fuzz${this.int(0, 9_999)}@fuzz.example.com`;
    if (method === 'accounts.initRegistration') params.isLite = this.pick(['true', 'false', 'TRUE', '1']);
    if (['accounts.setAccountInfo', 'accounts.getAccountInfo', 'accounts.deleteAccount'].includes(method)) {
      if (toVictim && this.chance(0.6)) params.UID = this.pick(victim.uids);
      else params.regToken = `RT1_${this.int(0, 1e9).toString(16)}`;
    }
    if (method === 'accounts.setAccountInfo' || method === 'accounts.importLiteAccount') {
      params.profile = JSON.stringify({ email, firstName: 'Fuzz' });
      params.data = JSON.stringify({ fuzz: true });
    }
    if (method === 'accounts.register' || method === 'accounts.login') {
      const password = `pw-${this.literal()}`;
      this.sent.passwords.push(password);
      if (method === 'accounts.login') params.loginID = email;
      else params.email = email;
      params.password = password;
    }
    if (method === 'accounts.isAvailableLoginID') params.loginID = email;
    if (method === 'accounts.search') params.query = this.pick(['SELECT * FROM accounts', `SELECT * FROM accounts WHERE profile.email = '${email}'`, "SELECT * FROM accounts WHERE profile.email = 'x' OR 1=1 --", 'DROP TABLE accounts']);
    if (method === 'accounts.getLiteToken') params.email = email;
    if (method === 'accounts.deleteLiteAccount') params.emailToken = this.literal();
  }

  /** The victim never gets valid credentials: wrong, foreign, garbage or none. */
  private badCredentials(params: Record<string, string>, headers: Record<string, string>, kinds: string[]): void {
    const { victim, sandbox } = this.targets;
    const choice = this.int(0, 5);
    if (choice === 0) {
      kinds.push('no credentials');
    } else if (choice === 1) {
      const wrong = this.literal();
      this.sent.wrongSecrets.push(wrong);
      Object.assign(params, { userKey: victim.userKey, secret: wrong });
      kinds.push('wrong secret');
    } else if (choice === 2) {
      Object.assign(params, { userKey: sandbox.userKey, secret: sandbox.secret });
      kinds.push("another site's key");
    } else if (choice === 3) {
      const sig = this.literal();
      this.sent.signatures.push(sig);
      Object.assign(params, { userKey: victim.userKey, timestamp: String(Date.now()), nonce: this.literal(), sig });
      kinds.push('garbage sig');
    } else if (choice === 4) {
      headers.authorization = `Bearer ${this.pick(['garbage', 'a.b.c', 'eyJhbGciOiJub25lIn0.e30.', `eyJhbGciOiJSUzI1NiIsImtpZCI6IiR7dmljdGltLnVzZXJLZXl9In0.e30.${this.literal()}`])}`;
      kinds.push('garbage JWT');
    } else {
      const wrong = this.literal();
      this.sent.wrongSecrets.push(wrong);
      params.secret = wrong;
      kinds.push('partner secret');
    }
  }

  /** The sandbox gets valid credentials often, so malformed params reach the methods themselves. */
  private sandboxCredentials(method: string, params: Record<string, string>, kinds: string[]): void {
    const { sandbox } = this.targets;
    const choice = this.int(0, 9);
    if (choice < 4) {
      Object.assign(params, { userKey: sandbox.userKey, secret: sandbox.secret });
    } else if (choice < 6) {
      Object.assign(params, { userKey: sandbox.userKey, timestamp: String(Date.now()), nonce: this.literal() });
      const sig = signatureOf(sandbox.secret, `https://${method.split('.')[0]}.us1.gigya.com/${method}`, params);
      params.sig = sig;
      this.sent.signatures.push(sig);
      kinds.push('signed');
    }
  }

  private wrongType(params: Record<string, string>, kinds: string[]): void {
    const [name, value] = this.pick<[string, string]>([
      ['isLite', this.pick(['maybe', '2', '[]', '{}', ''])],
      ['include', this.pick(['[1,2]', '{"a":1}', 'profile,bogus', '["profile",3]', ',,,'])],
      ['UID', this.pick(['[1]', '{}', 'x'.repeat(200), '../../etc/passwd', "' OR 1=1 --", '-1'])],
      ['timestamp', this.pick(['abc', '-1', '1e20', '99999999999999999', ''])],
      ['nonce', ''],
      ['httpStatusCodes', this.pick(['yes', 'true', '2'])],
      ['format', this.pick(['xml', 'jsonp', '', 'JSON'])],
      ['callback', this.pick(['alert(1)', 'gigya.cb_1', '</script>', 'a'.repeat(500)])],
      ['limit', this.pick(['-1', '1e9', 'ten'])],
      ['finalizeRegistration', 'maybe'],
      ['sessionExpiration', this.pick(['-5', '1e9', 'x'])],
      ['email', this.pick(['[]', 'not-an-email', '@', 'a@b', `${'a'.repeat(300)}@x.com`])],
      ['context', this.pick(['{"a":1}', 'x'.repeat(1_000)])],
      ['regToken', this.pick(['', 'RT1_', 'null', '[]'])],
      ['query', this.pick(['SELECT', "SELECT * FROM accounts WHERE profile.email = '", 'SELECT * FROM accounts LIMIT -1', 'SELECT * FROM emailAccounts'])],
      ['cursorId', this.pick(['garbage', '-1'])],
    ]);
    params[name] = value;
    kinds.push(`wrong type: ${name}`);
  }

  /** A form body written by hand, with a broken escape or invalid UTF-8 bytes in one field. */
  private brokenEncoding(params: Record<string, string>, kinds: string[]): Buffer {
    const parts = Object.entries(params).map(([name, value]) => Buffer.from(new URLSearchParams([[name, value]]).toString()));
    const index = this.int(0, Math.max(0, parts.length - 1));
    if (this.chance(0.5)) {
      const escape = this.pick(brokenEscapes);
      parts[index] = Buffer.concat([parts[index] ?? Buffer.alloc(0), Buffer.from(escape)]);
      kinds.push(`broken percent-encoding ${escape}`);
    } else {
      const bytes = this.pick(invalidUtf8);
      parts[index] = Buffer.concat([parts[index] ?? Buffer.alloc(0), Buffer.from(bytes)]);
      kinds.push(`invalid UTF-8 ${bytes.map((b) => b.toString(16)).join(' ')}`);
    }
    return Buffer.concat(parts.flatMap((part, i) => (i === 0 ? [part] : [Buffer.from('&'), part])));
  }
}
