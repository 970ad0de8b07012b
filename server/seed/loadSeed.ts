import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { applyPatch, newAccount } from '../accounts/accountWrites.js';
import { hashPasswordSync } from '../accounts/passwords.js';
import { validateProfile } from '../accounts/profile.js';
import type { Clock, Ids, MethodContext } from '../protocol/method.js';
import type { Store } from '../store/index.js';
import type { Site } from '../store/sites.js';
import { GigyaError } from '../protocol/errors.js';
import { saveUnderSchema } from '../schema/enforce.js';
import { mergeSchemaChanges, schemaOf } from '../schema/siteSchema.js';
import { createSite } from '../sites/createSite.js';
import { setWebhook } from '../webhooks/webhookSettings.js';
import { seedSchema, type SeedAccount } from './seedSchema.js';

export class SeedError extends Error {}

export interface SeedResult {
  sites: number;
  accounts: number;
  /** Webhooks created or updated (an existing name is updated, so a seed applied twice changes nothing). */
  webhooks: number;
}

export function loadSeedFile(store: Store, ids: Ids, clock: Clock, file: string): SeedResult {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new SeedError(`Cannot read seed file ${file}: ${(error as Error).message}`);
  }
  return loadSeed(store, ids, clock, raw);
}

/**
 * Creates the seed's sites (an existing apiKey is reused) and accounts. Idempotent: an
 * account whose UID exists is skipped, so a seed applied at every start adds nothing twice.
 */
export function loadSeed(store: Store, ids: Ids, clock: Clock, raw: unknown): SeedResult {
  const parsed = seedSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new SeedError(`Invalid seed at ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  let sites = 0;
  let accounts = 0;
  let webhooks = 0;
  store.transaction(() => {
    for (const [position, { accounts: seeded, webhooks: hooks, schema, consentStatements, ...input }] of parsed.data.sites.entries()) {
      let site = input.apiKey ? store.sites.get(input.apiKey) : null;
      if (site === null) {
        site = createSite(store, ids, clock, input).site;
        sites++;
      }
      // Before the accounts, so their subscriptions and consents are stored by the seeded schema.
      if (schema !== undefined || consentStatements !== undefined) {
        const changes = { ...schema, ...(consentStatements !== undefined && { preferencesSchema: { fields: consentStatements } }) };
        try {
          store.siteSchemas.set(site.apiKey, mergeSchemaChanges(schemaOf(store, site.apiKey), changes));
        } catch (error) {
          if (error instanceof GigyaError) throw new SeedError(`Invalid seed at sites.${position}.schema: ${error.errorDetails}`);
          throw error;
        }
      }
      seeded.forEach((account, index) => {
        if (seedAccount(store, ids, clock, site, account, index)) accounts++;
      });
      hooks.forEach((hook, index) => {
        try {
          setWebhook(store, site, hook, clock.now());
        } catch (error) {
          if (!(error instanceof GigyaError)) throw error;
          throw new SeedError(`Invalid seed at sites.${position}.webhooks.${index}: ${error.errorDetails}`);
        }
        webhooks++;
      });
    }
  });
  return { sites, accounts, webhooks };
}

function seedAccount(store: Store, ids: Ids, clock: Clock, site: Site, seed: SeedAccount, index: number): boolean {
  const uid = seed.uid ?? createHash('sha256').update(`${site.apiKey}\u0000${index}\u0000${seed.email}`).digest('hex').slice(0, 32);
  if (store.accounts.get(site.apiKey, uid) !== null) return false;
  const now = clock.now();
  const context: MethodContext = {
    method: 'admin.seed',
    params: {},
    site,
    // Written as a server would write it: no client-side access rule, no double opt-in email.
    caller: { via: 'userKeySecret', userKey: null },
    store,
    clock,
    ids,
  };
  const profile = validateProfile({ ...seed.profile, email: seed.email }, now);
  const base = applyPatch(
    newAccount(site.apiKey, uid, seed.kind, now),
    { profile, data: seed.data, subscriptions: seed.subscriptions, preferences: seed.preferences },
    now,
  );
  const full = seed.kind === 'full';
  saveUnderSchema(context, null, {
    ...base,
    loginIds: full ? [seed.email.toLowerCase()] : [],
    passwordHash: full ? hashPasswordSync(seed.password!) : null,
    isRegistered: full,
    registeredMs: full ? now : null,
    isVerified: seed.isVerified,
    verifiedMs: seed.isVerified ? now : null,
    regSource: seed.regSource ?? null,
  }, { sendsDoubleOptInEmails: false });
  return true;
}
