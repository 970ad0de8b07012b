import type { GigyaMethod } from '../protocol/method.js';
import { requiredParam } from '../protocol/params.js';
import { deleteAccount as removeAccount } from './accountWrites.js';
import { accountOfUid } from './regTokens.js';

/** accounts.deleteAccount: removes a lite or full account; its history stays readable. */
export const deleteAccount: GigyaMethod = {
  name: 'accounts.deleteAccount',
  allowsClientSide: () => false,
  handle(context) {
    const uid = requiredParam(context.params, 'UID');
    return context.store.write(() => {
      removeAccount(context, accountOfUid(context, uid));
      return {};
    });
  },
};
