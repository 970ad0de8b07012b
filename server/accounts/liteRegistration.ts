import { GigyaError } from '../protocol/errors.js';
import type { MethodContext } from '../protocol/method.js';
import type { Account } from '../store/accounts.js';
import type { RegToken } from '../store/regTokens.js';
import { saveUnderSchema, type SchemaWriteOptions } from '../schema/enforce.js';
import { applyFlags, applyPatch, newAccount, type AccountPatch } from './accountWrites.js';

/**
 * Writes a lite account: the heart of the Qualifio integration.
 *
 * A fresh lite regToken (or importLiteAccount) creates a lite account according to the
 * site's `liteAccounts` policy: `perSubmit` makes a NEW lite account every time, without
 * looking for an existing one (the Qualifio seed: "a Lite account will be created ... each
 * time a form is submitted, without checking whether the profile already exists");
 * `mergeByEmail` updates the lite account already holding that email (SAP's emailAccounts
 * documentation). A full account with the same email is never touched: the lite account
 * is created beside it. A regToken already bound to an account keeps writing that account,
 * so a client retrying the same setAccountInfo never makes a second account.
 */
export function writeLiteAccount(
  context: MethodContext,
  token: RegToken | null,
  patch: AccountPatch,
  flags: Partial<Account> = {},
  options: SchemaWriteOptions = {},
): Account {
  const { store, site, clock, ids } = context;
  const now = clock.now();
  let before: Account | null = null;

  if (token?.uid) {
    before = store.accounts.get(site.apiKey, token.uid);
    if (before === null) throw GigyaError.uidNotFound();
    if (before.kind !== 'lite') throw GigyaError.permissionDenied('A lite regToken can only write a lite account');
  } else {
    const email = patch.profile?.email;
    if (typeof email !== 'string') throw GigyaError.requiredValue('profile.email');
    if (site.policies.liteAccounts === 'mergeByEmail') {
      const lite = store.accounts.byEmail(site.apiKey, email).filter((account) => account.kind === 'lite');
      before = lite.sort((a, b) => b.lastUpdatedMs - a.lastUpdatedMs)[0] ?? null;
    }
  }

  const base = before ?? newAccount(site.apiKey, ids.uid(), 'lite', now);
  const merged = applyFlags(base, applyPatch(base, patch, now), flags, now);
  if (merged.email === null) throw GigyaError.requiredValue('profile.email');
  // No required field applies here: lite registration succeeds without them (SAP).
  const account = saveUnderSchema(context, before, merged, options);
  if (token && token.uid === null) store.regTokens.bindUid(token, account.uid);
  return account;
}
