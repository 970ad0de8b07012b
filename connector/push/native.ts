import { findAccountsByEmail } from './accountLookup.js';
import { dataParam, type PushStrategy } from './context.js';
import { registerLiteAccount } from './liteRegistration.js';

/**
 * liteAndSsoNative: "The identity matching will be done with the participant's email address
 * and the latest data will be pushed to overwrite the existing data, which means that a fully
 * registered account could be overwritten by a Lite account" (the seed). A full match is
 * preferred over lite ones; no match → a lite registration. No opt-ins.
 */
export const pushNative: PushStrategy = async (context) => {
  if (context.progress.regToken !== undefined) return registerLiteAccount(context);
  let uid = context.progress.targetUid;
  if (uid === undefined) {
    const matches = await findAccountsByEmail(context.client, requireEmail(context.mapped.profile.email));
    uid = (matches.full ?? matches.lite)?.UID;
    if (uid === undefined) return registerLiteAccount(context);
    context.record({ targetUid: uid });
  }
  const response = await context.client.setAccountInfo({ UID: uid, profile: context.mapped.profile, data: dataParam(context) });
  return { uid, callId: response.callId, action: 'accountOverwritten' };
};

export function requireEmail(email: string | undefined): string {
  if (email === undefined) throw new Error('identity matching needs the participant email (profile.email)');
  return email;
}
