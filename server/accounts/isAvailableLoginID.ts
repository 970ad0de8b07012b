import type { GigyaMethod } from '../protocol/method.js';
import { requiredParam } from '../protocol/params.js';
import { fullAccountByLoginId } from './register.js';

/** accounts.isAvailableLoginID: lite accounts hold no loginID, so their emails stay available. */
export const isAvailableLoginID: GigyaMethod = {
  name: 'accounts.isAvailableLoginID',
  allowsClientSide: () => true,
  handle(context) {
    const loginId = requiredParam(context.params, 'loginID');
    return { isAvailable: fullAccountByLoginId(context, loginId) === null };
  },
};
