import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, expect, it } from 'vitest';
import { callGigya, demoCredentials, FakeGigyaProcess, temporaryDatabase } from '../reliability/fakeGigyaProcess.js';

// kill -9 while a notification is on the wire: after a restart on the same file, every event of
// every acknowledged write still reaches the receiver (at least once), each UID's in order.

const held: ServerResponse[] = [];
let holding = true;
const arrivals: Array<Array<{ type: string; data: { uid: string } }>> = [];
const receiver = createServer((request: IncomingMessage, response: ServerResponse) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    arrivals.push((JSON.parse(Buffer.concat(chunks).toString('utf8')) as { events: Array<{ type: string; data: { uid: string } }> }).events);
    if (holding) held.push(response);
    else response.writeHead(200).end('ok');
  });
});
const processes: FakeGigyaProcess[] = [];

afterAll(async () => {
  for (const fake of processes) await fake.kill9();
  for (const response of held) response.destroy();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

async function until(condition: () => boolean, what: string, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

it('delivers every event of every acknowledged write after a kill -9 in the middle of a delivery', { timeout: 90_000 }, async () => {
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
  const db = temporaryDatabase('webhooks-kill');
  const demo = demoCredentials();
  const server = { apiKey: demo.apiKey, userKey: demo.userKey, secret: demo.secret };

  const first = await FakeGigyaProcess.start(db, demo);
  processes.push(first);
  await first.admin.setPolicies(demo.apiKey, { webhookRetryDelaysMs: [100], webhookTimeoutMs: 60_000 });
  const set = await callGigya(first.baseUrl, 'accounts.webhooks.set', { ...server, name: 'crm', url, events: 'accountCreated,accountUpdated' });
  expect(set.errorCode).toBe(0);

  const uids: string[] = [];
  for (let index = 0; index < 30; index++) {
    const init = await callGigya(first.baseUrl, 'accounts.initRegistration', { apiKey: demo.apiKey, isLite: 'true' });
    const written = await callGigya(first.baseUrl, 'accounts.setAccountInfo', {
      apiKey: demo.apiKey,
      regToken: init.regToken as string,
      profile: JSON.stringify({ email: `p${index}@example.com`, firstName: 'Before' }),
    });
    expect(written.errorCode).toBe(0);
    uids.push(written.UID as string);
    const updated = await callGigya(first.baseUrl, 'accounts.setAccountInfo', { ...server, UID: written.UID as string, profile: '{"firstName":"After"}' });
    expect(updated.errorCode).toBe(0);
  }
  await until(() => held.length > 0, 'the first notification');
  await first.kill9();
  for (const response of held.splice(0)) response.destroy();
  holding = false;

  const second = await FakeGigyaProcess.start(db, demo);
  processes.push(second);
  const seen = () => new Set(arrivals.flat().filter((event) => event.type === 'accountUpdated').map((event) => event.data.uid));
  await until(() => uids.every((uid) => seen().has(uid)), 'every acknowledged write to arrive');

  for (const uid of uids) {
    const types = arrivals.flat().filter((event) => event.data.uid === uid).map((event) => event.type);
    expect(types[0]).toBe('accountCreated');
    expect(types.lastIndexOf('accountCreated')).toBeLessThan(types.indexOf('accountUpdated'));
  }
});
