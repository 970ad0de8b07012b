import { GigyaError } from '../protocol/errors.js';
import { z } from 'zod';
import { identifier, required, text } from '../protocol/codecs.js';
import { gigyaMethod } from '../protocol/method.js';
import { saveAccount } from './accountWrites.js';
import { accountBase } from './accountView.js';
import { verifyPassword } from './passwords.js';
import { fullAccountByLoginId } from './register.js';
import { mintRegToken } from './regTokens.js';
import { sessionInfo } from './sessions.js';

/** accounts.login with loginID + password; a wrong password and an unknown loginID look the same (403042). */
export const login = gigyaMethod({
  name: 'accounts.login',
  params: z.object({ loginID: required(identifier), password: required(text), targetEnv: text }),
  allowsClientSide: () => true,
  async handle(context) {
    const { loginID: loginId, password } = context.params;
    const account = fullAccountByLoginId(context, loginId);
    if (!(await verifyPassword(password, account?.passwordHash ?? null)) || account === null) {
      throw GigyaError.invalidLoginId();
    }
    if (!account.isActive) throw GigyaError.accountDisabled();
    const outcome = await context.store.write((): { pendingToken: string } | { result: Record<string, unknown> } => {
      // The token must be committed with the error, so it is minted here and thrown after.
      if (!account.isRegistered) return { pendingToken: mintRegToken(context, false, account.uid).token };
      const now = context.clock.now();
      const current = context.store.accounts.get(account.site, account.uid) ?? account;
      const after = { ...current, lastLoginMs: now };
      saveAccount(context, current, after);
      return {
        result: {
          ...accountBase(after),
          profile: after.profile,
          data: after.data,
          isNewUser: false,
          sessionInfo: sessionInfo(context.site, context.params.targetEnv),
        },
      };
    });
    if ('pendingToken' in outcome) throw GigyaError.accountPendingRegistration('Account Pending Registration', outcome.pendingToken);
    return outcome.result;
  },
});
