import { z } from 'zod';
import { GigyaError, type ValidationError } from '../protocol/errors.js';
import { jsonObject, type JsonObject } from '../protocol/codecs.js';
import type { AccountPatch } from './accountWrites.js';
import { validateProfile } from './profile.js';

// subscriptions.<id>.email: what a write may set (gigya-api.md §5, §6.5). The rest of CDC's
// shape (doubleOptIn.status and times) is the server's: server/schema/subscriptionState.ts.
const subscription = z
  .object({
    email: z
      .object({
        isSubscribed: z.boolean().optional(),
        tags: z.array(z.string().max(100)).max(100).nullable().optional(),
        lastUpdatedSubscriptionState: z.iso.datetime().optional(),
        doubleOptIn: z
          .object({ doiConditionallyConfirmed: z.boolean().optional(), isExternallyVerified: z.boolean().optional() })
          .strict()
          .optional(),
      })
      .strict()
      .nullable(),
  })
  .strict()
  .nullable();

function validateSubscriptions(value: Record<string, unknown>): Record<string, unknown> {
  const errors: ValidationError[] = [];
  const checked: Record<string, unknown> = {};
  for (const [id, entry] of Object.entries(value)) {
    const result = subscription.safeParse(entry);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      const fieldName = ['subscriptions', id, ...issue.path.map(String)].join('.');
      errors.push({ errorCode: 400006, message: `Invalid ${fieldName}: ${issue.message}`, fieldName });
      continue;
    }
    checked[id] = result.data;
  }
  if (errors.length > 0) throw GigyaError.validation(errors);
  return checked;
}

/** The object parameters of a write, as codecs: spread into a method's params schema. */
export const patchParams = {
  profile: jsonObject,
  data: jsonObject,
  subscriptions: jsonObject,
  preferences: jsonObject,
};

export interface PatchParams {
  profile?: JsonObject | undefined;
  data?: JsonObject | undefined;
  subscriptions?: JsonObject | undefined;
  preferences?: JsonObject | undefined;
}

/** Validates the object parameters of a write against Gigya's rules for each part. */
export function readPatch(params: PatchParams, nowMs: number): AccountPatch {
  const patch: AccountPatch = {};
  if (params.profile !== undefined) patch.profile = validateProfile(params.profile, nowMs);
  if (params.data !== undefined) patch.data = params.data;
  if (params.subscriptions !== undefined) patch.subscriptions = validateSubscriptions(params.subscriptions);
  if (params.preferences !== undefined) patch.preferences = params.preferences;
  return patch;
}
