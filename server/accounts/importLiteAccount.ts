import { z } from 'zod';
import { emailAddress, required } from '../protocol/codecs.js';
import { gigyaMethod } from '../protocol/method.js';
import { writeLiteAccount } from './liteRegistration.js';
import { patchParams, readPatch } from './patch.js';
import { validateProfile } from './profile.js';

/** accounts.importLiteAccount: a server-side lite write, by the same rules as a lite setAccountInfo. */
export const importLiteAccount = gigyaMethod({
  name: 'accounts.importLiteAccount',
  params: z.object({ email: required(emailAddress), ...patchParams }),
  allowsClientSide: () => false,
  handle(context) {
    const email = context.params.email;
    const now = context.clock.now();
    validateProfile({ email }, now);
    const patch = readPatch(context.params, now);
    patch.profile = { ...patch.profile, email };
    return context.store.write(() => {
      // "No double opt-in emails are sent" by an import (SAP).
      writeLiteAccount(context, null, patch, {}, { sendsDoubleOptInEmails: false });
      return {};
    });
  },
});
