import { randomBytes } from 'node:crypto';
import { saveAccount } from '../accounts/accountWrites.js';
import type { MethodContext } from '../protocol/method.js';
import type { Account } from '../store/accounts.js';
import { enrichPreferences } from './consent.js';
import { schemaOf } from './siteSchema.js';
import { settleSubscriptions } from './subscriptionState.js';
import { checkWriteAccess, grownSchema } from './writeAccess.js';

export interface SchemaWriteOptions {
  /** importLiteAccount sends no double opt-in email (SAP). Default true. */
  sendsDoubleOptInEmails?: boolean;
}

/**
 * Saves an account write the way the site's schema says, in the caller's transaction: checks
 * write access (400020 inside 400009 for a client-side write to a serverOnly field), declares
 * the new fields of a dynamic schema, stores subscriptions and consents in CDC's shape, saves
 * (history, emailAccounts, shared subscriptions, events) and captures the double opt-in
 * emails the write sends. Answers the account as stored.
 */
export function saveUnderSchema(context: MethodContext, before: Account | null, after: Account, options: SchemaWriteOptions = {}): Account {
  const { store, site, clock, caller } = context;
  const schema = schemaOf(store, site.apiKey);
  const growth = checkWriteAccess(schema, caller, before, after);
  const clientSide = caller.via === 'anonymous';
  const nextSchema = grownSchema(schema, growth, clientSide);
  if (nextSchema !== schema) store.siteSchemas.set(site.apiKey, nextSchema);

  const now = clock.now();
  const settled = settleSubscriptions(nextSchema, before?.subscriptions ?? {}, after.subscriptions, {
    nowMs: now,
    sendsEmails: options.sendsDoubleOptInEmails ?? true,
    keepsWrittenTimes: !clientSide,
  });
  const account: Account = {
    ...after,
    subscriptions: settled.subscriptions,
    preferences: enrichPreferences(nextSchema, before?.preferences ?? {}, after.preferences, now),
  };
  saveAccount(context, before, account);
  if (account.email !== null) {
    for (const subscription of settled.confirmationEmails) {
      store.doubleOptInEmails.record({
        site: site.apiKey,
        uid: account.uid,
        email: account.email,
        subscription,
        token: randomBytes(24).toString('base64url'),
        sentMs: now,
      });
    }
  }
  return account;
}
