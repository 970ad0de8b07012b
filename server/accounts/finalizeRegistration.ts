import { GigyaError } from '../protocol/errors.js';
import { z } from 'zod';
import { identifier, required, text } from '../protocol/codecs.js';
import { gigyaMethod } from '../protocol/method.js';
import { saveAccount } from './accountWrites.js';
import { accountBase } from './accountView.js';
import { accountOfToken, resolveRegToken } from './regTokens.js';
import { sessionInfo } from './sessions.js';

/** accounts.finalizeRegistration: completes a register made without finalizeRegistration=true. */
export const finalizeRegistration = gigyaMethod({
  name: 'accounts.finalizeRegistration',
  params: z.object({ regToken: required(identifier), targetEnv: text }),
  allowsClientSide: () => true,
  handle(context) {
    const value = context.params.regToken;
    return context.store.write(() => {
      const token = resolveRegToken(context, value);
      if (token.isLite) throw GigyaError.invalidParameter('regToken', 'a lite regToken has no registration to finalize');
      const before = accountOfToken(context, token);
      const now = context.clock.now();
      const after = before.isRegistered ? before : { ...before, isRegistered: true, registeredMs: now, lastUpdatedMs: now };
      if (after !== before) saveAccount(context, before, after);
      return {
        ...accountBase(after),
        profile: after.profile,
        data: after.data,
        newUser: !before.isRegistered,
        sessionInfo: sessionInfo(context.site, context.params.targetEnv),
      };
    });
  },
});
