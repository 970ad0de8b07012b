import type { Clock, Ids } from '../protocol/method.js';
import type { Store } from '../store/index.js';
import { createSite } from './createSite.js';

export interface DemoCredentials {
  apiKey?: string;
  userKey?: string;
  secret?: string;
}

export interface DemoSite {
  apiKey: string;
  userKey: string;
  /** Present only when this start generated it: a secret given by the environment is not echoed. */
  secret: string | undefined;
  created: boolean;
}

export const demoSiteName = 'demo';

/**
 * The demo site every fresh database gets. Credentials fixed by the environment win (docker-compose
 * and scripts rely on them); otherwise the first start generates them and later starts reuse them.
 */
export function ensureDemoSite(store: Store, ids: Ids, clock: Clock, fixed: DemoCredentials): DemoSite {
  const existing = fixed.apiKey
    ? store.sites.get(fixed.apiKey)
    : (store.sites.list().find((site) => site.name === demoSiteName) ?? null);
  if (existing === null) {
    const created = createSite(store, ids, clock, {
      apiKey: fixed.apiKey,
      name: demoSiteName,
      applicationKeys: [{ userKey: fixed.userKey, secret: fixed.secret, name: 'demo' }],
    });
    const key = created.applicationKeys[0]!;
    return { apiKey: created.site.apiKey, userKey: key.userKey, secret: fixed.secret ? undefined : key.secret, created: true };
  }
  const keys = store.sites.appKeysOf(existing.apiKey);
  const wanted = fixed.userKey ?? keys[0]?.userKey ?? ids.userKey();
  const key = keys.find((candidate) => candidate.userKey === wanted);
  if (key === undefined) {
    const secret = fixed.secret ?? ids.secret();
    store.sites.insertAppKey({ userKey: wanted, site: existing.apiKey, secret, publicKeyPem: null, name: 'demo', createdMs: clock.now() });
    return { apiKey: existing.apiKey, userKey: wanted, secret: fixed.secret ? undefined : secret, created: false };
  }
  // The environment is the source of truth for fixed credentials, also over an older database file.
  if (fixed.secret !== undefined && key.secret !== fixed.secret) store.sites.setSecret(key.userKey, fixed.secret);
  return { apiKey: existing.apiKey, userKey: key.userKey, secret: fixed.secret ? undefined : key.secret, created: false };
}
