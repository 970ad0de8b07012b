import type { GigyaClient, GigyaResponse } from '../gigya/client.js';
import type { MappedParticipation } from '../mapping.js';

/**
 * What a push has achieved so far, saved after every step so that a retry resumes instead of
 * starting over: a stored regToken means "the lite registration is under way, reuse it";
 * a stored targetUid means "the matched account is known, write it".
 */
export interface PushProgress {
  regToken?: string | undefined;
  targetUid?: string | undefined;
}

export interface PushContext {
  client: GigyaClient;
  mapped: MappedParticipation;
  /** Subscription an opt-in writes (custom set-up). */
  subscriptionId: string;
  progress: PushProgress;
  /** Persists a step at once (synchronously) and updates `progress`. */
  record(step: PushProgress): void;
}

/** What the push did to Gigya, in the seed's words. */
export type PushAction = 'liteAccountCreated' | 'accountOverwritten' | 'blanksFilled' | 'nothingToFill';

export interface PushOutcome {
  uid: string;
  callId: string | undefined;
  action: PushAction;
}

export type PushStrategy = (context: PushContext) => Promise<PushOutcome>;

/** The subscriptions parameter for an opt-in: `{"<id>":{"email":{"isSubscribed":true}}}` (gigya-api.md §6.5). */
export function optInSubscriptions(context: PushContext): Record<string, unknown> | undefined {
  if (!context.mapped.optIn) return undefined;
  return { [context.subscriptionId]: { email: { isSubscribed: true } } };
}

/** data is sent only when mapping overrides produced some. */
export function dataParam(context: PushContext): Record<string, unknown> | undefined {
  return Object.keys(context.mapped.data).length > 0 ? context.mapped.data : undefined;
}

export function requireUid(response: GigyaResponse, method: string): string {
  if (typeof response.UID !== 'string' || response.UID === '') {
    throw new Error(`Gigya ${method} answered without a UID (callId ${response.callId ?? 'none'})`);
  }
  return response.UID;
}
