import { describe, expect, it } from 'vitest';
import { runCustomScenario as playCustom } from '../scenarios/custom.js';
import { runLiteOnlyScenario as playLiteOnly } from '../scenarios/liteOnly.js';
import { runLiteWithSsoScenario as playLiteWithSso } from '../scenarios/liteWithSso.js';
import { runNativeScenario as playNative } from '../scenarios/native.js';
import { consentInWords, runConsentScenario as playConsent, runDoubleOptInScenario as playDoubleOptIn, subscriptionInWords } from '../scenarios/optIn.js';
import { ScenarioReport } from '../scenarios/report.js';
import { shortField } from '../scenarios/table.js';

/** Each scenario is played once; the behaviour tests and the printed-report tests read the same result. */
function once<T>(play: () => Promise<T>): () => Promise<T> {
  let played: Promise<T> | undefined;
  return () => (played ??= play());
}
const runLiteOnlyScenario = once(playLiteOnly);
const runLiteWithSsoScenario = once(playLiteWithSso);
const runNativeScenario = once(playNative);
const runCustomScenario = once(playCustom);
const runDoubleOptInScenario = once(playDoubleOptIn);
const runConsentScenario = once(playConsent);

describe('scenarios', () => {
  it('(1) lite only: two submissions with one email make two lite accounts and one emailAccounts record', async () => {
    const result = await runLiteOnlyScenario();
    expect(result.before).toEqual([]);
    expect(result.after.map((account) => account.type)).toEqual(['lite', 'lite']);
    expect(new Set(result.after.map((account) => account.uid)).size).toBe(2);
    expect(result.participations).toEqual([
      { status: 'succeeded', action: 'liteAccountCreated', uid: expect.any(String) },
      { status: 'succeeded', action: 'liteAccountCreated', uid: expect.any(String) },
    ]);
    expect(result.emailAccountsRecords).toBe(1);
  });

  it('(2) lite + SSO, only Lite connected: a lite account appears beside the untouched full account', async () => {
    const result = await runLiteWithSsoScenario();
    expect(result.before.map((account) => account.type)).toEqual(['full']);
    expect(result.after.map((account) => account.type)).toEqual(['full', 'lite']);
    const [fullBefore] = result.before;
    const full = result.after.find((account) => account.uid === result.fullUid)!;
    expect(full.profile).toEqual(fullBefore!.profile);
    expect(full.history.map((entry) => entry.method)).toEqual(['accounts.register']);
    expect(result.after.find((account) => account.type === 'lite')?.profile).toMatchObject({ firstName: 'Jane', lastName: 'Doe' });
  });

  it('(3) native: the full account "John Doe" is overwritten by the participant "Jane Doe"', async () => {
    const result = await runNativeScenario();
    expect(result.after.map((account) => account.type)).toEqual(['full']);
    expect(result.participations).toEqual([{ status: 'succeeded', action: 'accountOverwritten', uid: result.fullUid }]);
    expect(result.after[0]?.profile).toMatchObject({ firstName: 'Jane', lastName: 'Doe' });
    expect(result.changes).toContainEqual({ field: 'profile.firstName', before: 'John', after: 'Jane' });
    expect(result.changes.map((change) => change.field)).not.toContain('profile.lastName');
  });

  it('(3) native, downstream: the CRM copies John\'s full account with Jane\'s name from a verified accountUpdated', async () => {
    const { crm } = await runNativeScenario();
    expect(crm?.before).toMatchObject({ email: 'john.doe@example.com', firstName: 'John', lastName: 'Doe' });
    expect(crm?.after).toMatchObject({ email: 'john.doe@example.com', firstName: 'Jane', lastName: 'Doe', lastEvent: 'accountUpdated' });
    expect(crm).toMatchObject({ accepted: 2, refused: 0 });
  });

  it('(4) custom: the full account keeps John Doe, blanks are filled and the opt-in is recorded', async () => {
    const result = await runCustomScenario();
    expect(result.after.map((account) => account.type)).toEqual(['full']);
    expect(result.participations).toEqual([{ status: 'succeeded', action: 'blanksFilled', uid: result.fullUid }]);
    expect(result.after[0]?.profile).toMatchObject({ firstName: 'John', lastName: 'Doe', city: 'Diest', zip: '3290' });
    expect(result.after[0]?.subscriptions).toMatchObject({ newsletter: { email: { isSubscribed: true } } });
    const changedFields = result.changes.map((change) => change.field);
    expect(changedFields).not.toContain('profile.firstName');
    expect(changedFields).toEqual(expect.arrayContaining(['profile.city', 'profile.zip', 'subscriptions.newsletter.email.isSubscribed']));
  });

  it('(4) custom, downstream: the CRM is told of the update and still holds John Doe', async () => {
    const { crm } = await runCustomScenario();
    expect(crm?.before).toMatchObject({ firstName: 'John', lastName: 'Doe' });
    expect(crm?.after).toMatchObject({ firstName: 'John', lastName: 'Doe', lastEvent: 'accountUpdated' });
    expect(crm?.refused).toBe(0);
  });
});

describe('the printed report of npm run scenarios', () => {
  async function printed(): Promise<string[]> {
    const report = new ScenarioReport();
    const results = [await runLiteOnlyScenario(), await runLiteWithSsoScenario(), await runNativeScenario(), await runCustomScenario()];
    return results.map((result, index) => report.render(result, index));
  }

  it('says what an emailAccounts record is before the first result that counts them', async () => {
    const [liteOnly] = await printed();
    const lines = liteOnly!.split('\n');
    const explained = lines.findIndex((line) => /one emailAccounts record per email address/.test(line));
    const firstCount = lines.findIndex((line) => /\d+ emailAccounts record/.test(line));
    expect(explained).toBeGreaterThan(-1);
    expect(explained).toBeLessThan(firstCount);
    expect(liteOnly).toContain('emailAccounts records for the email: 1');
  });

  it('says what the "changes" column counts under the first accounts table, and only there', async () => {
    const output = (await printed()).join('\n');
    const legend = /changes: how many writes the fake has recorded on the account, the one that created it included/g;
    expect(output.match(legend)).toHaveLength(1);
    const firstTable = output.indexOf('| changes');
    expect(firstTable).toBeGreaterThan(-1);
    expect(output.search(legend)).toBeGreaterThan(firstTable);
    expect(output.search(legend)).toBeLessThan(output.indexOf('| changes', firstTable + 1));
  });

  it('prints field paths short, and says once how they are shortened', async () => {
    const [, , native, custom] = await printed();
    expect(native).toMatch(/^ {2}firstName +\| John +\| Jane$/m);
    expect(native).toContain('city = profile.city');
    expect(custom).toMatch(/^ {2}newsletter: subscribed +\| - +\| true$/m);
    expect(custom).toMatch(/^ {2}newsletter: last changed +\| - +\| \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/m);
    expect(custom).not.toContain('subscriptions.newsletter.email');
    expect(custom).not.toContain('city = profile.city');
  });
});

describe('the printed CRM lines', () => {
  it("print the full account as the CRM holds it before and after, for the set-ups that write over it", async () => {
    const report = new ScenarioReport();
    const native = report.render(await runNativeScenario(), 2);
    const custom = report.render(await runCustomScenario(), 3);
    expect(native).toMatch(/before the submission +John Doe <john\.doe@example\.com> +after accountRegistered/);
    expect(native).toMatch(/after the submission +Jane Doe <john\.doe@example\.com> +after accountUpdated/);
    expect(custom).toMatch(/after the submission +John Doe <john\.doe@example\.com> +after accountUpdated/);
    expect(native).toContain('(2 notifications verified, 0 refused)');
    expect(report.render(await runLiteOnlyScenario(), 0)).not.toContain('CRM');
  });
});

describe('the opt-in scenarios of the custom set-up', () => {
  it('(5) a newsletter requiring double opt-in: subscribed and Pending after the push, one email captured, Confirmed once its link is followed', async () => {
    const result = await runDoubleOptInScenario();
    expect(result.participations).toEqual([{ status: 'succeeded', action: 'liteAccountCreated', uid: result.uid }]);
    expect(result.after.map((account) => account.type)).toEqual(['lite']);
    expect(result.optIn.moments).toEqual([
      { moment: 'after the submission', reading: 'newsletter: subscribed, double opt-in Pending' },
      { moment: "confirmation emails in the fake's outbox", reading: '1' },
      { moment: 'after the participant follows the link', reading: expect.stringMatching(/^newsletter: subscribed, double opt-in Confirmed \(confirmed \d{4}-\d\d-\d\dT/) },
    ]);
    const printed = new ScenarioReport().render(result, 4);
    expect(printed).toMatch(/^ {4}after the submission +newsletter: subscribed, double opt-in Pending$/m);
    expect(printed).toMatch(/^ {4}after the participant follows the link +newsletter: subscribed, double opt-in Confirmed/m);
  });

  it('(6) a consent statement: granted with the version in force and the language stamped by Gigya, no subscription written', async () => {
    const result = await runConsentScenario();
    expect(result.participations).toEqual([{ status: 'succeeded', action: 'liteAccountCreated', uid: result.uid }]);
    expect(result.optIn.moments[0]).toEqual({
      moment: 'after the submission',
      reading: expect.stringMatching(/^marketing\.newsletter: granted, document version 2, lang en, last modified \d{4}-\d\d-\d\dT/),
    });
    expect(result.optIn.moments[1]).toEqual({ moment: 'subscriptions written', reading: 'none' });
    expect(new ScenarioReport().render(result, 5)).toContain('site: consent statement marketing.newsletter, version 2, optional');
  });

  it('say what is missing rather than inventing a status', () => {
    expect(subscriptionInWords({}, 'newsletter')).toBe('newsletter: none');
    expect(subscriptionInWords({ newsletter: { email: { isSubscribed: false, doubleOptIn: { status: 'NotConfirmed' } } } }, 'newsletter')).toBe('newsletter: not subscribed, double opt-in NotConfirmed');
    expect(consentInWords({ marketing: {} }, 'marketing.newsletter')).toBe('marketing.newsletter: none');
  });
});

describe('shortField', () => {
  it('names profile fields alone, subscription fields by subscription and part, and keeps other paths', () => {
    expect(shortField('profile.firstName')).toBe('firstName');
    expect(shortField('subscriptions.newsletter.email.isSubscribed')).toBe('newsletter: subscribed');
    expect(shortField('subscriptions.offers.email.doubleOptIn.status')).toBe('offers: double opt-in');
    expect(shortField('subscriptions.offers.email.somethingNew')).toBe('offers: somethingNew');
    expect(shortField('data.score')).toBe('data.score');
  });
});
