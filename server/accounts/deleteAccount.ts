import { z } from 'zod';
import { identifier, required } from '../protocol/codecs.js';
import { gigyaMethod } from '../protocol/method.js';
import { deleteAccount as removeAccount } from './accountWrites.js';
import { accountOfUid } from './regTokens.js';

/** accounts.deleteAccount: removes a lite or full account; its history stays readable. */
export const deleteAccount = gigyaMethod({
  name: 'accounts.deleteAccount',
  params: z.object({ UID: required(identifier) }),
  allowsClientSide: () => false,
  handle(context) {
    const uid = context.params.UID;
    return context.store.write(() => {
      removeAccount(context, accountOfUid(context, uid));
      return {};
    });
  },
});
