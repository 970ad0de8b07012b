import { Hono } from 'hono';
import { serve } from '@hono/node-server';
const port = Number(process.argv[2]);
const mode = process.argv[3];
const app = new Hono();
app.post('*', async (c) => {
  const params = mode === 'usp' ? new URLSearchParams(await c.req.text()) : await c.req.parseBody();
  return c.json({ errorCode: 0, statusCode: 200, UID: mode === 'usp' ? params.get('UID') : params.UID });
});
serve({ fetch: app.fetch, port, hostname: '127.0.0.1' });
