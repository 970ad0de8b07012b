import type { GigyaClient, GigyaResponse } from '../gigya/client.js';
import type { MappedParticipation } from '../mapping.js';
import type { OptInAs } from '../settings/integration.js';

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
  /** How an opt-in is recorded; a subscription when not said. */
  optInAs?: OptInAs;
  /** Consent statement an opt-in grants when optInAs is consent. */
  consentStatementId?: string;
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

/** The params an opt-in adds to a write; none without an opt-in. */
export interface OptInParams {
  subscriptions?: Record<string, unknown>;
  preferences?: Record<string, unknown>;
}

/**
 * An opt-in in CDC's shape (gigya-api.md §6.5): a subscription `{"<id>":{"email":{"isSubscribed":true}}}`,
 * or a consent `{"<id>":{"isConsentGranted":true}}` with a dotted id nested (`terms.marketing` →
 * `{"terms":{"marketing":{…}}}`). CDC stamps the rest (document version, times, double opt-in status).
 */
export function optInParams(context: PushContext): OptInParams {
  if (!context.mapped.optIn) return {};
  if (context.optInAs === 'consent') {
    const path = (context.consentStatementId ?? 'marketing.newsletter').split('.');
    const preferences = path.reduceRight<Record<string, unknown>>((inner, key) => ({ [key]: inner }), { isConsentGranted: true });
    return { preferences };
  }
  return { subscriptions: { [context.subscriptionId]: { email: { isSubscribed: true } } } };
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
