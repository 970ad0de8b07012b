import { Hono } from 'hono';
import type { FakeGigyaDeps } from '../app.js';
import { historyView } from './views.js';

/** The emulator's own API: JSON, never part of the Gigya surface. */
export function adminRoutes(deps: FakeGigyaDeps): Hono {
  const admin = new Hono();
  admin.get('/health', (c) => c.json({ status: 'ok' }));

  admin.get('/accounts/:uid/history', (c) => {
    const apiKey = c.req.query('apiKey');
    if (!apiKey) return c.json({ error: 'apiKey query parameter is required' }, 400);
    const uid = c.req.param('uid');
    const history = deps.store.history.of(apiKey, uid);
    return c.json({ uid, history: history.map(historyView) });
  });
  return admin;
}
