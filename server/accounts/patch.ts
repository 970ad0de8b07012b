import { z } from 'zod';
import { GigyaError, type ValidationError } from '../protocol/errors.js';
import { jsonObject, type JsonObject } from '../protocol/codecs.js';
import type { AccountPatch } from './accountWrites.js';
import { validateProfile } from './profile.js';

// subscriptions.<id>.email = {isSubscribed, tags, doubleOptIn...} (gigya-api.md §6.5)
const subscription = z
  .object({
    email: z
      .object({
        isSubscribed: z.boolean().optional(),
        tags: z.array(z.string()).nullable().optional(),
        lastUpdatedSubscriptionState: z.string().optional(),
        doubleOptIn: z.record(z.string(), z.unknown()).optional(),
      })
      .strict()
      .nullable(),
  })
  .strict()
  .nullable();

function validateSubscriptions(value: Record<string, unknown>, nowMs: number): Record<string, unknown> {
  const errors: ValidationError[] = [];
  const stamped: Record<string, unknown> = {};
  for (const [id, entry] of Object.entries(value)) {
    const result = subscription.safeParse(entry);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      const fieldName = ['subscriptions', id, ...issue.path.map(String)].join('.');
      errors.push({ errorCode: 400006, message: `Invalid ${fieldName}: ${issue.message}`, fieldName });
      continue;
    }
    const email = result.data?.email;
    // Gigya stamps the time a subscription's state was last written.
    stamped[id] =
      email && email.isSubscribed !== undefined
        ? { email: { ...email, lastUpdatedSubscriptionState: new Date(nowMs).toISOString() } }
        : result.data;
  }
  if (errors.length > 0) throw GigyaError.validation(errors);
  return stamped;
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
  if (params.subscriptions !== undefined) patch.subscriptions = validateSubscriptions(params.subscriptions, nowMs);
  if (params.preferences !== undefined) patch.preferences = params.preferences;
  return patch;
}
