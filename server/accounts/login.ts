import { GigyaError } from '../protocol/errors.js';
import type { GigyaMethod } from '../protocol/method.js';
import { requiredParam } from '../protocol/params.js';
import { saveAccount } from './accountWrites.js';
import { accountBase } from './accountView.js';
import { verifyPassword } from './passwords.js';
import { fullAccountByLoginId } from './register.js';
import { mintRegToken } from './regTokens.js';
import { sessionInfo } from './sessions.js';

/** accounts.login with loginID + password; a wrong password and an unknown loginID look the same (403042). */
export const login: GigyaMethod = {
  name: 'accounts.login',
  allowsClientSide: () => true,
  async handle(context) {
    const loginId = requiredParam(context.params, 'loginID');
    const password = requiredParam(context.params, 'password');
    const account = fullAccountByLoginId(context, loginId);
    if (!(await verifyPassword(password, account?.passwordHash ?? null)) || account === null) {
      throw GigyaError.invalidLoginId();
    }
    if (!account.isActive) throw new GigyaError(403041, 'Account disabled', 'Account disabled', 403);
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
          sessionInfo: sessionInfo(context.site, context.params),
        },
      };
    });
    if ('pendingToken' in outcome) throw GigyaError.accountPendingRegistration('Account Pending Registration', outcome.pendingToken);
    return outcome.result;
  },
};
