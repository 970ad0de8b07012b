import { randomBytes } from 'node:crypto';
import type { Site } from '../store/sites.js';

/** The sessionInfo of a login or finalized registration: a cookie for browsers, a token pair for mobile. */
export function sessionInfo(site: Site, targetEnv: string | undefined): Record<string, unknown> {
  if (targetEnv === 'mobile') {
    return { sessionToken: `st2.${randomBytes(24).toString('base64url')}`, sessionSecret: randomBytes(20).toString('base64') };
  }
  return { cookieName: `glt_${site.apiKey}`, cookieValue: `st2.${randomBytes(24).toString('base64url')}` };
}
