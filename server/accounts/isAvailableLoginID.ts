import { z } from 'zod';
import { identifier, required } from '../protocol/codecs.js';
import { gigyaMethod } from '../protocol/method.js';
import { fullAccountByLoginId } from './register.js';

/** accounts.isAvailableLoginID: lite accounts hold no loginID, so their emails stay available. */
export const isAvailableLoginID = gigyaMethod({
  name: 'accounts.isAvailableLoginID',
  params: z.object({ loginID: required(identifier) }),
  allowsClientSide: () => true,
  handle(context) {
    return { isAvailable: fullAccountByLoginId(context, context.params.loginID) === null };
  },
});
