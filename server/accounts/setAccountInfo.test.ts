import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bodyOf, Testbed, type Envelope } from '../testing/testbed.js';

let bed: Testbed;
let uid: string;
beforeEach(async () => {
  bed = new Testbed();
  uid = (await bed.registerFull('ann@example.com', 'correct-horse-1', { firstName: 'Ann', lastName: 'Lee' })).UID as string;
});
afterEach(() => bed.close());

function set(params: Record<string, string>): Promise<Envelope> {
  return bed.server('accounts.setAccountInfo', { UID: uid, ...params });
}

async function read(include = 'profile,data,subscriptions,preferences'): Promise<Envelope> {
  return bed.server('accounts.getAccountInfo', { UID: uid, include, extraProfileFields: 'phones,work,address' });
}

describe('partial updates', () => {
  it('changes only the profile fields it is given', async () => {
    expect((await set({ profile: '{"city":"Namur"}' })).errorCode).toBe(0);
    expect((await read()).profile).toEqual({ email: 'ann@example.com', firstName: 'Ann', lastName: 'Lee', city: 'Namur' });
  });

  it('merges data field by field, nested objects included', async () => {
    await set({ data: JSON.stringify({ car: 'Fiat', pets: { cat: 1, dog: 2 } }) });
    await set({ data: JSON.stringify({ car: 'Suzuki Alto', pets: { dog: 3 } }) });
    expect((await read()).data).toEqual({ car: 'Suzuki Alto', pets: { cat: 1, dog: 3 } });
  });

  it('deletes a field set to null', async () => {
    await set({ profile: '{"lastName":null}', data: '{"a":1,"b":2}' });
    await set({ data: '{"a":null}' });
    const body = await read();
    expect(body.profile).not.toHaveProperty('lastName');
    expect(body.data).toEqual({ b: 2 });
  });

  it('keeps the siblings of an array element when one of its fields is written', async () => {
    await set({ profile: JSON.stringify({ work: [{ company: 'Qualifio', title: 'Dev' }, { company: 'SAP' }] }) });
    await set({ profile: JSON.stringify({ work: [{ title: 'Lead' }, { company: 'SAP' }] }) });
    expect((await read()).profile.work).toEqual([{ company: 'Qualifio', title: 'Lead' }, { company: 'SAP' }]);
  });

  it('lets the new array length win', async () => {
    await set({ profile: JSON.stringify({ work: [{ company: 'Qualifio' }, { company: 'SAP' }] }) });
    await set({ profile: JSON.stringify({ work: [{ title: 'Lead' }] }) });
    expect((await read()).profile.work).toEqual([{ company: 'Qualifio', title: 'Lead' }]);
  });

  it('merges subscriptions and stamps lastUpdatedSubscriptionState', async () => {
    bed.clock.advance(1000);
    await set({ subscriptions: JSON.stringify({ newsletter: { email: { isSubscribed: true, tags: ['a'] } } }) });
    const body = await read();
    expect(body.subscriptions.newsletter.email).toEqual({
      isSubscribed: true,
      tags: ['a'],
      lastUpdatedSubscriptionState: new Date(bed.clock.now()).toISOString(),
      doubleOptIn: { emailSentTime: null, confirmTime: null, status: 'NotConfirmed', doiConditionallyConfirmed: false },
    });
  });

  it('answers a subscription of the wrong shape with 400009 naming the field', async () => {
    const body = await set({ subscriptions: JSON.stringify({ newsletter: { email: { isSubscribed: 'yes' } } }) });
    expect(body).toMatchObject({ errorCode: 400009, validationErrors: [{ fieldName: 'subscriptions.newsletter.email.isSubscribed' }] });
  });

  it('merges preferences', async () => {
    await set({ preferences: JSON.stringify({ terms: { tos1: { isConsentGranted: true } } }) });
    await set({ preferences: JSON.stringify({ terms: { tos2: { isConsentGranted: false } } }) });
    expect((await read()).preferences).toEqual({ terms: { tos1: { isConsentGranted: true }, tos2: { isConsentGranted: false } } });
  });

  it('moves lastUpdated to the time of the write', async () => {
    bed.clock.advance(60_000);
    await set({ data: '{"a":1}' });
    const body = await read();
    expect(body.lastUpdatedTimestamp).toBe(bed.clock.now());
    expect(body.lastUpdated).toBe(new Date(bed.clock.now()).toISOString());
  });

  it('writes a full account through the regToken register returned', async () => {
    const pending = await bed.server('accounts.register', { email: 'bob@example.com', password: 'long-enough-1' });
    const body = await bed.anonymous('accounts.setAccountInfo', { regToken: pending.regToken, data: '{"x":1}' });
    expect(body.errorCode).toBe(0);
    expect(body).not.toHaveProperty('UID');
    expect(bed.store.accounts.get(bed.site.apiKey, pending.UID)?.data).toEqual({ x: 1 });
  });

  it('lets a server-side call update a lite account by UID', async () => {
    const { body } = await bed.liteSubmit({ email: 'lite@example.com' });
    expect((await bed.server('accounts.setAccountInfo', { UID: body.UID, data: '{"x":1}' })).errorCode).toBe(0);
    expect(bed.store.accounts.get(bed.site.apiKey, body.UID)).toMatchObject({ kind: 'lite', data: { x: 1 } });
  });
});

describe('required and conflicting params', () => {
  it('answers neither UID nor regToken with 400002', async () => {
    const body = await bed.server('accounts.setAccountInfo', { data: '{}' });
    expect(body).toMatchObject({ errorCode: 400002, errorDetails: 'Missing required parameter: UID' });
  });

  it('answers both UID and regToken with 400006', async () => {
    const init = await bed.anonymous('accounts.initRegistration');
    expect((await set({ regToken: init.regToken })).errorCode).toBe(400006);
  });

  it('answers an unknown UID with 403005', async () => {
    const body = await bed.server('accounts.setAccountInfo', { UID: '00000000000000000000000000000000', data: '{}' });
    expect(body).toMatchObject({ errorCode: 403005, errorDetails: 'UID not found' });
  });

  it('answers a non-lite regToken not yet bound to an account with 400006', async () => {
    const init = await bed.anonymous('accounts.initRegistration');
    expect((await bed.anonymous('accounts.setAccountInfo', { regToken: init.regToken, data: '{}' })).errorCode).toBe(400006);
  });
});

describe('profile validation', () => {
  const invalid: Array<[string, Record<string, unknown>, string]> = [
    ['gender outside m/f/u', { gender: 'x' }, 'profile.gender'],
    ['birthDay 0', { birthDay: 0 }, 'profile.birthDay'],
    ['birthDay 32', { birthDay: 32 }, 'profile.birthDay'],
    ['birthMonth 13', { birthMonth: 13 }, 'profile.birthMonth'],
    ['birthYear 1700', { birthYear: 1700 }, 'profile.birthYear'],
    ['a birthYear after this year', { birthYear: 2027 }, 'profile.birthYear'],
    ['a birthDay that is not a whole number', { birthDay: 1.5 }, 'profile.birthDay'],
    ['an email without a domain', { email: 'ann@' }, 'profile.email'],
    ['an email with a space', { email: 'ann lee@example.com' }, 'profile.email'],
    ['phones that are not a list', { phones: '0470' }, 'profile.phones'],
    ['a phone without a number', { phones: [{ type: 'mobile' }] }, 'profile.phones.0.number'],
    ['work with a numeric title', { work: [{ title: 7 }] }, 'profile.work.0.title'],
    ['work that is an object', { work: { company: 'SAP' } }, 'profile.work'],
    ['a firstName that is a number', { firstName: 7 }, 'profile.firstName'],
  ];

  for (const [what, profile, fieldName] of invalid) {
    it(`answers ${what} with 400009 naming ${fieldName}`, async () => {
      const body = await set({ profile: JSON.stringify(profile) });
      expect(body).toMatchObject({ errorCode: 400009, errorMessage: 'Validation error', statusCode: 400 });
      expect(body.validationErrors).toEqual([expect.objectContaining({ errorCode: 400006, fieldName })]);
    });
  }

  it('answers an unknown profile field with a 400020 inside validationErrors', async () => {
    const body = await set({ profile: '{"favouriteColour":"blue"}' });
    expect(body).toMatchObject({
      errorCode: 400009,
      validationErrors: [{ errorCode: 400020, fieldName: 'profile.favouriteColour' }],
    });
  });

  it('names a nested unknown field at its own path with 400020', async () => {
    const body = await set({ profile: JSON.stringify({ phones: [{ number: '1', ext: '2' }] }) });
    expect(body.validationErrors).toEqual([expect.objectContaining({ errorCode: 400020, fieldName: 'profile.phones.0.ext' })]);
  });

  it('reports every invalid field of one write', async () => {
    const body = await set({ profile: JSON.stringify({ gender: 'x', birthMonth: 13 }) });
    expect(body.validationErrors.map((error: Envelope) => error.fieldName).sort()).toEqual(['profile.birthMonth', 'profile.gender']);
  });

  it('writes nothing when the profile is invalid', async () => {
    await set({ profile: JSON.stringify({ city: 'Namur', gender: 'x' }) });
    expect((await read()).profile).not.toHaveProperty('city');
  });

  it('accepts the edge values birthDay 1 and 31, birthMonth 1 and 12, birthYear 1850 and this year', async () => {
    expect((await set({ profile: JSON.stringify({ birthDay: 1, birthMonth: 12, birthYear: 1850 }) })).errorCode).toBe(0);
    expect((await set({ profile: JSON.stringify({ birthDay: 31, birthMonth: 1, birthYear: 2026 }) })).errorCode).toBe(0);
  });

  it('keeps numbers sent as digit strings as numbers', async () => {
    await set({ profile: JSON.stringify({ birthYear: '1990', birthDay: '07' }) });
    expect((await read()).profile).toMatchObject({ birthYear: 1990, birthDay: 7 });
  });

  it('accepts gender m, f and u', async () => {
    for (const gender of ['m', 'f', 'u']) expect((await set({ profile: JSON.stringify({ gender }) })).errorCode).toBe(0);
  });

  it('accepts well-formed phones and work', async () => {
    const profile = { phones: [{ type: 'mobile', number: '+32470' }], work: [{ company: 'SAP', title: 'Dev', isCurrent: true, companySize: 10 }] };
    expect((await set({ profile: JSON.stringify(profile) })).errorCode).toBe(0);
  });

  it('accepts a one-letter top-level domain as the SDK samples send (a@b.c)', async () => {
    expect((await set({ profile: '{"email":"a@b.c"}' })).errorCode).toBe(0);
  });
});

describe('server-only flags', () => {
  it('ignores isVerified on a client-side call and says so in ignoredParams', async () => {
    const { regToken } = await bed.liteSubmit({ email: 'lite@example.com' });
    const body = await bed.anonymous('accounts.setAccountInfo', { regToken, isVerified: 'true', isActive: 'false' });
    expect(body).toMatchObject({
      errorCode: 0,
      ignoredParams: [
        { paramName: 'isActive', warningCode: 403007 },
        { paramName: 'isVerified', warningCode: 403007 },
      ],
    });
    expect(bed.store.accounts.get(bed.site.apiKey, body.UID)).toMatchObject({ isVerified: false, isActive: true });
  });

  it('applies isVerified and isActive on a server-side call', async () => {
    bed.clock.advance(1000);
    const body = await set({ isVerified: 'true', isActive: 'false' });
    expect(body).not.toHaveProperty('ignoredParams');
    const account = bed.store.accounts.get(bed.site.apiKey, uid);
    expect(account).toMatchObject({ isVerified: true, isActive: false, verifiedMs: bed.clock.now() });
  });

  it('answers an isActive that is not a boolean with 400006', async () => {
    expect((await set({ isActive: 'maybe' })).errorCode).toBe(400006);
  });

  it('applies isVerified sent server-side with a lite regToken', async () => {
    const init = await bed.anonymous('accounts.initRegistration', { isLite: 'true' });
    const body = await bed.server('accounts.setAccountInfo', { regToken: init.regToken, profile: '{"email":"lite@example.com"}', isVerified: 'true' });
    expect(body).not.toHaveProperty('ignoredParams');
    expect(bed.store.accounts.get(bed.site.apiKey, body.UID)?.isVerified).toBe(true);
  });

  it('sets regSource once and keeps it afterwards', async () => {
    const { body } = await bed.liteSubmit({ email: 'lite@example.com' }, { regSource: 'qualifio:campaign-1' });
    await bed.server('accounts.setAccountInfo', { UID: body.UID, regSource: 'somewhere-else' });
    expect(bed.store.accounts.get(bed.site.apiKey, body.UID)?.regSource).toBe('qualifio:campaign-1');
  });

  it('answers data nested 10,000 deep with a validation error, by form and by JSON body, and stores nothing', async () => {
    const deep = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    const init = await bed.anonymous('accounts.initRegistration', { isLite: 'true' });
    const byForm = await bed.anonymous('accounts.setAccountInfo', { regToken: init.regToken, profile: '{"email":"deep@example.com"}', data: deep });
    expect(byForm.errorCode).toBe(400009);
    const response = await bed.request('/accounts.setAccountInfo', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"apiKey":"${bed.site.apiKey}","regToken":"${init.regToken}","data":${deep}}`,
    });
    expect((await bodyOf(response)).errorCode).not.toBe(500001);
    expect(bed.store.accounts.byEmail(bed.site.apiKey, 'deep@example.com')).toEqual([]);
  });

  it('refuses an email holding a NUL or another control character', async () => {
    // NUL is refused in any JSON parameter (400006); other control characters by the email rule (400009).
    expect((await bed.liteSubmit({ email: 'ja\u0000ne@example.com' })).body.errorCode).toBe(400006);
    expect((await bed.liteSubmit({ email: 'ja\u0007ne@example.com' })).body.errorCode).toBe(400009);
    for (const email of ['ja\u0000ne@example.com', 'ja\u0007ne@example.com']) {
      expect((await bed.server('accounts.importLiteAccount', { email })).errorCode).toBe(400006);
    }
    expect(bed.store.accounts.byEmail(bed.site.apiKey, 'ja\u0000ne@example.com')).toEqual([]);
  });
});
