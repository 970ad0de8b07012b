import { describe, expect, it } from 'vitest';
import { GigyaClient } from '../gigya/client.js';
import { mapParticipation } from '../mapping.js';
import { Secret } from '../settings/secret.js';
import { gigyaError, scriptedGigya, type GigyaScript } from '../testing/scriptedGigya.js';
import type { PushContext, PushProgress } from './context.js';
import { pushCustom } from './custom.js';
import { pushLiteOnly } from './liteOnly.js';
import { pushNative } from './native.js';
import { strategies } from './strategies.js';

const jane = { email: 'jane@example.com', firstname: 'Jane', lastname: 'Doe', locality: 'Diest' };

function contextFor(script: Record<string, GigyaScript | GigyaScript[]>, values: Record<string, string | boolean> = jane, progress: PushProgress = {}) {
  const gigya = scriptedGigya(script);
  const recorded: PushProgress[] = [];
  const client = new GigyaClient({
    apiKey: '3_key', userKey: 'AKuser', secret: new Secret('GX98IPy4pUedr7Gkj2U4ODKXRxGVpqOp'), dataCenter: 'us1',
    baseUrl: 'http://fake', timeoutMs: 1_000, retry: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 }, fetch: gigya.fetch,
  });
  const context: PushContext = {
    client,
    mapped: mapParticipation(values, { today: new Date('2026-01-01') }),
    subscriptionId: 'newsletter',
    progress: { ...progress },
    record: (step) => {
      recorded.push(step);
      Object.assign(context.progress, step);
    },
  };
  return { context, gigya, recorded };
}

const lite: Record<string, GigyaScript> = {
  'accounts.initRegistration': () => ({ regToken: 'RT1_new' }),
  'accounts.setAccountInfo': () => ({ UID: 'lite-uid' }),
};
const fullJohn = { UID: 'full-uid', isRegistered: true, profile: { email: 'jane@example.com', firstName: 'John', lastName: 'Doe' }, lastUpdatedTimestamp: 1 };
const liteMatch = { UID: 'old-lite', isRegistered: false, profile: { email: 'jane@example.com' }, lastUpdatedTimestamp: 5 };
const searchAnswers = (...results: object[]): GigyaScript => () => ({ results, objectsCount: results.length, totalCount: results.length });

describe('one strategy per set-up', () => {
  it('uses the lite-only strategy for liteOnly and liteWithSso', () => {
    expect(strategies.liteOnly).toBe(pushLiteOnly);
    expect(strategies.liteWithSso).toBe(pushLiteOnly);
    expect(strategies.liteAndSsoNative).toBe(pushNative);
    expect(strategies.custom).toBe(pushCustom);
  });
});

describe('liteOnly / liteWithSso', () => {
  it('calls initRegistration(isLite=true) then setAccountInfo(regToken, profile) without any lookup', async () => {
    const { context, gigya } = contextFor(lite);
    await expect(pushLiteOnly(context)).resolves.toEqual({ uid: 'lite-uid', callId: 'call-2', action: 'liteAccountCreated' });
    expect(gigya.methods()).toEqual(['accounts.initRegistration', 'accounts.setAccountInfo']);
    expect(gigya.calls[0]?.form.isLite).toBe('true');
    expect(gigya.calls[1]?.form.regToken).toBe('RT1_new');
    expect(JSON.parse(gigya.calls[1]!.form.profile!)).toEqual({ email: 'jane@example.com', firstName: 'Jane', lastName: 'Doe', city: 'Diest' });
  });

  it('never sends opt-ins', async () => {
    const { context, gigya } = contextFor(lite, { ...jane, optin: true });
    await pushLiteOnly(context);
    expect(gigya.calls[1]?.form).not.toHaveProperty('subscriptions');
  });

  it('stores the regToken before using it', async () => {
    const { context, recorded } = contextFor({ ...lite, 'accounts.setAccountInfo': gigyaError(500001) });
    await expect(pushLiteOnly(context)).rejects.toMatchObject({ errorCode: 500001 });
    expect(recorded).toEqual([{ regToken: 'RT1_new' }]);
  });

  it('resumes with a stored regToken instead of calling initRegistration again', async () => {
    const { context, gigya } = contextFor(lite, jane, { regToken: 'RT1_stored' });
    await pushLiteOnly(context);
    expect(gigya.methods()).toEqual(['accounts.setAccountInfo']);
    expect(gigya.calls[0]?.form.regToken).toBe('RT1_stored');
  });

  it('starts over once with a new regToken when Gigya rejects the stored one as expired', async () => {
    const expired = gigyaError(400006, 'Invalid argument: regToken: regToken has expired');
    const { context, gigya, recorded } = contextFor({ ...lite, 'accounts.setAccountInfo': [expired, () => ({ UID: 'lite-uid' })] }, jane, { regToken: 'RT1_old' });
    await expect(pushLiteOnly(context)).resolves.toMatchObject({ uid: 'lite-uid' });
    expect(gigya.methods()).toEqual(['accounts.setAccountInfo', 'accounts.initRegistration', 'accounts.setAccountInfo']);
    expect(recorded).toEqual([{ regToken: undefined }, { regToken: 'RT1_new' }]);
  });

  it('does not start over on an invalid-parameter error about another field', async () => {
    const { context, gigya } = contextFor({ ...lite, 'accounts.setAccountInfo': gigyaError(400006, 'Invalid argument: profile.gender') }, jane, { regToken: 'RT1_old' });
    await expect(pushLiteOnly(context)).rejects.toMatchObject({ errorCode: 400006 });
    expect(gigya.methods()).toEqual(['accounts.setAccountInfo']);
  });
});

describe('liteAndSsoNative', () => {
  it('searches full and lite accounts by email', async () => {
    const { context, gigya } = contextFor({ 'accounts.search': searchAnswers(fullJohn), 'accounts.setAccountInfo': () => ({}) });
    await pushNative(context);
    expect(gigya.calls[0]?.form).toMatchObject({
      query: 'SELECT * FROM accounts WHERE profile.email = "jane@example.com"',
      accountTypes: 'full,lite',
    });
  });

  it('overwrites the matched full account by UID, preferring it over a lite match', async () => {
    const { context, gigya } = contextFor({ 'accounts.search': searchAnswers(liteMatch, fullJohn), 'accounts.setAccountInfo': () => ({}) });
    await expect(pushNative(context)).resolves.toMatchObject({ uid: 'full-uid', action: 'accountOverwritten' });
    expect(gigya.calls[1]?.form.UID).toBe('full-uid');
    expect(JSON.parse(gigya.calls[1]!.form.profile!)).toMatchObject({ firstName: 'Jane', lastName: 'Doe' });
  });

  it('overwrites a lite match when there is no full account', async () => {
    const { context, gigya } = contextFor({ 'accounts.search': searchAnswers(liteMatch), 'accounts.setAccountInfo': () => ({}) });
    await expect(pushNative(context)).resolves.toMatchObject({ uid: 'old-lite', action: 'accountOverwritten' });
    expect(gigya.methods()).toEqual(['accounts.search', 'accounts.setAccountInfo']);
  });

  it('registers a lite account when nothing matches', async () => {
    const { context, gigya } = contextFor({ 'accounts.search': searchAnswers(), ...lite });
    await expect(pushNative(context)).resolves.toMatchObject({ uid: 'lite-uid', action: 'liteAccountCreated' });
    expect(gigya.methods()).toEqual(['accounts.search', 'accounts.initRegistration', 'accounts.setAccountInfo']);
  });

  it('never sends opt-ins', async () => {
    const { context, gigya } = contextFor({ 'accounts.search': searchAnswers(fullJohn), 'accounts.setAccountInfo': () => ({}) }, { ...jane, optin: true });
    await pushNative(context);
    expect(gigya.calls[1]?.form).not.toHaveProperty('subscriptions');
  });

  it('escapes quotes and backslashes of the email in the query', async () => {
    const { context, gigya } = contextFor({ 'accounts.search': searchAnswers(), ...lite });
    context.mapped.profile.email = 'a"b\\c@example.com';
    await pushNative(context);
    expect(gigya.calls[0]?.form.query).toBe('SELECT * FROM accounts WHERE profile.email = "a\\"b\\\\c@example.com"');
  });

  it('resumes on the stored matched UID without searching again', async () => {
    const { context, gigya } = contextFor({ 'accounts.setAccountInfo': () => ({}) }, jane, { targetUid: 'full-uid' });
    await pushNative(context);
    expect(gigya.methods()).toEqual(['accounts.setAccountInfo']);
  });
});

describe('custom', () => {
  const getJohn: GigyaScript = () => ({ UID: 'full-uid', profile: { email: 'jane@example.com', firstName: 'John', lastName: 'Doe' }, subscriptions: {} });

  it('fills only the blank profile fields of a full account, never overwriting', async () => {
    const { context, gigya } = contextFor({ 'accounts.search': searchAnswers(fullJohn), 'accounts.getAccountInfo': getJohn, 'accounts.setAccountInfo': () => ({}) });
    await expect(pushCustom(context)).resolves.toMatchObject({ uid: 'full-uid', action: 'blanksFilled' });
    expect(gigya.calls[1]?.form).toMatchObject({ UID: 'full-uid', include: 'profile,subscriptions' });
    expect(JSON.parse(gigya.calls[2]!.form.profile!)).toEqual({ city: 'Diest' });
  });

  it('sends the opt-in as a subscription on the full account', async () => {
    const { context, gigya } = contextFor(
      { 'accounts.search': searchAnswers(fullJohn), 'accounts.getAccountInfo': getJohn, 'accounts.setAccountInfo': () => ({}) },
      { ...jane, optin: true },
    );
    await pushCustom(context);
    expect(JSON.parse(gigya.calls[2]!.form.subscriptions!)).toEqual({ newsletter: { email: { isSubscribed: true } } });
  });

  it('sends the opt-in as a consent statement, nested by its dotted id, when set up so', async () => {
    const { context, gigya } = contextFor(
      { 'accounts.search': searchAnswers(fullJohn), 'accounts.getAccountInfo': getJohn, 'accounts.setAccountInfo': () => ({}) },
      { ...jane, optin: true },
    );
    context.optInAs = 'consent';
    context.consentStatementId = 'terms.marketing';
    await pushCustom(context);
    expect(JSON.parse(gigya.calls[2]!.form.preferences!)).toEqual({ terms: { marketing: { isConsentGranted: true } } });
    expect(gigya.calls[2]?.form).not.toHaveProperty('subscriptions');
  });

  it('registers a lite account with the consent when set up so', async () => {
    const { context, gigya } = contextFor({ 'accounts.search': searchAnswers(), ...lite }, { ...jane, optin: 'on' });
    context.optInAs = 'consent';
    await pushCustom(context);
    expect(JSON.parse(gigya.calls[2]!.form.preferences!)).toEqual({ marketing: { newsletter: { isConsentGranted: true } } });
  });

  it('writes nothing when there is no blank to fill and no opt-in', async () => {
    const { context, gigya } = contextFor(
      { 'accounts.search': searchAnswers(fullJohn), 'accounts.getAccountInfo': getJohn },
      { email: 'jane@example.com', firstname: 'Jane' },
    );
    await expect(pushCustom(context)).resolves.toMatchObject({ uid: 'full-uid', action: 'nothingToFill' });
    expect(gigya.methods()).toEqual(['accounts.search', 'accounts.getAccountInfo']);
  });

  it('registers a lite account with the opt-in when only lite accounts match', async () => {
    const { context, gigya } = contextFor({ 'accounts.search': searchAnswers(liteMatch), ...lite }, { ...jane, optin: 'on' });
    await expect(pushCustom(context)).resolves.toMatchObject({ uid: 'lite-uid', action: 'liteAccountCreated' });
    expect(gigya.methods()).toEqual(['accounts.search', 'accounts.initRegistration', 'accounts.setAccountInfo']);
    expect(JSON.parse(gigya.calls[2]!.form.subscriptions!)).toEqual({ newsletter: { email: { isSubscribed: true } } });
  });

  it('registers a lite account without subscriptions when the participant did not opt in', async () => {
    const { context, gigya } = contextFor({ 'accounts.search': searchAnswers(), ...lite });
    await pushCustom(context);
    expect(gigya.calls[2]?.form).not.toHaveProperty('subscriptions');
  });

  it('completes a partly filled work element, keeping its existing values', async () => {
    const getWithWork: GigyaScript = () => ({ profile: { email: 'jane@example.com', work: [{ company: 'Acme' }] } });
    const { context, gigya } = contextFor(
      { 'accounts.search': searchAnswers(fullJohn), 'accounts.getAccountInfo': getWithWork, 'accounts.setAccountInfo': () => ({}) },
      { email: 'jane@example.com', function: 'CTO', company: 'Spotify' },
    );
    await pushCustom(context);
    expect(JSON.parse(gigya.calls[2]!.form.profile!)).toEqual({ work: [{ company: 'Acme', title: 'CTO' }] });
  });
});
