import { z } from 'zod';
import { emailAddress, identifier, integer } from '../protocol/codecs.js';
import { GigyaError } from '../protocol/errors.js';
import { gigyaMethod } from '../protocol/method.js';
import { mintRegToken } from './regTokens.js';

/**
 * accounts.getLiteToken: a token for a known lite user, usable as regToken in
 * setAccountInfo/getAccountInfo/register. It stands for the most recently updated lite
 * account of the email (perSubmit sites may hold several).
 */
export const getLiteToken = gigyaMethod({
  name: 'accounts.getLiteToken',
  params: z.object({ email: emailAddress, emailToken: identifier, sessionExpiration: integer(1, 86_400, 'seconds') }),
  allowsClientSide: () => false,
  handle(context) {
    const { params, store, site } = context;
    if (params.email && params.emailToken) throw GigyaError.invalidParameter('email', 'send either email or emailToken, not both');
    if (!params.email && !params.emailToken) throw GigyaError.missingParameter('email');
    const sessionExpiration = params.sessionExpiration ?? 3600;
    const email = params.email ?? store.emailAccounts.byToken(site.apiKey, params.emailToken!)?.email;
    if (email === undefined) throw GigyaError.invalidParameter('emailToken', 'unknown emailToken');
    const lite = store.accounts
      .byEmail(site.apiKey, email)
      .filter((account) => account.kind === 'lite')
      .sort((a, b) => b.lastUpdatedMs - a.lastUpdatedMs)[0];
    if (lite === undefined) throw GigyaError.loginIdDoesNotExist('No lite account has this email');
    return store.write(() => ({ token: mintRegToken(context, true, lite.uid, sessionExpiration * 1000).token }));
  },
});
