import { z } from 'zod';
import { GigyaError, type ValidationError } from '../protocol/errors.js';
import type { Params } from '../protocol/method.js';
import { objectParam } from '../protocol/params.js';
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

/** Reads and validates the object parameters of a write (profile, data, subscriptions, preferences). */
export function readPatch(params: Params, nowMs: number): AccountPatch {
  const patch: AccountPatch = {};
  const profile = objectParam(params, 'profile');
  if (profile !== undefined) patch.profile = validateProfile(profile, nowMs);
  const data = objectParam(params, 'data');
  if (data !== undefined) patch.data = data;
  const subscriptions = objectParam(params, 'subscriptions');
  if (subscriptions !== undefined) patch.subscriptions = validateSubscriptions(subscriptions, nowMs);
  const preferences = objectParam(params, 'preferences');
  if (preferences !== undefined) patch.preferences = preferences;
  return patch;
}
