import { z } from 'zod';
import type { Clock, Ids } from '../protocol/method.js';
import type { Store } from '../store/index.js';
import { policiesSchema } from '../store/policies.js';
import type { Site } from '../store/sites.js';

export const dataCenters = ['us1', 'eu1', 'au1', 'eu2', 'cn1', 'global', 'ru1'] as const;

// The shapes credentials must have, wherever they come from (admin API, seed file, environment).
export const apiKeySchema = z.string().regex(/^[A-Za-z0-9_-]{3,128}$/, 'apiKey: 3–128 characters of A-Z a-z 0-9 _ -');
export const userKeySchema = z.string().regex(/^[A-Za-z0-9_-]{3,128}$/, 'userKey: 3–128 characters of A-Z a-z 0-9 _ -');
export const secretSchema = z.string().regex(/^[A-Za-z0-9+/]{8,}={0,2}$/, 'secret: Base64 text of at least 8 characters');

/** What it takes to create a site; anything left out is generated. */
export const siteInputSchema = z
  .object({
    apiKey: apiKeySchema.optional(),
    name: z.string().min(1).max(200).optional(),
    dataCenter: z.enum(dataCenters).default('us1'),
    policies: policiesSchema.partial().default({}),
    applicationKeys: z
      .array(
        z
          .object({
            userKey: userKeySchema.optional(),
            secret: secretSchema.optional(),
            publicKeyPem: z.string().includes('BEGIN PUBLIC KEY').optional(),
            name: z.string().max(200).optional(),
          })
          .strict(),
      )
      .min(1)
      .default([{}]),
  })
  .strict();

export type SiteInput = z.input<typeof siteInputSchema>;

export interface CreatedSite {
  site: Site;
  applicationKeys: Array<{ userKey: string; secret: string; name: string }>;
}

export class SiteConflict extends Error {}

/** Creates a site with its application keys; the secrets are returned here and nowhere else. */
export function createSite(store: Store, ids: Ids, clock: Clock, input: SiteInput): CreatedSite {
  const parsed = siteInputSchema.parse(input);
  const apiKey = parsed.apiKey ?? ids.apiKey();
  if (store.sites.get(apiKey) !== null) throw new SiteConflict(`site ${apiKey} already exists`);
  const now = clock.now();
  const site: Site = {
    apiKey,
    name: parsed.name ?? apiKey,
    dataCenter: parsed.dataCenter,
    policies: policiesSchema.parse(parsed.policies),
    createdMs: now,
  };
  const applicationKeys = parsed.applicationKeys.map((key) => ({
    userKey: key.userKey ?? ids.userKey(),
    secret: key.secret ?? ids.secret(),
    publicKeyPem: key.publicKeyPem ?? null,
    name: key.name ?? 'default',
  }));
  for (const key of applicationKeys) {
    if (store.sites.appKey(key.userKey) !== null) throw new SiteConflict(`application key ${key.userKey} already exists`);
  }
  store.transaction(() => {
    store.sites.insert(site);
    for (const key of applicationKeys) store.sites.insertAppKey({ ...key, site: apiKey, createdMs: now });
  });
  return { site, applicationKeys: applicationKeys.map(({ userKey, secret, name }) => ({ userKey, secret, name })) };
}
