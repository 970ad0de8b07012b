import { Hono } from 'hono';
import type { FakeGigyaDeps } from '../deps.js';
import { GigyaError } from '../protocol/errors.js';
import { maxBodyBytes } from '../protocol/params.js';
import { SeedError } from '../seed/loadSeed.js';
import { accountRoutes } from './accounts.js';
import { adminAuth } from './auth.js';
import { adminBodyLimit } from './bodyLimit.js';
import { crossSiteGuard, jsonBodyGuard } from './crossSiteGuard.js';
import { expectedHostGuard } from './hostGuard.js';
import { inspectorRoutes } from '../ui/inspector.js';
import { faultRoutes } from './faults.js';
import { journalRoutes } from './journal.js';
import { schemaRoutes } from './schema.js';
import { siteRoutes } from './sites.js';
import { stateRoutes } from './state.js';
import { AdminError, adminErrorResponse } from './validation.js';
import { webhookRoutes } from './webhooks.js';

export interface AdminExposure {
  /** The Host names the admin API and the inspector answer for (server/hostNames.ts). */
  hosts: readonly string[];
}

/** The emulator's own API (docs/admin-api.md): JSON, never part of the Gigya surface. */
export function adminRoutes(deps: FakeGigyaDeps, exposure: AdminExposure): Hono {
  const admin = new Hono();
  // Web pages and neighbours (docs/reliability.md, threat model): these guards hold with or
  // without an admin token, for the JSON API and the inspector alike.
  // The body is read first, bounded: a refusal sent before the client has finished sending would
  // leave unread bytes on a keep-alive connection, which is then closed under the client.
  admin.use('*', adminBodyLimit(maxBodyBytes));
  admin.use('*', expectedHostGuard(exposure.hosts));
  admin.use('*', crossSiteGuard());
  // Open even with an admin token: container health checks have no token, and it reveals nothing.
  admin.get('/health', (c) => c.json({ status: 'ok' }));
  // The inspector (server/ui) guards itself: browsers cannot send the bearer header.
  admin.route('/ui', inspectorRoutes(deps));
  admin.use('*', jsonBodyGuard());
  admin.use('*', adminAuth(deps.adminToken));

  admin.route('/sites', siteRoutes(deps));
  admin.route('/sites', schemaRoutes(deps));
  admin.route('/', stateRoutes(deps));
  admin.route('/accounts', accountRoutes(deps));
  admin.route('/journal', journalRoutes(deps));
  admin.route('/faults', faultRoutes(deps));
  admin.route('/webhooks', webhookRoutes(deps));

  admin.onError((error, c) => {
    if (error instanceof AdminError) return adminErrorResponse(c, error);
    // Seeds are checked by the same rules as Gigya writes (profile fields, emails).
    if (error instanceof SeedError) return adminErrorResponse(c, new AdminError(400, error.message));
    if (error instanceof GigyaError) return adminErrorResponse(c, new AdminError(400, `${error.errorCode} ${error.errorMessage}: ${error.errorDetails}`));
    console.error(`fake-gigya: admin ${c.req.method} ${c.req.path} failed: ${error instanceof Error ? error.message : 'unknown error'}`);
    return adminErrorResponse(c, new AdminError(500, 'The admin API failed unexpectedly; see the server log'));
  });
  return admin;
}
