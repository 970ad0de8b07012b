import { GigyaError } from '../protocol/errors.js';
import type { GigyaMethod } from '../protocol/method.js';
import { requiredParam } from '../protocol/params.js';
import { deleteAccount } from './accountWrites.js';

/** accounts.deleteLiteAccount: removes the lite accounts of an emailAccounts record (or the one UID given). */
export const deleteLiteAccount: GigyaMethod = {
  name: 'accounts.deleteLiteAccount',
  allowsClientSide: () => false,
  handle(context) {
    const token = requiredParam(context.params, 'emailAccountToken');
    const { store, site } = context;
    return store.write(() => {
      const record = store.emailAccounts.byToken(site.apiKey, token);
      if (record === null) throw GigyaError.invalidParameter('emailAccountToken', 'unknown emailAccountToken');
      const lite = store.accounts
        .byEmail(site.apiKey, record.email)
        .filter((account) => account.kind === 'lite' && (!context.params.UID || account.uid === context.params.UID));
      if (lite.length === 0) throw GigyaError.notFound('No lite account to delete');
      for (const account of lite) deleteAccount(context, account);
      return {};
    });
  },
};
