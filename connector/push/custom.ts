import { z } from 'zod';
import { extraProfileFieldsOf, gigyaProfileSchema } from '../gigya/profile.js';
import { findAccountsByEmail } from './accountLookup.js';
import { optInParams, type PushStrategy } from './context.js';
import { blanksToFill, isEmptyObject } from './fillBlanks.js';
import { registerLiteAccount } from './liteRegistration.js';
import { requireEmail } from './native.js';

const accountInfoSchema = z
  .object({ profile: gigyaProfileSchema.optional(), data: z.record(z.string(), z.unknown()).optional() })
  .loose();

/**
 * custom: the integration the seed recommends "to avoid" overwriting full accounts. Same lookup
 * as native, but a full account only gets its empty profile fields filled, plus the opt-in as
 * a subscription or a consent (settings.optInAs). Lite matches are not written: a new lite
 * account (with the opt-in) is created, as in the other set-ups.
 */
export const pushCustom: PushStrategy = async (context) => {
  const optIn = optInParams(context);
  if (context.progress.regToken !== undefined) return registerLiteAccount(context, optIn);
  let uid = context.progress.targetUid;
  if (uid === undefined) {
    const matches = await findAccountsByEmail(context.client, requireEmail(context.mapped.profile.email));
    if (matches.full === undefined) return registerLiteAccount(context, optIn);
    uid = matches.full.UID;
    context.record({ targetUid: uid });
  }

  const wantsData = !isEmptyObject(context.mapped.data);
  const info = accountInfoSchema.parse(
    await context.client.getAccountInfo({
      UID: uid,
      include: wantsData ? 'profile,data,subscriptions' : 'profile,subscriptions',
      // Without it phones, work and address read as blank and would be overwritten.
      extraProfileFields: extraProfileFieldsOf(context.mapped.profile),
    }),
  );
  const profile = blanksToFill(info.profile, context.mapped.profile);
  const data = wantsData ? blanksToFill(info.data, context.mapped.data) : {};
  if (isEmptyObject(profile) && isEmptyObject(data) && isEmptyObject(optIn)) {
    return { uid, callId: typeof info.callId === 'string' ? info.callId : undefined, action: 'nothingToFill' };
  }
  const response = await context.client.setAccountInfo({
    UID: uid,
    profile: isEmptyObject(profile) ? undefined : profile,
    data: isEmptyObject(data) ? undefined : data,
    subscriptions: optIn.subscriptions,
    preferences: optIn.preferences,
  });
  return { uid, callId: response.callId, action: 'blanksFilled' };
};
