// What Hono itself costs here: a form POST answered by Hono over @hono/node-server, the body
// parsed with URLSearchParams, a small JSON envelope back — no store, no journal, no auth.
// The fake serves its Gigya surface through Hono, so this bounds what it can reach on this
// machine (docs/performance.md has its figures).
//
//   node bench/targets/hono.mjs <port>
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono();
app.post('*', async (c) => {
  const params = new URLSearchParams(await c.req.text());
  return c.json({ callId: crypto.randomUUID().replaceAll('-', ''), errorCode: 0, apiVersion: 2, statusCode: 200, statusReason: 'OK', time: new Date().toISOString(), UID: params.get('UID') });
});
serve({ fetch: app.fetch, port: Number(process.argv[2]), hostname: '127.0.0.1' });
