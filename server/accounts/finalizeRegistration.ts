import { GigyaError } from '../protocol/errors.js';
import { z } from 'zod';
import { identifier, required, text } from '../protocol/codecs.js';
import { gigyaMethod } from '../protocol/method.js';
import { missingFieldsDetails, missingRequiredFields } from '../schema/consent.js';
import { schemaOf } from '../schema/siteSchema.js';
import { saveAccount } from './accountWrites.js';
import { accountBase } from './accountView.js';
import { accountOfToken, mintRegToken, resolveRegToken } from './regTokens.js';
import { sessionInfo } from './sessions.js';

/** accounts.finalizeRegistration: completes a register made without finalizeRegistration=true. */
export const finalizeRegistration = gigyaMethod({
  name: 'accounts.finalizeRegistration',
  params: z.object({ regToken: required(identifier), targetEnv: text }),
  allowsClientSide: () => true,
  async handle(context) {
    const value = context.params.regToken;
    const outcome = await context.store.write(() => {
      const token = resolveRegToken(context, value);
      if (token.isLite) throw GigyaError.invalidParameter('regToken', 'a lite regToken has no registration to finalize');
      const before = accountOfToken(context, token);
      const missing = before.isRegistered ? [] : missingRequiredFields(schemaOf(context.store, context.site.apiKey), before);
      if (missing.length > 0) return { pending: missingFieldsDetails(missing), regToken: mintRegToken(context, false, before.uid).token };
      const now = context.clock.now();
      const after = before.isRegistered ? before : { ...before, isRegistered: true, registeredMs: now, lastUpdatedMs: now };
      if (after !== before) saveAccount(context, before, after);
      return {
        result: {
          ...accountBase(after),
          profile: after.profile,
          data: after.data,
          newUser: !before.isRegistered,
          sessionInfo: sessionInfo(context.site, context.params.targetEnv),
        },
      };
    });
    if (outcome.pending !== undefined) throw GigyaError.accountPendingRegistration(outcome.pending, outcome.regToken);
    return outcome.result;
  },
});
