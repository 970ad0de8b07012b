import { z } from 'zod';
import { boolean } from '../protocol/codecs.js';
import { gigyaMethod } from '../protocol/method.js';
import { mintRegToken } from './regTokens.js';

/** accounts.initRegistration: a regToken valid one hour; with isLite=true it can only make a lite account. */
export const initRegistration = gigyaMethod({
  name: 'accounts.initRegistration',
  params: z.object({ isLite: boolean }),
  allowsClientSide: () => true,
  handle(context) {
    const isLite = context.params.isLite ?? false;
    return context.store.write(() => ({ regToken: mintRegToken(context, isLite, null).token }));
  },
});
