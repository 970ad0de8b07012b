import { GigyaApiError } from '../gigya/errors.js';
import { dataParam, requireUid, type OptInParams, type PushContext, type PushOutcome } from './context.js';

/**
 * Answers to a setAccountInfo whose stored regToken Gigya no longer accepts: 400006 "Invalid
 * parameter value" (unknown or expired regToken, what the fake answers) and 403005
 * "Unauthorized user".
 */
const regTokenRejectedCodes = new Set([400006, 403005]);

/**
 * initRegistration(isLite=true) then setAccountInfo(regToken, profile): a new lite account.
 * The regToken is stored before it is used, so a retry after a failed or unanswered
 * setAccountInfo writes with the same token (Gigya binds it to the account it created) and
 * never makes a second lite account. A token Gigya refuses (expired after 1 h) is dropped and
 * the registration starts over once: see docs/mapping.md, "Retries and regTokens".
 */
export async function registerLiteAccount(
  context: PushContext,
  extra: OptInParams = {},
): Promise<PushOutcome> {
  const write = async (regToken: string): Promise<PushOutcome> => {
    const response = await context.client.setAccountInfo({
      regToken,
      profile: context.mapped.profile,
      data: dataParam(context),
      subscriptions: extra.subscriptions,
      preferences: extra.preferences,
    });
    return { uid: requireUid(response, 'accounts.setAccountInfo'), callId: response.callId, action: 'liteAccountCreated' };
  };

  const stored = context.progress.regToken;
  if (stored !== undefined) {
    try {
      return await write(stored);
    } catch (error) {
      if (!(error instanceof GigyaApiError && regTokenRejectedCodes.has(error.errorCode) && mentionsRegToken(error))) throw error;
      context.record({ regToken: undefined });
    }
  }
  const init = await context.client.initRegistration({ isLite: true });
  if (typeof init.regToken !== 'string') throw new Error(`Gigya accounts.initRegistration answered without a regToken (callId ${init.callId ?? 'none'})`);
  context.record({ regToken: init.regToken });
  return write(init.regToken);
}

function mentionsRegToken(error: GigyaApiError): boolean {
  return error.errorCode === 403005 || /regToken/i.test(`${error.errorDetails ?? ''} ${error.errorMessage ?? ''}`);
}
