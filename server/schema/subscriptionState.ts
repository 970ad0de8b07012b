import type { AccountSchema } from '../store/accountSchema.js';
import type { JsonObject } from '../store/accounts.js';
import { isObject } from './fieldPaths.js';

/** subscriptions.<id>.email as CDC returns it (gigya-api.md §6.5; SAP's Subscriptions Object). */
export interface SubscriptionState {
  isSubscribed: boolean;
  tags: string[] | null;
  lastUpdatedSubscriptionState: string | null;
  doubleOptIn: {
    emailSentTime: string | null;
    confirmTime: string | null;
    status: 'NotConfirmed' | 'Pending' | 'Confirmed';
    doiConditionallyConfirmed: boolean;
  };
}

export interface SettleOptions {
  nowMs: number;
  /** importLiteAccount sends no double opt-in email (SAP): its subscriptions stay NotConfirmed. */
  sendsEmails: boolean;
  /** A server-side write may set lastUpdatedSubscriptionState itself (importLiteAccount, gigya-api.md §5). */
  keepsWrittenTimes: boolean;
}

export interface SettledSubscriptions {
  subscriptions: JsonObject;
  /** The subscriptions whose confirmation email this write sends. */
  confirmationEmails: string[];
}

const notConfirmed = (): SubscriptionState['doubleOptIn'] => ({ emailSentTime: null, confirmTime: null, status: 'NotConfirmed', doiConditionallyConfirmed: false });

function stateOf(value: unknown): Partial<SubscriptionState> & { doubleOptIn?: Record<string, unknown> } {
  return isObject(value) && isObject(value.email) ? (value.email as Partial<SubscriptionState>) : {};
}

/**
 * Turns the subscriptions a write produced (merged as written) into CDC's stored shape. Only
 * the entries this write changed are looked at. isSubscribed changes at once, even when double
 * opt-in is pending (SAP); lastUpdatedSubscriptionState is the time it last changed; tags are
 * null when none were given. A subscription requiring double opt-in that becomes subscribed is
 * Pending with its email sent, or Confirmed at once when the write says it was verified
 * elsewhere (isExternallyVerified, or doiConditionallyConfirmed where the schema enables
 * conditional double opt-in); unsubscribing makes it NotConfirmed.
 */
export function settleSubscriptions(schema: AccountSchema, before: JsonObject, after: JsonObject, options: SettleOptions): SettledSubscriptions {
  const now = new Date(options.nowMs).toISOString();
  const subscriptions: JsonObject = { ...after };
  const confirmationEmails: string[] = [];
  for (const [id, value] of Object.entries(after)) {
    if (JSON.stringify(value) === JSON.stringify(before[id])) continue;
    if (!isObject(value) || !isObject(value.email)) continue;
    const previous = stateOf(before[id]);
    const written = stateOf(value);
    const wasSubscribed = previous.isSubscribed ?? false;
    const isSubscribed = written.isSubscribed ?? false;
    const flags: Record<string, unknown> = isObject(written.doubleOptIn) ? written.doubleOptIn : {};
    const settings = schema.subscriptionsSchema.fields[id]?.email;
    const previousDoi = isObject(previous.doubleOptIn) && typeof previous.doubleOptIn.status === 'string' ? (previous.doubleOptIn as SubscriptionState['doubleOptIn']) : notConfirmed();

    let doubleOptIn = { ...notConfirmed(), emailSentTime: previousDoi.emailSentTime ?? null };
    if (isSubscribed && settings?.doubleOptIn) {
      const verifiedElsewhere = flags.isExternallyVerified === true || (flags.doiConditionallyConfirmed === true && settings.enableConditionalDoubleOptIn);
      if (wasSubscribed && previousDoi.status !== 'NotConfirmed') doubleOptIn = previousDoi;
      else if (verifiedElsewhere) doubleOptIn = { ...doubleOptIn, status: 'Confirmed', confirmTime: now, doiConditionallyConfirmed: true };
      else if (options.sendsEmails) {
        doubleOptIn = { ...doubleOptIn, status: 'Pending', emailSentTime: now };
        confirmationEmails.push(id);
      }
    }
    const changed = isSubscribed !== wasSubscribed || typeof previous.lastUpdatedSubscriptionState !== 'string';
    const writtenTime = options.keepsWrittenTimes && typeof written.lastUpdatedSubscriptionState === 'string' && written.lastUpdatedSubscriptionState !== previous.lastUpdatedSubscriptionState;
    const state: SubscriptionState = {
      isSubscribed,
      tags: Array.isArray(written.tags) ? written.tags : null,
      lastUpdatedSubscriptionState: writtenTime ? written.lastUpdatedSubscriptionState! : changed ? now : previous.lastUpdatedSubscriptionState!,
      doubleOptIn,
    };
    subscriptions[id] = { ...value, email: state };
  }
  return { subscriptions, confirmationEmails };
}
