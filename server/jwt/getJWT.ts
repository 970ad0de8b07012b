import { z } from 'zod';
import { identifier, integer, list, required } from '../protocol/codecs.js';
import { GigyaError } from '../protocol/errors.js';
import { gigyaMethod } from '../protocol/method.js';
import type { Account } from '../store/accounts.js';
import { keyRingOf } from './keyRing.js';
import { issuerOf, signJwt } from './signJwt.js';

/** GD: "If this parameter is not passed, the default is 300." */
const defaultExpirationSeconds = 300;

/**
 * accounts.getJWT (server-side): an id_token for targetUID, signed by the data center's key.
 * Claims: iss, apiKey, iat, exp, sub = UID, isLoggedIn, plus each requested field under the
 * name it was asked by ("firstName" or "profile.firstName" both give "firstName"; "data.x" stays "data.x").
 */
export const getJWT = gigyaMethod({
  name: 'accounts.getJWT',
  params: z.object({
    targetUID: required(identifier),
    expiration: integer(1, 31_536_000, 'seconds'),
    fields: list,
  }),
  allowsClientSide: () => false,
  async handle(context) {
    const { targetUID, expiration, fields } = context.params;
    const account = context.store.accounts.get(context.site.apiKey, targetUID);
    if (account === null) throw GigyaError.uidNotFound();
    const key = await keyRingOf(context.store, context.clock).current(context.site.dataCenter);
    const iat = Math.floor(context.clock.now() / 1000);
    const claims: Record<string, unknown> = {
      iss: issuerOf(context.site.apiKey),
      apiKey: context.site.apiKey,
      iat,
      exp: iat + (expiration ?? defaultExpirationSeconds),
      sub: account.uid,
      isLoggedIn: account.lastLoginMs !== null,
      ...fieldClaims(account, fields ?? []),
    };
    return { id_token: signJwt(key, claims) };
  },
});

function fieldClaims(account: Account, fields: readonly string[]): Record<string, unknown> {
  const claims: Record<string, unknown> = {};
  for (const field of fields) {
    const isData = field.startsWith('data.');
    const path = isData ? field.slice(5) : field.replace(/^profile\./, '');
    if (path === '') throw GigyaError.invalidParameter('fields', `'${field}' names no field`);
    const value = valueAt(isData ? account.data : account.profile, path.split('.'));
    if (value !== undefined) claims[isData ? field : path] = value;
  }
  return claims;
}

function valueAt(object: Record<string, unknown>, path: readonly string[]): unknown {
  let value: unknown = object;
  for (const name of path) {
    if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.hasOwn(value, name)) return undefined;
    value = (value as Record<string, unknown>)[name];
  }
  return value;
}
