import { afterEach, describe, expect, it } from 'vitest';
import { emailAccountsByEmailQuery } from '../../connector/index.js';
import { registerFullAccount, startEndToEnd, type EndToEnd } from './fakeGigyaConnector.js';

const email = 'jane@example.com';
const jane = { email, firstname: 'Jane', lastname: 'Doe', locality: 'Diest', zipcode: '3290', optin: true };

let run: EndToEnd | undefined;
afterEach(async () => {
  await run?.close();
  run = undefined;
});

async function account(uid: string) {
  return run!.gigya.getAccountInfo({ UID: uid, include: 'profile,subscriptions', extraProfileFields: 'address,phones,work' });
}

describe('liteOnly over HTTP against the fake', () => {
  it('creates a new lite account for every submission with the same email, and one emailAccounts record', async () => {
    run = await startEndToEnd('liteOnly');
    const first = await run.submit(jane);
    const second = await run.submit(jane);
    expect(first).toMatchObject({ status: 'succeeded', action: 'liteAccountCreated' });
    expect(second).toMatchObject({ status: 'succeeded', action: 'liteAccountCreated' });
    expect(first.uid).not.toBe(second.uid);
    expect(await account(first.uid as string)).toMatchObject({ isRegistered: false, profile: { email, firstName: 'Jane', city: 'Diest', zip: '3290' } });
    const records = await run.gigya.search({ query: emailAccountsByEmailQuery(email) });
    expect(records.results).toHaveLength(1);
  });

  it('sends no subscriptions even when the participant opted in', async () => {
    run = await startEndToEnd('liteOnly');
    const participation = await run.submit(jane);
    const info = await account(participation.uid as string);
    expect(Object.keys((info.subscriptions as object | undefined) ?? {})).toEqual([]);
  });
});

describe('liteWithSso over HTTP against the fake', () => {
  it('creates a lite account beside an existing full account and leaves the full one untouched', async () => {
    run = await startEndToEnd('liteWithSso');
    const fullUid = await registerFullAccount(run.gigya, email, { firstName: 'John', lastName: 'Doe' });
    const participation = await run.submit(jane);
    expect(participation).toMatchObject({ status: 'succeeded', action: 'liteAccountCreated' });
    expect(participation.uid).not.toBe(fullUid);
    expect(await account(fullUid)).toMatchObject({ isRegistered: true, profile: { firstName: 'John', lastName: 'Doe' } });
    expect((await run.history(fullUid)).map((entry) => entry.method)).toEqual(['accounts.register']);
  });
});

describe('liteAndSsoNative over HTTP against the fake', () => {
  it('overwrites the full account matched by email with the participant data', async () => {
    run = await startEndToEnd('liteAndSsoNative');
    const fullUid = await registerFullAccount(run.gigya, email, { firstName: 'John', lastName: 'Doe' });
    const participation = await run.submit(jane);
    expect(participation).toMatchObject({ status: 'succeeded', action: 'accountOverwritten', uid: fullUid });
    expect(await account(fullUid)).toMatchObject({ isRegistered: true, profile: { firstName: 'Jane', city: 'Diest' } });
    const last = (await run.history(fullUid)).at(-1)!;
    expect(last.method).toBe('accounts.setAccountInfo');
    expect(last.changes).toContainEqual({ field: 'profile.firstName', before: 'John', after: 'Jane' });
  });

  it('registers a lite account when no account has the email', async () => {
    run = await startEndToEnd('liteAndSsoNative');
    const participation = await run.submit(jane);
    expect(participation).toMatchObject({ status: 'succeeded', action: 'liteAccountCreated' });
    expect(await account(participation.uid as string)).toMatchObject({ isRegistered: false });
  });

  it('writes over the existing lite account on a second submission instead of making another', async () => {
    run = await startEndToEnd('liteAndSsoNative');
    const first = await run.submit(jane);
    const second = await run.submit({ ...jane, firstname: 'Janet' });
    expect(second).toMatchObject({ action: 'accountOverwritten', uid: first.uid });
    expect(await account(first.uid as string)).toMatchObject({ profile: { firstName: 'Janet' } });
  });
});

describe('custom over HTTP against the fake', () => {
  it('keeps the full account data, fills its blanks and records the opt-in', async () => {
    run = await startEndToEnd('custom');
    const fullUid = await registerFullAccount(run.gigya, email, { firstName: 'John', lastName: 'Doe' });
    const participation = await run.submit(jane);
    expect(participation).toMatchObject({ status: 'succeeded', action: 'blanksFilled', uid: fullUid });
    const info = await account(fullUid);
    expect(info).toMatchObject({ profile: { firstName: 'John', lastName: 'Doe', city: 'Diest', zip: '3290' } });
    expect(info.subscriptions).toMatchObject({ newsletter: { email: { isSubscribed: true } } });
  });

  it('keeps the extra profile fields (phones, work, address) a basic read does not show', async () => {
    run = await startEndToEnd('custom');
    const kept = { phones: [{ type: 'mobile', number: '+32470111111' }], work: [{ company: 'Acme', title: 'CEO' }], address: 'Grote Markt 1' };
    const fullUid = await registerFullAccount(run.gigya, email, { firstName: 'John', ...kept });
    const participation = await run.submit({ ...jane, phone: '+32470999999', function: 'Intern', company: 'Qualifio', address: 'Kerkstraat', number: '5' });
    expect(participation).toMatchObject({ status: 'succeeded', action: 'blanksFilled', uid: fullUid });
    const info = await account(fullUid);
    expect(info.profile).toMatchObject({ firstName: 'John', lastName: 'Doe', city: 'Diest', ...kept });
  });

  it('registers a lite account with the opt-in when no full account has the email', async () => {
    run = await startEndToEnd('custom');
    const participation = await run.submit(jane);
    expect(participation).toMatchObject({ status: 'succeeded', action: 'liteAccountCreated' });
    const info = await account(participation.uid as string);
    expect(info).toMatchObject({ isRegistered: false, subscriptions: { newsletter: { email: { isSubscribed: true } } } });
  });
});
