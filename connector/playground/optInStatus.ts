import type { GigyaResponse } from '../gigya/client.js';
import { gigyaClientFor } from '../gigya/clientFor.js';
import { isTicked } from '../mapping.js';
import type { Participation } from '../participations/participation.js';
import { isEnabled, type IntegrationSettings } from '../settings/integration.js';
import { redactText } from '../settings/redact.js';

/** What Gigya holds now for one pushed opt-in, in the words the table shows. */
export interface OptInReading {
  /** `subscription newsletter` or `consent marketing.newsletter`. */
  item: string;
  /** `subscribed`, `not subscribed`, `granted`, `not granted`, or why it could not be read. */
  state: string;
  /** CDC's doubleOptIn.status for a subscription (NotConfirmed, Pending, Confirmed). */
  doubleOptIn?: string;
  tone: 'confirmed' | 'pending' | 'unknown';
}

/**
 * Participations read back per page: every reading is one accounts.getAccountInfo, so the
 * page stays bounded however long the campaign's list grows.
 */
export const maxReadBack = 20;
/** The page waits at most this long for Gigya; a slow answer shows as unread rather than a hung page. */
const readTimeoutMs = 3_000;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The custom set-up is the only one that sends an opt-in, and only for a ticked box. */
export function pushedAnOptIn(participation: Participation): boolean {
  return participation.status === 'succeeded' && participation.setup === 'custom' && participation.uid !== null && isTicked(participation.crmValues.optin);
}

function subscriptionReading(account: GigyaResponse, subscriptionId: string): OptInReading | undefined {
  const entry = isObject(account.subscriptions) ? account.subscriptions[subscriptionId] : undefined;
  const email = isObject(entry) && isObject(entry.email) ? entry.email : undefined;
  if (email === undefined) return undefined;
  const status = isObject(email.doubleOptIn) && typeof email.doubleOptIn.status === 'string' ? email.doubleOptIn.status : undefined;
  const subscribed = email.isSubscribed === true;
  const tone = !subscribed ? 'unknown' : status === 'Pending' ? 'pending' : 'confirmed';
  return { item: `subscription ${subscriptionId}`, state: subscribed ? 'subscribed' : 'not subscribed', ...(status !== undefined && { doubleOptIn: status }), tone };
}

function consentReading(account: GigyaResponse, statementId: string): OptInReading | undefined {
  let entry: unknown = account.preferences;
  for (const key of statementId.split('.')) entry = isObject(entry) ? entry[key] : undefined;
  if (!isObject(entry) || typeof entry.isConsentGranted !== 'boolean') return undefined;
  return { item: `consent ${statementId}`, state: entry.isConsentGranted ? 'granted' : 'not granted', tone: entry.isConsentGranted ? 'confirmed' : 'unknown' };
}

/**
 * The opt-ins the account holds now, read from Gigya with the connector's own client
 * (getAccountInfo, include=subscriptions,preferences). Read back rather than recorded at push
 * time: the double opt-in status moves on after the push (Pending until the participant
 * confirms the email), and Gigya is the record a CRM or the site's team trusts. Both the
 * configured subscription and consent statement are looked up, so a push made before the
 * settings changed still shows what it wrote.
 */
export function readingsOf(account: GigyaResponse, settings: Pick<IntegrationSettings, 'subscriptionId' | 'consentStatementId'>): OptInReading[] {
  const readings = [subscriptionReading(account, settings.subscriptionId), consentReading(account, settings.consentStatementId)].filter(
    (reading): reading is OptInReading => reading !== undefined,
  );
  return readings.length > 0 ? readings : [{ item: 'opt-in', state: 'none in Gigya', tone: 'unknown' }];
}

export interface ReadOptInsOptions {
  fetch?: typeof fetch;
  clock?: () => number;
}

/** Readings for the newest participations that pushed an opt-in, keyed by participation id; one read per account. */
export async function readOptIns(participations: Participation[], settings: IntegrationSettings | null, options: ReadOptInsOptions = {}): Promise<Map<string, OptInReading[]>> {
  const readings = new Map<string, OptInReading[]>();
  if (settings === null || !isEnabled(settings)) return readings;
  const shown = participations.filter(pushedAnOptIn).slice(0, maxReadBack);
  if (shown.length === 0) return readings;
  const client = gigyaClientFor(settings, {
    timeoutMs: Math.min(settings.timeoutMs, readTimeoutMs),
    retry: { ...settings.retry, maxAttempts: 1 },
    fetch: options.fetch,
    clock: options.clock,
  });
  const secret = settings.secret.reveal();
  const byUid = new Map<string, Promise<OptInReading[]>>();
  for (const participation of shown) {
    const uid = participation.uid!;
    if (!byUid.has(uid)) {
      byUid.set(
        uid,
        client.getAccountInfo({ UID: uid, include: 'subscriptions,preferences' }).then(
          (account) => readingsOf(account, settings),
          (error: unknown) => [{ item: 'opt-in', state: `not read: ${redactText(error instanceof Error ? error.message : String(error), [secret])}`, tone: 'unknown' as const }],
        ),
      );
    }
  }
  for (const participation of shown) readings.set(participation.id, await byUid.get(participation.uid!)!);
  return readings;
}

/** One reading as a sentence: `subscription newsletter: subscribed, double opt-in Pending`. */
export function readingInWords(reading: OptInReading): string {
  const doubleOptIn = reading.doubleOptIn === undefined ? '' : `, double opt-in ${reading.doubleOptIn}`;
  return `${reading.item}: ${reading.state}${doubleOptIn}`;
}
