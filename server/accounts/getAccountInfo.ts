import { GigyaError } from '../protocol/errors.js';
import type { GigyaMethod } from '../protocol/method.js';
import { listParam } from '../protocol/params.js';
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
export const getAccountInfo: GigyaMethod = {
  name: 'accounts.getAccountInfo',
  allowsClientSide: (params) => params.regToken !== undefined && params.UID === undefined,
  handle(context) {
    const { params } = context;
    const includes = listParam(params, 'include') ?? defaultIncludes;
    for (const name of includes) {
      if (!knownIncludes.has(name)) throw GigyaError.invalidParameter('include', `unknown value "${name}"`);
    }
    const extras = requestedExtras(listParam(params, 'extraProfileFields'));
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
};
