import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSeed } from '../seed/loadSeed.js';
import { Testbed } from '../testing/testbed.js';

let bed: Testbed;
beforeEach(() => {
  bed = new Testbed();
});
afterEach(() => bed.close());

const json = (value: unknown) => JSON.stringify(value);
const setSchema = (params: Record<string, unknown>) =>
  bed.server('accounts.setSchema', Object.fromEntries(Object.entries(params).map(([name, value]) => [name, json(value)])));
const read = (uid: string, include = 'profile,data,subscriptions,preferences') => bed.server('accounts.getAccountInfo', { UID: uid, include });

describe('accounts.getSchema and accounts.setSchema', () => {
  it('answers the default schema with writeAccess, dynamicSchema and the subscription settings CDC returns', async () => {
    const body = await bed.server('accounts.getSchema');
    expect(body.profileSchema).toMatchObject({ dynamicSchema: false, fields: { firstName: { type: 'string', required: false, writeAccess: 'clientModify' } } });
    expect(body.dataSchema).toEqual({ fields: {}, dynamicSchema: true });
    expect(body.subscriptionsSchema.fields.newsletter.email).toEqual({
      type: 'subscription',
      required: false,
      writeAccess: 'clientModify',
      doubleOptIn: false,
      description: 'Newsletter',
      enableConditionalDoubleOptIn: false,
      relatedConsentIds: [],
    });
    expect(body.preferencesSchema).toEqual({ fields: {} });
    expect(body).not.toHaveProperty('clientCreatesFields');
  });

  it('changes one field and keeps the others', async () => {
    expect((await setSchema({ dataSchema: { fields: { team: { type: 'string', writeAccess: 'clientModify' } } } })).errorCode).toBe(0);
    expect((await setSchema({ profileSchema: { fields: { zip: { required: true } } } })).errorCode).toBe(0);
    const body = await bed.server('accounts.getSchema');
    expect(body.dataSchema.fields.team).toEqual({ type: 'string', required: false, allowNull: true, writeAccess: 'clientModify' });
    expect(body.profileSchema.fields.zip).toMatchObject({ required: true, writeAccess: 'clientModify', type: 'string' });
    expect(body.profileSchema.fields.city).toMatchObject({ required: false });
  });

  it('removes a data field set to null', async () => {
    await setSchema({ dataSchema: { fields: { team: { type: 'string' } } } });
    await setSchema({ dataSchema: { fields: { team: null } } });
    expect((await bed.server('accounts.getSchema')).dataSchema.fields).toEqual({});
  });

  it('refuses a client-side setSchema with 403007 and a bad field with 400006 naming it', async () => {
    expect((await bed.anonymous('accounts.setSchema', { dataSchema: json({ fields: {} }) })).errorCode).toBe(403007);
    const body = await setSchema({ dataSchema: { fields: { team: { writeAccess: 'anyone' } } } });
    expect(body).toMatchObject({ errorCode: 400006 });
    expect(body.errorDetails).toContain('dataSchema.fields.team.writeAccess');
    expect((await setSchema({ preferencesSchema: { fields: { terms: { required: true } } } })).errorDetails).toContain('currentDocVersion or currentDocDate');
  });

  it('keeps only client-writable fields with filter=clientOnly', async () => {
    await setSchema({ dataSchema: { fields: { secret: { type: 'string', writeAccess: 'serverOnly' }, team: { type: 'string', writeAccess: 'clientModify' } } } });
    const body = await bed.server('accounts.getSchema', { include: 'dataSchema', filter: 'clientOnly' });
    expect(Object.keys(body.dataSchema.fields)).toEqual(['team']);
  });
});

describe('write access', () => {
  it('answers a client-side write to a serverOnly field with 400020 inside 400009, and writes nothing', async () => {
    await setSchema({ dataSchema: { fields: { score: { type: 'long', writeAccess: 'serverOnly' } } } });
    const { body } = await bed.liteSubmit({ email: 'ann@example.com' }, { data: json({ score: 5 }) });
    expect(body).toMatchObject({ errorCode: 400009, validationErrors: [{ errorCode: 400020, message: 'Schema validation failed', fieldName: 'data.score' }] });
    expect(bed.store.accounts.byEmail(bed.site.apiKey, 'ann@example.com')).toEqual([]);
  });

  it('lets a client create a clientCreate field once, not modify it', async () => {
    await setSchema({ dataSchema: { fields: { source: { type: 'string', writeAccess: 'clientCreate' } } } });
    const { regToken, body } = await bed.liteSubmit({ email: 'ann@example.com' }, { data: json({ source: 'quiz' }) });
    expect(body.errorCode).toBe(0);
    const again = await bed.anonymous('accounts.setAccountInfo', { regToken, data: json({ source: 'poll' }) });
    expect(again.validationErrors).toEqual([{ errorCode: 400020, message: 'Schema validation failed', fieldName: 'data.source' }]);
  });

  it('declares a data field first written server-side as serverOnly, which a client then cannot write', async () => {
    const full = await bed.registerFull('ann@example.com');
    expect((await bed.server('accounts.setAccountInfo', { UID: full.UID, data: json({ loyalty: { tier: 'gold' } }) })).errorCode).toBe(0);
    expect((await bed.server('accounts.getSchema', { include: 'dataSchema' })).dataSchema.fields['loyalty.tier']).toEqual({
      type: 'string',
      required: false,
      allowNull: true,
      writeAccess: 'serverOnly',
    });
    const { body } = await bed.liteSubmit({ email: 'bob@example.com' }, { data: json({ loyalty: { tier: 'platinum' } }) });
    expect(body.validationErrors).toEqual([{ errorCode: 400020, message: 'Schema validation failed', fieldName: 'data.loyalty.tier' }]);
  });

  it('lets a client create new data fields on a fresh site, and refuses them once clientCreatesFields is off', async () => {
    expect((await bed.liteSubmit({ email: 'ann@example.com' }, { data: json({ quiz: 3 }) })).body.errorCode).toBe(0);
    expect((await bed.server('accounts.getSchema')).dataSchema.fields.quiz.writeAccess).toBe('clientModify');
    expect((await bed.admin('PATCH', `/sites/${bed.site.apiKey}/schema`, { clientCreatesFields: false })).status).toBe(200);
    const { body } = await bed.liteSubmit({ email: 'bob@example.com' }, { data: json({ poll: 1 }) });
    expect(body.validationErrors).toEqual([{ errorCode: 400020, message: 'Schema validation failed', fieldName: 'data.poll' }]);
  });

  it('refuses a client-side profile write to a field made serverOnly', async () => {
    await setSchema({ profileSchema: { fields: { lastName: { writeAccess: 'serverOnly' } } } });
    const { body } = await bed.liteSubmit({ email: 'ann@example.com', lastName: 'Smith' });
    expect(body.validationErrors).toEqual([{ errorCode: 400020, message: 'Schema validation failed', fieldName: 'profile.lastName' }]);
  });
});

describe('required fields and consent statements', () => {
  it('answers a full registration missing a required field with 206001 and a regToken, and lets a lite one through', async () => {
    await setSchema({ profileSchema: { fields: { firstName: { required: true } } } });
    const body = await bed.registerFull('ann@example.com');
    expect(body).toMatchObject({ errorCode: 206001, errorDetails: 'Missing required fields for registration: profile.firstName' });
    expect(body.regToken).toMatch(/^RT1_/);
    expect((await bed.liteSubmit({ email: 'lite@example.com' })).body.errorCode).toBe(0);
  });

  it('answers a registration missing a mandatory consent with the documented errorDetails', async () => {
    await bed.admin('PUT', `/sites/${bed.site.apiKey}/consent-statements/terms.tos`, { required: true, currentDocVersion: 2 });
    const body = await bed.registerFull('ann@example.com');
    expect(body).toMatchObject({ errorCode: 206001, errorDetails: 'Missing required fields for registration: preferences.terms.tos.isConsentGranted' });
    expect((await bed.liteSubmit({ email: 'lite@example.com' })).body.errorCode).toBe(0);
  });

  it('finalizes once the mandatory consent is granted, and stores the consent as CDC enriches it', async () => {
    await bed.admin('PUT', `/sites/${bed.site.apiKey}/consent-statements/terms.tos`, { required: true, currentDocVersion: 2, legalStatements: { fr: { purpose: 'CGU' } } });
    const pending = await bed.registerFull('ann@example.com');
    bed.clock.advance(1000);
    expect((await bed.server('accounts.setAccountInfo', { UID: bed.store.accounts.byEmail(bed.site.apiKey, 'ann@example.com')[0]!.uid, preferences: json({ terms: { tos: { isConsentGranted: true } } }) })).errorCode).toBe(0);
    const finalized = await bed.anonymous('accounts.finalizeRegistration', { regToken: pending.regToken });
    expect(finalized).toMatchObject({ errorCode: 0, isRegistered: true });
    const now = new Date(bed.clock.now()).toISOString();
    expect((await read(finalized.UID)).preferences.terms.tos).toEqual({
      isConsentGranted: true,
      docVersion: 2,
      lang: 'fr',
      lastConsentModified: now,
      actionTimestamp: now,
      tags: [],
      customData: [],
      entitlements: [],
    });
  });

  it('keeps lastConsentModified when a write repeats the same answer', async () => {
    await bed.admin('PUT', `/sites/${bed.site.apiKey}/consent-statements/privacy`, { currentDocDate: '2024-05-01T00:00:00Z' });
    const { regToken, body } = await bed.liteSubmit({ email: 'ann@example.com' }, { preferences: json({ privacy: { isConsentGranted: true } }) });
    const first = (await read(body.UID)).preferences.privacy;
    expect(first).toMatchObject({ isConsentGranted: true, docDate: '2024-05-01T00:00:00Z' });
    bed.clock.advance(60_000);
    await bed.anonymous('accounts.setAccountInfo', { regToken, preferences: json({ privacy: { isConsentGranted: true, tags: ['again'] } }) });
    expect((await read(body.UID)).preferences.privacy).toMatchObject({ lastConsentModified: first.lastConsentModified, tags: ['again'] });
  });
});

describe('subscriptions', () => {
  it('reads back as CDC returns them: tags null, double opt-in NotConfirmed when not required', async () => {
    const { body } = await bed.liteSubmit({ email: 'ann@example.com' }, { subscriptions: json({ newsletter: { email: { isSubscribed: true } } }) });
    expect((await read(body.UID)).subscriptions.newsletter.email).toEqual({
      isSubscribed: true,
      tags: null,
      lastUpdatedSubscriptionState: new Date(bed.clock.now()).toISOString(),
      doubleOptIn: { emailSentTime: null, confirmTime: null, status: 'NotConfirmed', doiConditionallyConfirmed: false },
    });
  });

  it('does not let a write set the double opt-in status itself', async () => {
    const { body } = await bed.liteSubmit({ email: 'ann@example.com' }, { subscriptions: json({ newsletter: { email: { isSubscribed: true, doubleOptIn: { status: 'Confirmed' } } } }) });
    expect(body).toMatchObject({ errorCode: 400009, validationErrors: [{ fieldName: 'subscriptions.newsletter.email.doubleOptIn' }] });
  });

  it('shares a lite write of a subscription with the full account of the same email, and records it there', async () => {
    const full = await bed.registerFull('ann@example.com', 'correct-horse-1', { firstName: 'Ann' });
    const { body } = await bed.liteSubmit({ email: 'ann@example.com', firstName: 'Mallory' }, { subscriptions: json({ newsletter: { email: { isSubscribed: true } } }) });
    expect(body.UID).not.toBe(full.UID);
    const info = await read(full.UID);
    expect(info.subscriptions.newsletter.email.isSubscribed).toBe(true);
    expect(info.profile.firstName).toBe('Ann');
    const lastWrite = (await bed.history(full.UID)).at(-1)!;
    expect(lastWrite.changes.map((change: { field: string }) => change.field)).toContain('subscriptions.newsletter.email.isSubscribed');
  });

  it('shares an unsubscribe from the full account with the lite accounts of the email', async () => {
    const { body } = await bed.liteSubmit({ email: 'ann@example.com' }, { subscriptions: json({ newsletter: { email: { isSubscribed: true } } }) });
    const full = await bed.registerFull('ann@example.com');
    await bed.server('accounts.setAccountInfo', { UID: full.UID, subscriptions: json({ newsletter: { email: { isSubscribed: false } } }) });
    expect((await read(body.UID)).subscriptions.newsletter.email.isSubscribed).toBe(false);
  });
});

describe('double opt-in', () => {
  beforeEach(async () => {
    await setSchema({ subscriptionsSchema: { fields: { newsletter: { email: { doubleOptIn: true } } } } });
  });

  it('subscribes at once, Pending, and captures the confirmation email in the outbox', async () => {
    const { body } = await bed.liteSubmit({ email: 'Ann@Example.com' }, { subscriptions: json({ newsletter: { email: { isSubscribed: true } } }) });
    const sentAt = new Date(bed.clock.now()).toISOString();
    expect((await read(body.UID)).subscriptions.newsletter.email).toMatchObject({ isSubscribed: true, doubleOptIn: { status: 'Pending', emailSentTime: sentAt, confirmTime: null } });
    const outbox = await bed.admin('GET', `/sites/${bed.site.apiKey}/outbox`);
    expect(outbox.body).toMatchObject({ total: 1, emails: [{ to: 'ann@example.com', UID: body.UID, subscription: 'newsletter', sent: sentAt, confirmed: null }] });
  });

  it('flips to Confirmed when the confirm link is followed, once', async () => {
    const { body } = await bed.liteSubmit({ email: 'ann@example.com' }, { subscriptions: json({ newsletter: { email: { isSubscribed: true } } }) });
    const [email] = (await bed.admin('GET', `/sites/${bed.site.apiKey}/outbox`)).body.emails;
    bed.clock.advance(5000);
    const confirmed = await bed.admin('POST', email.confirmUrl.replace('/__admin', ''), {});
    expect(confirmed.body).toMatchObject({ outcome: 'confirmed', email: { confirmed: new Date(bed.clock.now()).toISOString() } });
    expect((await read(body.UID)).subscriptions.newsletter.email.doubleOptIn).toMatchObject({ status: 'Confirmed', confirmTime: new Date(bed.clock.now()).toISOString() });
    expect((await bed.admin('POST', email.confirmUrl.replace('/__admin', ''), {})).body.outcome).toBe('alreadyConfirmed');
    expect((await bed.admin('POST', `/sites/${bed.site.apiKey}/outbox/confirm/unknown`, {})).status).toBe(404);
  });

  it('sends no email for importLiteAccount, nor for a subscription verified elsewhere', async () => {
    await bed.server('accounts.importLiteAccount', { email: 'imp@example.com', subscriptions: json({ newsletter: { email: { isSubscribed: true } } }) });
    const imported = bed.store.accounts.byEmail(bed.site.apiKey, 'imp@example.com')[0]!;
    expect(imported.subscriptions).toMatchObject({ newsletter: { email: { isSubscribed: true, doubleOptIn: { status: 'NotConfirmed' } } } });
    const { body } = await bed.liteSubmit({ email: 'ext@example.com' }, { subscriptions: json({ newsletter: { email: { isSubscribed: true, doubleOptIn: { isExternallyVerified: true } } } }) });
    expect((await read(body.UID)).subscriptions.newsletter.email.doubleOptIn).toMatchObject({ status: 'Confirmed', doiConditionallyConfirmed: true });
    expect(bed.store.doubleOptInEmails.count(bed.site.apiKey)).toBe(0);
  });

  it('goes back to NotConfirmed on unsubscribe', async () => {
    const { regToken, body } = await bed.liteSubmit({ email: 'ann@example.com' }, { subscriptions: json({ newsletter: { email: { isSubscribed: true } } }) });
    await bed.anonymous('accounts.setAccountInfo', { regToken, subscriptions: json({ newsletter: { email: { isSubscribed: false } } }) });
    expect((await read(body.UID)).subscriptions.newsletter.email).toMatchObject({ isSubscribed: false, doubleOptIn: { status: 'NotConfirmed' } });
  });
});

describe('seeds', () => {
  it('set the schema and the consent statements before the accounts', () => {
    loadSeed(bed.store, bed.ids, bed.clock, {
      sites: [
        {
          apiKey: '3_schema',
          schema: { subscriptionsSchema: { fields: { offers: { email: { doubleOptIn: true, writeAccess: 'clientModify' } } } } },
          consentStatements: { 'terms.tos': { required: true, currentDocVersion: 3 } },
          accounts: [{ kind: 'lite', email: 'seed@example.com', preferences: { terms: { tos: { isConsentGranted: true } } } }],
        },
      ],
    });
    const schema = bed.store.siteSchemas.get('3_schema')!;
    expect(schema.subscriptionsSchema.fields.offers!.email.doubleOptIn).toBe(true);
    expect(schema.preferencesSchema.fields['terms.tos']).toMatchObject({ required: true, currentDocVersion: 3 });
    expect(bed.store.accounts.byEmail('3_schema', 'seed@example.com')[0]!.preferences).toMatchObject({ terms: { tos: { docVersion: 3 } } });
  });

  it('refuse an invalid schema with a SeedError naming it', () => {
    expect(() => loadSeed(bed.store, bed.ids, bed.clock, { sites: [{ apiKey: '3_bad', consentStatements: { tos: { required: true } } }] })).toThrow(/sites\.0\.schema/);
  });
});
