// The custom set-up's opt-in, played twice: as a newsletter requiring double opt-in, and as a consent statement.
import { openStage, outcomeOf, type ScenarioResult, type Stage } from './stage.js';

/** One moment of the story and the opt-in as Gigya answers it then (getAccountInfo). */
export interface OptInMoment {
  moment: string;
  reading: string;
}

export interface OptInStory {
  /** The site's set-up the story needs, in words. */
  site: string;
  moments: OptInMoment[];
}

export type OptInScenarioResult = ScenarioResult & { optIn: OptInStory; uid: string };

const email = 'jane.doe@example.com';
const participant = { email, firstname: 'Jane', lastname: 'Doe', optin: true };

async function admin(stage: Stage, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${stage.fake.baseUrl}/__admin/sites/${encodeURIComponent(stage.fake.site.apiKey)}${path}`, {
    method,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} /__admin/sites/…${path} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The subscription as Gigya returns it, in the report's words: `subscribed, double opt-in Pending`. */
export function subscriptionInWords(subscriptions: unknown, id: string): string {
  const entry = isObject(subscriptions) && isObject(subscriptions[id]) ? subscriptions[id].email : undefined;
  if (!isObject(entry)) return `${id}: none`;
  const doubleOptIn = isObject(entry.doubleOptIn) ? entry.doubleOptIn : {};
  const confirmed = typeof doubleOptIn.confirmTime === 'string' ? ` (confirmed ${doubleOptIn.confirmTime})` : '';
  return `${id}: ${entry.isSubscribed === true ? 'subscribed' : 'not subscribed'}, double opt-in ${String(doubleOptIn.status)}${confirmed}`;
}

/** The consent as Gigya returns it: `granted, document version 2, lang en`. */
export function consentInWords(preferences: unknown, id: string): string {
  let entry: unknown = preferences;
  for (const key of id.split('.')) entry = isObject(entry) ? entry[key] : undefined;
  if (!isObject(entry)) return `${id}: none`;
  const version = entry.docVersion === undefined ? '' : `, document version ${String(entry.docVersion)}`;
  return `${id}: ${entry.isConsentGranted === true ? 'granted' : 'not granted'}${version}, lang ${String(entry.lang)}, last modified ${String(entry.lastConsentModified)}`;
}

async function readOptIn(stage: Stage, uid: string): Promise<Record<string, unknown>> {
  return stage.gigya.getAccountInfo({ UID: uid, include: 'subscriptions,preferences' });
}

/**
 * (5) Custom integration, the opt-in as a newsletter the site confirms by email: subscribed at
 * once, Pending until the participant follows the link (taken here from the fake's outbox), then Confirmed.
 */
export async function runDoubleOptInScenario(): Promise<OptInScenarioResult> {
  const stage = await openStage('custom');
  try {
    await admin(stage, 'PATCH', '/schema', { subscriptionsSchema: { fields: { newsletter: { email: { doubleOptIn: true } } } } });
    const before = await stage.accountsWithEmail(email);
    const participation = await stage.submit(participant);
    const uid = participation.uid ?? '';
    const afterSubmission = await readOptIn(stage, uid);
    const outbox = (await admin(stage, 'GET', '/outbox')) as { emails: Array<{ to: string; confirmUrl: string }> };
    const sent = outbox.emails.find((captured) => captured.to === email);
    const moments: OptInMoment[] = [
      { moment: 'after the submission', reading: subscriptionInWords(afterSubmission.subscriptions, 'newsletter') },
      { moment: "confirmation emails in the fake's outbox", reading: String(outbox.emails.length) },
    ];
    if (sent !== undefined) {
      const token = sent.confirmUrl.slice(sent.confirmUrl.lastIndexOf('/') + 1);
      await admin(stage, 'POST', `/outbox/confirm/${token}`, {});
      moments.push({ moment: 'after the participant follows the link', reading: subscriptionInWords((await readOptIn(stage, uid)).subscriptions, 'newsletter') });
    }
    const after = await stage.accountsWithEmail(email);
    return {
      title: 'Custom integration: the opt-in as a newsletter with double opt-in',
      setup: 'custom',
      narrative: [
        "The site's newsletter subscription requires double opt-in (accounts.setSchema: doubleOptIn true).",
        'A new participant, Jane Doe, ticks the newsletter opt-in: the connector creates her lite account with the subscription.',
        'Gigya subscribes her at once and sends a confirmation email (the fake captures it); the status stays Pending until she confirms.',
      ],
      before,
      after,
      participations: [outcomeOf(participation)],
      uid,
      optIn: { site: 'newsletter: double opt-in required', moments },
    };
  } finally {
    await stage.close();
  }
}

/** (6) Custom integration, the opt-in as a consent statement: Gigya stamps the version in force, the language and the time. */
export async function runConsentScenario(): Promise<OptInScenarioResult> {
  const statementId = 'marketing.newsletter';
  const stage = await openStage('custom', { optInAs: 'consent', consentStatementId: statementId });
  try {
    await admin(stage, 'PUT', `/consent-statements/${statementId}`, { required: false, currentDocVersion: 2 });
    const before = await stage.accountsWithEmail(email);
    const participation = await stage.submit(participant);
    const uid = participation.uid ?? '';
    const account = await readOptIn(stage, uid);
    const after = await stage.accountsWithEmail(email);
    return {
      title: 'Custom integration: the opt-in as a consent statement',
      setup: 'custom',
      narrative: [
        `The site declares an optional consent statement ${statementId} (document version 2); the connector's setting optInAs is "consent".`,
        'A new participant, Jane Doe, ticks the opt-in: the connector sends only isConsentGranted: true in her lite account\'s preferences.',
        'Gigya stores the consent as it does for any client: the version in force, the language and the time it changed.',
      ],
      before,
      after,
      participations: [outcomeOf(participation)],
      uid,
      optIn: {
        site: `consent statement ${statementId}, version 2, optional`,
        moments: [
          { moment: 'after the submission', reading: consentInWords(account.preferences, statementId) },
          { moment: 'subscriptions written', reading: Object.keys(isObject(account.subscriptions) ? account.subscriptions : {}).join(', ') || 'none' },
        ],
      },
    };
  } finally {
    await stage.close();
  }
}

/** The report's lines for an opt-in story. */
export function optInLines(story: OptInStory): string[] {
  const width = Math.max(...story.moments.map((moment) => moment.moment.length));
  return [
    `  The opt-in as Gigya holds it (accounts.getAccountInfo, include=subscriptions,preferences; site: ${story.site}):`,
    ...story.moments.map((moment) => `    ${moment.moment.padEnd(width)}  ${moment.reading}`),
  ];
}
