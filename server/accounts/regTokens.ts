import { GigyaError } from '../protocol/errors.js';
import type { MethodContext } from '../protocol/method.js';
import type { Account } from '../store/accounts.js';
import type { RegToken } from '../store/regTokens.js';

/** regTokens live one hour (gigya-api.md §5 initRegistration). */
export const regTokenLifetimeMs = 60 * 60 * 1000;

export function mintRegToken(context: MethodContext, isLite: boolean, uid: string | null, lifetimeMs = regTokenLifetimeMs): RegToken {
  const token: RegToken = {
    token: context.ids.regToken(),
    site: context.site.apiKey,
    isLite,
    uid,
    expiresMs: context.clock.now() + lifetimeMs,
  };
  context.store.regTokens.save(token);
  context.store.regTokens.sweep(context.clock.now());
  return token;
}

/** A regToken of this site that has not expired; another site's token is as unknown as a made-up one. */
export function resolveRegToken(context: MethodContext, value: string): RegToken {
  const token = context.store.regTokens.get(context.site.apiKey, value);
  if (token === null) throw GigyaError.invalidParameter('regToken', 'unknown regToken');
  if (token.expiresMs <= context.clock.now()) throw GigyaError.invalidParameter('regToken', 'regToken has expired');
  return token;
}

/** The account a bound regToken stands for. */
export function accountOfToken(context: MethodContext, token: RegToken): Account {
  if (token.uid === null) {
    throw GigyaError.invalidParameter('regToken', 'this regToken is not bound to an account yet');
  }
  const account = context.store.accounts.get(context.site.apiKey, token.uid);
  if (account === null) throw GigyaError.uidNotFound();
  return account;
}

export function accountOfUid(context: MethodContext, uid: string): Account {
  const account = context.store.accounts.get(context.site.apiKey, uid);
  if (account === null) throw GigyaError.uidNotFound();
  return account;
}
