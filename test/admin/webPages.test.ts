import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeGigya } from '../../server/app.js';
import { startFakeGigya, type RunningFakeGigya } from '../../server/embedded.js';
import { signatureOf } from '../../server/testing/signer.js';

// What a web page in the developer's browser (or a DNS rebinding page) could send to the fake's
// admin API, as raw requests with exactly the headers a browser sets: every state change is
// refused and changes nothing, while the Gigya surface still serves cross-site callers.

let gigya: RunningFakeGigya;
let port: string;
beforeAll(async () => {
  gigya = await startFakeGigya();
  port = new URL(gigya.baseUrl).port;
});
afterAll(() => gigya.close());

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** A raw HTTP/1.1 request to the fake on 127.0.0.1, with any Host, Origin or Sec-Fetch-* header. */
function send(method: string, path: string, headers: Record<string, string> = {}, body = ''): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      // A connection per request: a refused body may leave the server closing the previous one.
      { host: '127.0.0.1', port, method, path, agent: false, headers: { host: `127.0.0.1:${port}`, 'content-length': String(Buffer.byteLength(body)), ...headers }, timeout: 10_000 },
      (response) => {
        let text = '';
        response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, text }));
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error('no answer within 10 s')));
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

async function seedAnAccount(email: string): Promise<void> {
  await gigya.admin.seed({ sites: [{ apiKey: gigya.site.apiKey, accounts: [{ kind: 'lite', email }] }] });
}

const accountCount = async () => (await gigya.admin.accounts(gigya.site.apiKey)).total;
/** A body for POST /__admin/reset that empties only this file's site. */
const reset = () => JSON.stringify({ apiKey: gigya.site.apiKey });

describe('cross-site requests to /__admin', () => {
  it('refuses a CORS "simple" POST (text/plain, form, or no body) with 415 and changes nothing', async () => {
    await seedAnAccount('kept@example.com');
    const before = await accountCount();
    for (const contentType of ['text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', undefined]) {
      const headers: Record<string, string> = contentType === undefined ? {} : { 'content-type': contentType };
      for (const path of ['/__admin/reset', '/__admin/seed', '/__admin/faults', '/__admin/sites']) {
        const answer = await send('POST', path, headers, contentType === undefined ? '' : reset());
        expect(answer.status, `${path} as ${contentType}`).toBe(415);
        expect(JSON.parse(answer.text)).toMatchObject({ error: { message: expect.stringContaining('Content-Type: application/json') } });
      }
    }
    expect(await accountCount()).toBe(before);
    expect(await gigya.admin.faults(gigya.site.apiKey)).toEqual([]);
  });

  it('refuses a request the browser marks cross-site or same-site (Sec-Fetch-Site) with 403', async () => {
    const before = await accountCount();
    for (const site of ['cross-site', 'same-site']) {
      const answer = await send('POST', '/__admin/reset', { 'content-type': 'application/json', 'sec-fetch-site': site }, reset());
      expect(answer.status).toBe(403);
      expect(JSON.parse(answer.text).error.message).toContain(`a ${site} request`);
    }
    expect(await accountCount()).toBe(before);
  });

  it("refuses a request from another origin, a 'null' origin or another port of localhost with 403", async () => {
    const before = await accountCount();
    for (const origin of ['https://attacker.example', 'null', 'http://localhost:3000', `http://127.0.0.1:${Number(port) + 1}`]) {
      for (const [method, path] of [['POST', '/__admin/reset'], ['DELETE', `/__admin/sites/${gigya.site.apiKey}`], ['PATCH', `/__admin/sites/${gigya.site.apiKey}/policies`]] as const) {
        const answer = await send(method, path, { 'content-type': 'application/json', origin }, method === 'DELETE' ? '' : method === 'PATCH' ? '{"httpsOnly":true}' : reset());
        expect(answer.status, `${method} ${path} from ${origin}`).toBe(403);
      }
    }
    expect(await accountCount()).toBe(before);
    expect((await gigya.admin.site(gigya.site.apiKey)).policies.httpsOnly).toBe(false);
  });

  it('refuses a cross-site form post to the inspector with 403', async () => {
    const form = 'kind=error&errorCode=500001';
    const answer = await send('POST', `/__admin/ui/sites/${gigya.site.apiKey}/faults`, { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://attacker.example', 'sec-fetch-site': 'cross-site' }, form);
    expect(answer.status).toBe(403);
    expect(await gigya.admin.faults(gigya.site.apiKey)).toEqual([]);
  });

  it('accepts its own origin, same-origin, a typed address (none) and clients that send neither header', async () => {
    const json = { 'content-type': 'application/json' };
    const cases: Array<Record<string, string>> = [{ origin: `http://127.0.0.1:${port}` }, { 'sec-fetch-site': 'same-origin' }, { 'sec-fetch-site': 'none' }, {}];
    for (const headers of cases) {
      const answer = await send('POST', '/__admin/reset', { ...json, ...headers }, reset());
      expect(answer.status, JSON.stringify(headers)).toBe(200);
    }
  });

  it('grants no CORS: a preflight gets no Access-Control-Allow-* header', async () => {
    const answer = await send('OPTIONS', '/__admin/reset', {
      origin: 'https://attacker.example',
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type',
    });
    expect(Object.keys(answer.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
  });

  it('leaves the Gigya surface open to cross-site callers: gigya.js calls it from web pages', async () => {
    const answer = await send(
      'POST',
      '/accounts.initRegistration',
      { 'content-type': 'text/plain;charset=UTF-8', origin: 'https://shop.example', 'sec-fetch-site': 'cross-site' },
      new URLSearchParams({ apiKey: gigya.site.apiKey, isLite: 'true' }).toString(),
    );
    expect(JSON.parse(answer.text)).toMatchObject({ errorCode: 0, regToken: expect.any(String) });
  });
});

describe('Host names /__admin answers for (DNS rebinding)', () => {
  it('answers 403 to a Host that is not a loopback name, for the API, the inspector and health', async () => {
    for (const path of ['/__admin/sites', '/__admin/ui', '/__admin/health', '/__admin/journal']) {
      const answer = await send('GET', path, { host: `attacker.example:${port}` });
      expect(answer.status, path).toBe(403);
      expect(JSON.parse(answer.text).error.message).toContain('--allowed-hosts');
    }
    const write = await send('POST', '/__admin/reset', { host: `attacker.example:${port}`, 'content-type': 'application/json' }, reset());
    expect(write.status).toBe(403);
  });

  it('answers localhost, 127.0.0.1 and [::1] at any port', async () => {
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, 'localhost', 'LOCALHOST:1']) {
      expect((await send('GET', '/__admin/health', { host })).status, host).toBe(200);
    }
  });

  it('answers the names it is given (allowedHosts), and only those', async () => {
    const app = createFakeGigya({ allowedHosts: ['fake-gigya', '10.0.0.5'] });
    expect((await app.request('http://fake-gigya:4100/__admin/sites')).status).toBe(200);
    expect((await app.request('http://10.0.0.5/__admin/sites')).status).toBe(200);
    expect((await app.request('http://fake-gigya.attacker.example/__admin/sites')).status).toBe(403);
  });

  it('leaves the Gigya surface to any Host', async () => {
    const answer = await send('POST', '/accounts.getSchema', { host: 'gigya.example.net', 'content-type': 'application/x-www-form-urlencoded' }, `apiKey=${gigya.site.apiKey}`);
    expect(JSON.parse(answer.text).errorCode).toBe(0);
  });
});

describe('admin request bodies', () => {
  it('refuses a declared JSON body over 1 MiB with 413 (chunked ones: test/reliability/readingLimits.test.ts)', async () => {
    const big = JSON.stringify({ sites: [{ apiKey: gigya.site.apiKey, name: 'x'.repeat(2 * 1024 * 1024) }] });
    const answer = await send('POST', '/__admin/seed', { 'content-type': 'application/json' }, big);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text).error.message).toBe('The request body exceeds 1048576 bytes');
  });
});

describe('signatures over the fake base URL', () => {
  it("accepts a signature over startFakeGigya's own base URL, and not over a Host the request names", async () => {
    const params = { apiKey: gigya.site.apiKey, userKey: gigya.site.userKey, timestamp: String(Date.now()) };
    const overBase = { ...params, nonce: 'base-url-1' };
    const good = await send('POST', '/accounts.getSchema', { 'content-type': 'application/x-www-form-urlencoded' }, new URLSearchParams({ ...overBase, sig: signatureOf(gigya.site.secret, `${gigya.baseUrl}/accounts.getSchema`, overBase) }).toString());
    expect(JSON.parse(good.text).errorCode).toBe(0);
    const overHost = { ...params, nonce: 'host-url-1' };
    const forged = await send(
      'POST',
      '/accounts.getSchema',
      { host: `attacker.example:${port}`, 'content-type': 'application/x-www-form-urlencoded' },
      new URLSearchParams({ ...overHost, sig: signatureOf(gigya.site.secret, `http://attacker.example:${port}/accounts.getSchema`, overHost) }).toString(),
    );
    expect(JSON.parse(forged.text).errorCode).toBe(403003);
  });
});
