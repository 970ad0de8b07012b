import { GigyaError } from '../protocol/errors.js';
import { z } from 'zod';
import { identifier, required } from '../protocol/codecs.js';
import { gigyaMethod } from '../protocol/method.js';
import { deleteAccount } from './accountWrites.js';

/** accounts.deleteLiteAccount: removes the lite accounts of an emailAccounts record (or the one UID given). */
export const deleteLiteAccount = gigyaMethod({
  name: 'accounts.deleteLiteAccount',
  params: z.object({ emailAccountToken: required(identifier), UID: identifier }),
  allowsClientSide: () => false,
  handle(context) {
    const { store, site, params } = context;
    const token = params.emailAccountToken;
    return store.write(() => {
      const record = store.emailAccounts.byToken(site.apiKey, token);
      if (record === null) throw GigyaError.invalidParameter('emailAccountToken', 'unknown emailAccountToken');
      const lite = store.accounts
        .byEmail(site.apiKey, record.email)
        .filter((account) => account.kind === 'lite' && (!params.UID || account.uid === params.UID));
      if (lite.length === 0) throw GigyaError.notFound('No lite account to delete');
      for (const account of lite) deleteAccount(context, account);
      return {};
    });
  },
});
