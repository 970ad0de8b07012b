import type { GigyaMethod } from '../protocol/method.js';
import { requiredParam } from '../protocol/params.js';
import { writeLiteAccount } from './liteRegistration.js';
import { readPatch } from './patch.js';
import { validateProfile } from './profile.js';

/** accounts.importLiteAccount: a server-side lite write, by the same rules as a lite setAccountInfo. */
export const importLiteAccount: GigyaMethod = {
  name: 'accounts.importLiteAccount',
  allowsClientSide: () => false,
  handle(context) {
    const email = requiredParam(context.params, 'email');
    const now = context.clock.now();
    validateProfile({ email }, now);
    const patch = readPatch(context.params, now);
    patch.profile = { ...patch.profile, email };
    return context.store.write(() => {
      writeLiteAccount(context, null, patch);
      return {};
    });
  },
};
