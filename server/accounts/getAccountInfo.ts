import { z } from 'zod';
import { identifier, list } from '../protocol/codecs.js';
import { GigyaError } from '../protocol/errors.js';
import { gigyaMethod } from '../protocol/method.js';
import { accountBase, accountParts } from './accountView.js';
import { requestedExtras, visibleProfile } from './extraProfileFields.js';
import { accountOfToken, accountOfUid, resolveRegToken } from './regTokens.js';

/** include names Gigya documents; the ones the fake has no data for are accepted and return nothing. */
const knownIncludes = new Set([
  'identities-active',
  'identities-all',
  'identities-global',
  'loginIDs',
  'emails',
  'profile',
  'data',
  'password',
  'isLockedOut',
  'lastLoginLocation',
  'regSource',
  'irank',
  'rba',
  'subscriptions',
  'userInfo',
  'preferences',
  'internal',
  'customIdentifiers',
  'groups',
  'id_token',
  'communications',
  'all',
]);

// Unconfirmed default (gigya-api.md §5): HELP says profile,data.
const defaultIncludes = ['profile', 'data'];

/** accounts.getAccountInfo: by UID (server-side) or regToken (client-side); extra profile fields only on request. */
export const getAccountInfo = gigyaMethod({
  name: 'accounts.getAccountInfo',
  params: z.object({ include: list, extraProfileFields: list, UID: identifier, regToken: identifier }),
  allowsClientSide: (raw) => raw.regToken !== undefined && raw.UID === undefined,
  handle(context) {
    const { params } = context;
    const includes = params.include ?? defaultIncludes;
    for (const name of includes) {
      if (!knownIncludes.has(name)) throw GigyaError.invalidParameter('include', `unknown value "${name}"`);
    }
    const extras = requestedExtras(params.extraProfileFields);
    if (!params.UID && !params.regToken) throw GigyaError.missingParameter('UID');
    const account = params.UID
      ? accountOfUid(context, params.UID)
      : accountOfToken(context, resolveRegToken(context, params.regToken!));
    const parts = accountParts(account);
    parts.profile = visibleProfile(account.profile, extras);
    const result = accountBase(account);
    const all = includes.includes('all');
    for (const [name, value] of Object.entries(parts)) if (all || includes.includes(name)) result[name] = value;
    return result;
  },
});
