import { z } from 'zod';
import { GigyaError } from '../protocol/errors.js';
import type { GigyaMethod } from '../protocol/method.js';
import { mintRegToken } from './regTokens.js';

const sessionExpiration = z.coerce.number().int().min(1).max(86_400);

/**
 * accounts.getLiteToken: a token for a known lite user, usable as regToken in
 * setAccountInfo/getAccountInfo/register. It stands for the most recently updated lite
 * account of the email (perSubmit sites may hold several).
 */
export const getLiteToken: GigyaMethod = {
  name: 'accounts.getLiteToken',
  allowsClientSide: () => false,
  handle(context) {
    const { params, store, site } = context;
    if (params.email && params.emailToken) throw GigyaError.invalidParameter('email', 'send either email or emailToken, not both');
    if (!params.email && !params.emailToken) throw GigyaError.missingParameter('email');
    const parsed = sessionExpiration.safeParse(params.sessionExpiration ?? 3600);
    if (!parsed.success) throw GigyaError.invalidParameter('sessionExpiration', 'must be 1 to 86400 seconds');
    const email = params.email ?? store.emailAccounts.byToken(site.apiKey, params.emailToken!)?.email;
    if (email === undefined) throw GigyaError.invalidParameter('emailToken', 'unknown emailToken');
    const lite = store.accounts
      .byEmail(site.apiKey, email)
      .filter((account) => account.kind === 'lite')
      .sort((a, b) => b.lastUpdatedMs - a.lastUpdatedMs)[0];
    if (lite === undefined) throw new GigyaError(403047, 'Login ID does not exist', 'No lite account has this email', 403);
    return store.write(() => ({ token: mintRegToken(context, true, lite.uid, parsed.data * 1000).token }));
  },
};
