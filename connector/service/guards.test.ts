import { request as httpRequest } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { describe, expect, it } from 'vitest';
import { openConnectorDatabase } from '../store/database.js';
import { liteCampaign, testIntegration } from '../testing/connectorHarness.js';
import { scriptedGigya } from '../testing/scriptedGigya.js';
import { createConnectorApp, type ConnectorAccess } from './app.js';
import { maxBodyBytes } from './bodyLimit.js';
import { lingerOnRefusedBodies } from './lingeringClose.js';

// The connector's door, with raw requests: who may change state, which Host names are
// answered, the admin token, and how much of a body is read.

const origin = 'http://127.0.0.1:4200';
const jane = { email: 'jane@example.com', firstname: 'Jane', lastname: 'Doe' };
const settingsPath = '/settings/integrations/gigya-lite-registration';

async function connector(access?: ConnectorAccess) {
  const gigya = scriptedGigya({ 'accounts.initRegistration': () => ({ regToken: 'RT1_a' }), 'accounts.setAccountInfo': () => ({ UID: 'lite-1' }) });
  const created = createConnectorApp({ db: openConnectorDatabase(':memory:'), fetch: gigya.fetch, sleep: async () => {}, initialIntegration: testIntegration, access });
  const headers = { host: '127.0.0.1:4200', 'content-type': 'application/json', ...(access?.adminToken ? { authorization: `Bearer ${access.adminToken}` } : {}) };
  const put = await created.app.request(`${origin}/campaigns/c1`, { method: 'PUT', headers, body: JSON.stringify(liteCampaign) });
  expect(put.status).toBe(200);
  const send = (path: string, init: Omit<RequestInit, 'headers'> & { headers?: Record<string, string> } = {}) =>
    created.app.request(`${origin}${path}`, { ...init, headers: { host: '127.0.0.1:4200', ...init.headers } });
  const participate = (headers: Record<string, string>, body: string = JSON.stringify(jane)) =>
    send('/campaigns/c1/participations', { method: 'POST', headers, body });
  return { ...created, gigya, send, participate, stored: () => created.participations.byCampaign('c1') };
}

describe('cross-site requests', () => {
  it.each(['cross-site', 'same-site'])('refuses a participation marked Sec-Fetch-Site: %s, and saves nothing', async (site) => {
    const c = await connector();
    const response = await c.participate({ 'content-type': 'application/json', 'sec-fetch-site': site });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: 'crossSiteRequest', message: expect.stringContaining('another site') });
    expect(c.stored()).toEqual([]);
    expect(c.gigya.calls).toEqual([]);
  });

  it.each(['http://evil.example', 'http://127.0.0.1:9999', 'http://localhost:4200', 'null'])('refuses a participation from Origin %s when the browser sends no Sec-Fetch-Site', async (from) => {
    const c = await connector();
    const response = await c.participate({ 'content-type': 'application/json', origin: from });
    expect(response.status).toBe(403);
    expect(c.stored()).toEqual([]);
  });

  it('refuses to repoint the settings from another site', async () => {
    const c = await connector();
    const response = await c.send(settingsPath, { method: 'PUT', headers: { 'content-type': 'application/json', origin: 'http://evil.example' }, body: JSON.stringify({ ...testIntegration, baseUrl: 'http://evil.example' }) });
    expect(response.status).toBe(403);
    expect(c.settings.integration()?.baseUrl).toBe('http://fake-gigya.test');
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', ''])(
    'refuses a body a page can send without asking first (Content-Type %s) with 415',
    async (type) => {
      const c = await connector();
      const response = await c.participate(type === '' ? {} : { 'content-type': type }, JSON.stringify(jane));
      expect(response.status).toBe(415);
      expect(await response.json()).toMatchObject({ error: 'unsupportedMediaType', message: expect.stringContaining('Content-Type: application/json') });
      expect(c.stored()).toEqual([]);
    },
  );

  it('accepts its own pages and clients that are not browsers', async () => {
    const c = await connector();
    expect((await c.participate({ 'content-type': 'application/json' })).status).toBe(201);
    // What Chromium sends for a same-origin post under some referrer policies.
    expect((await c.participate({ 'content-type': 'application/json', origin: 'null', 'sec-fetch-site': 'same-origin' })).status).toBe(201);
    expect((await c.participate({ 'content-type': 'application/json; charset=utf-8', origin, 'sec-fetch-site': 'same-origin' })).status).toBe(201);
    expect((await c.participate({ 'content-type': 'application/json', 'sec-fetch-site': 'none' })).status).toBe(201);
    expect(c.stored()).toHaveLength(4);
  });

  it('refuses a playground form posted from another site, and accepts it from the playground', async () => {
    const c = await connector();
    const form = new URLSearchParams({ id: 'c2', identified: 'true', sso: 'gigyaLite' });
    const formType = { 'content-type': 'application/x-www-form-urlencoded' };
    expect((await c.send('/playground/campaign', { method: 'POST', headers: { ...formType, 'sec-fetch-site': 'cross-site' }, body: form })).status).toBe(403);
    expect((await c.send('/playground/campaign', { method: 'POST', headers: { ...formType, origin: 'http://127.0.0.1:9999' }, body: form })).status).toBe(403);
    expect(c.settings.campaign('c2')).toBeNull();
    const saved = await c.send('/playground/campaign', { method: 'POST', headers: { ...formType, origin, 'sec-fetch-site': 'same-origin' }, body: form });
    expect(saved.status).toBe(303);
    expect(c.settings.campaign('c2')).not.toBeNull();
  });

  it('still answers reads from links on other sites', async () => {
    const c = await connector();
    expect((await c.send('/', { headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(200);
  });
});

describe('Host names (DNS rebinding)', () => {
  it.each(['localhost:4200', '127.0.0.1', '[::1]:4200', 'LOCALHOST:1'])('answers for the loopback name %s', async (host) => {
    const c = await connector();
    expect((await c.send('/', { headers: { host } })).status).toBe(200);
  });

  it.each(['evil.example', 'evil.example:4200', '0.0.0.0:4200', 'localhost.evil.example', '127.0.0.2:4200'])('refuses Host %s with 403, for reads and writes', async (host) => {
    const c = await connector();
    const read = await c.send(settingsPath, { headers: { host } });
    expect(read.status).toBe(403);
    expect(await read.json()).toMatchObject({ error: 'unexpectedHost', message: expect.stringContaining('CONNECTOR_ALLOWED_HOSTS') });
    expect((await c.participate({ host, 'content-type': 'application/json' })).status).toBe(403);
    expect(c.stored()).toEqual([]);
  });

  it('answers for the bound address and the configured names, never for a wildcard address', async () => {
    const c = await connector({ boundAddress: '10.1.2.3', allowedHosts: ['connector', 'Lab.Example.com'] });
    for (const host of ['10.1.2.3:4200', 'connector:4200', 'lab.example.com']) expect((await c.send('/', { headers: { host } })).status).toBe(200);
    const open = await connector({ boundAddress: '0.0.0.0' });
    expect((await open.send('/', { headers: { host: '0.0.0.0:4200' } })).status).toBe(403);
  });
});

describe('the admin token', () => {
  const adminToken = 'a-long-random-admin-token-1234';

  it('asks every route for it, and never echoes it', async () => {
    const c = await connector({ adminToken });
    for (const path of ['/', settingsPath, '/campaigns/c1/participations']) {
      const response = await c.send(path);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toContain('Bearer');
      const text = await response.text();
      expect(text).toContain('CONNECTOR_ADMIN_TOKEN');
      expect(text).not.toContain(adminToken);
    }
    expect((await c.participate({ 'content-type': 'application/json' })).status).toBe(401);
    expect((await c.participate({ 'content-type': 'application/json', authorization: 'Bearer wrong-token' })).status).toBe(401);
    expect(c.stored()).toEqual([]);
  });

  it('lets a client in with Authorization: Bearer', async () => {
    const c = await connector({ adminToken });
    expect((await c.participate({ 'content-type': 'application/json', authorization: `Bearer ${adminToken}` })).status).toBe(201);
    expect((await c.send(settingsPath, { headers: { authorization: `bearer ${adminToken}` } })).status).toBe(200);
  });

  it('lets a browser in with /?token= once: an HttpOnly SameSite=Strict cookie, and the token gone from the address', async () => {
    const c = await connector({ adminToken });
    expect((await c.send('/?token=wrong')).status).toBe(401);
    const opened = await c.send(`/?campaign=c1&token=${adminToken}`);
    expect(opened.status).toBe(303);
    expect(opened.headers.get('location')).toBe('/?campaign=c1');
    const cookie = opened.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const page = await c.send('/?campaign=c1', { headers: { cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Connector playground');
  });

  it('leaves the icon and the health check open, telling nothing', async () => {
    const c = await connector({ adminToken });
    expect((await c.send('/favicon.ico')).status).toBe(200);
    const health = await c.send('/health');
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
  });
});

describe('body limits', () => {
  const big = JSON.stringify({ ...jane, company: 'x'.repeat(maxBodyBytes) });

  it('answers 413 for a body past the limit and saves nothing', async () => {
    const c = await connector();
    const response = await c.participate({ 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(big)) }, big);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: 'bodyTooLarge', message: expect.stringContaining(String(maxBodyBytes)) });
    expect(c.stored()).toEqual([]);
  });

  it('stops reading a body of unknown length at the limit', async () => {
    const c = await connector();
    let pulled = 0;
    const chunk = new TextEncoder().encode(`"${'x'.repeat(16 * 1024 - 2)}",`);
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(chunk);
      },
    });
    const response = await c.send('/campaigns/c1/participations', { method: 'POST', headers: { 'content-type': 'application/json' }, body: endless, duplex: 'half' } as Parameters<typeof c.send>[1]);
    expect(response.status).toBe(413);
    expect(pulled).toBeLessThan(10);
    expect(c.stored()).toEqual([]);
  });

  it('answers 413 to a chunked body over a real socket', async () => {
    const c = await connector();
    const server = serve({ fetch: c.app.fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise<void>((listening) => server.once('listening', listening));
    const { port } = server.address() as AddressInfo;
    try {
      const status = await new Promise<number>((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/campaigns/c1/participations', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } });
        req.on('response', (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
          req.destroy();
        });
        req.on('error', (error) => (error.message.includes('EPIPE') || error.message.includes('ECONNRESET') ? undefined : reject(error)));
        // Far more than the limit, in bounded steps: the answer comes while we are still sending.
        const piece = 'x'.repeat(16 * 1024);
        let sent = 0;
        const write = () => {
          while (sent < 256 && !req.destroyed) {
            sent++;
            if (!req.write(piece)) return void req.once('drain', write);
          }
          if (!req.destroyed) req.end();
        };
        write();
      });
      expect(status).toBe(413);
      expect(c.stored()).toEqual([]);
    } finally {
      if ('closeAllConnections' in server) server.closeAllConnections();
      await new Promise((closed) => server.close(closed));
    }
  });

  it('lets a client that sends a whole 8 MiB body before reading get its 413, with no EPIPE or reset', async () => {
    const c = await connector();
    const server = serve({ fetch: c.app.fetch, hostname: '127.0.0.1', port: 0 });
    lingerOnRefusedBodies(server);
    await new Promise<void>((listening) => server.once('listening', listening));
    const { port } = server.address() as AddressInfo;
    const body = Buffer.alloc(8 * 1024 * 1024, 'x');
    try {
      for (let attempt = 0; attempt < 5; attempt++) {
        // As Python's urllib does: the whole request written first, the answer read after.
        const outcome = await new Promise<{ answer: string; errors: string[] }>((resolve) => {
          const errors: string[] = [];
          let answer = '';
          const socket = connect(port, '127.0.0.1', () => {
            socket.write(`POST /campaigns/c1/participations HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`);
            socket.end(body);
          });
          socket.on('data', (data: Buffer) => (answer += data.toString('latin1')));
          socket.on('error', (error: NodeJS.ErrnoException) => errors.push(error.code ?? error.message));
          socket.on('close', () => resolve({ answer, errors }));
        });
        expect(outcome.errors).toEqual([]);
        expect(outcome.answer).toMatch(/^HTTP\/1\.1 413 /);
      }
      expect(c.stored()).toEqual([]);
    } finally {
      if ('closeAllConnections' in server) server.closeAllConnections();
      await new Promise((closed) => server.close(closed));
    }
  });

  it('answers 413 for a playground form past the limit', async () => {
    const c = await connector();
    const form = new URLSearchParams({ id: 'c3', identified: 'true', sso: 'gigyaLite', title: 'x'.repeat(maxBodyBytes) });
    const response = await c.send('/playground/campaign', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form });
    expect(response.status).toBe(413);
    expect(c.settings.campaign('c3')).toBeNull();
  });
});
