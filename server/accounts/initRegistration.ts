import type { GigyaMethod } from '../protocol/method.js';
import { booleanParam } from '../protocol/params.js';
import { mintRegToken } from './regTokens.js';

/** accounts.initRegistration: a regToken valid one hour; with isLite=true it can only make a lite account. */
export const initRegistration: GigyaMethod = {
  name: 'accounts.initRegistration',
  allowsClientSide: () => true,
  handle(context) {
    const isLite = booleanParam(context.params, 'isLite') ?? false;
    return context.store.write(() => ({ regToken: mintRegToken(context, isLite, null).token }));
  },
};
