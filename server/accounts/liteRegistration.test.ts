import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Testbed } from '../testing/testbed.js';

let bed: Testbed;
afterEach(() => bed.close());

function liteAccounts(email: string) {
  return bed.store.accounts.byEmail(bed.site.apiKey, email).filter((account) => account.kind === 'lite');
}

describe('the perSubmit policy (default)', () => {
  beforeEach(() => {
    bed = new Testbed();
  });

  it('returns the UID of the lite account a regToken wrote', async () => {
    const { body } = await bed.liteSubmit({ email: 'ann@example.com' });
    expect(body).toMatchObject({ errorCode: 0, UID: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(bed.store.accounts.get(bed.site.apiKey, body.UID)?.kind).toBe('lite');
  });

  it('creates a second lite account when the same email submits twice', async () => {
    const first = await bed.liteSubmit({ email: 'ann@example.com', firstName: 'Ann' });
    const second = await bed.liteSubmit({ email: 'ann@example.com', firstName: 'Annie' });
    expect(second.body.UID).not.toBe(first.body.UID);
    expect(liteAccounts('ann@example.com').map((account) => account.uid)).toEqual([first.body.UID, second.body.UID]);
  });

  it('keeps ONE emailAccounts record with hasLiteAccount for two lite accounts of one email', async () => {
    await bed.liteSubmit({ email: 'ann@example.com' });
    const token = bed.store.emailAccounts.get(bed.site.apiKey, 'ann@example.com')?.token;
    await bed.liteSubmit({ email: 'ann@example.com' });
    const record = bed.store.emailAccounts.get(bed.site.apiKey, 'ann@example.com');
    expect(record).toMatchObject({ token, hasLiteAccount: true, hasFullAccount: false });
  });

  it('leaves the first lite account as it was when the second submit comes', async () => {
    const first = await bed.liteSubmit({ email: 'ann@example.com', firstName: 'Ann' });
    await bed.liteSubmit({ email: 'ann@example.com', firstName: 'Annie' });
    expect(bed.store.accounts.get(bed.site.apiKey, first.body.UID)?.profile.firstName).toBe('Ann');
  });

  it('matches emails case-insensitively: one record for Ann@Example.com and ann@example.com', async () => {
    await bed.liteSubmit({ email: 'Ann@Example.com' });
    await bed.liteSubmit({ email: 'ann@example.com' });
    expect(liteAccounts('ann@example.com')).toHaveLength(2);
    expect(bed.store.emailAccounts.get(bed.site.apiKey, 'ann@example.com')?.email).toBe('ann@example.com');
  });

  it('updates the same account when the same regToken is used again (no duplicate)', async () => {
    const { regToken, body } = await bed.liteSubmit({ email: 'ann@example.com', firstName: 'Ann' });
    const again = await bed.anonymous('accounts.setAccountInfo', { regToken, profile: JSON.stringify({ email: 'ann@example.com', lastName: 'Lee' }) });
    expect(again.UID).toBe(body.UID);
    expect(liteAccounts('ann@example.com')).toHaveLength(1);
    expect(liteAccounts('ann@example.com')[0]!.profile).toEqual({ email: 'ann@example.com', firstName: 'Ann', lastName: 'Lee' });
  });

  it('lets a bound regToken update without repeating the email', async () => {
    const { regToken, body } = await bed.liteSubmit({ email: 'ann@example.com' });
    const again = await bed.anonymous('accounts.setAccountInfo', { regToken, data: JSON.stringify({ answer: 42 }) });
    expect(again).toMatchObject({ errorCode: 0, UID: body.UID });
  });

  it('answers a lite submit without profile.email with 400009 and a 400027 on profile.email', async () => {
    const init = await bed.anonymous('accounts.initRegistration', { isLite: 'true' });
    const body = await bed.anonymous('accounts.setAccountInfo', { regToken: init.regToken, profile: '{"firstName":"Ann"}' });
    expect(body).toMatchObject({ errorCode: 400009, validationErrors: [{ errorCode: 400027, fieldName: 'profile.email' }] });
    expect(bed.store.accounts.count(bed.site.apiKey)).toBe(0);
  });

  it('answers removing the email of a lite account with 400027', async () => {
    const { regToken } = await bed.liteSubmit({ email: 'ann@example.com' });
    const body = await bed.anonymous('accounts.setAccountInfo', { regToken, profile: '{"email":null}' });
    expect(body).toMatchObject({ errorCode: 400009, validationErrors: [{ errorCode: 400027 }] });
    expect(liteAccounts('ann@example.com')).toHaveLength(1);
  });

  it('moves the emailAccounts record when the only lite account changes its email', async () => {
    const { regToken } = await bed.liteSubmit({ email: 'old@example.com' });
    await bed.anonymous('accounts.setAccountInfo', { regToken, profile: '{"email":"new@example.com"}' });
    expect(bed.store.emailAccounts.get(bed.site.apiKey, 'old@example.com')).toBeNull();
    expect(bed.store.emailAccounts.get(bed.site.apiKey, 'new@example.com')?.hasLiteAccount).toBe(true);
  });
});

describe('the mergeByEmail policy', () => {
  beforeEach(() => {
    bed = new Testbed({ site: { policies: { liteAccounts: 'mergeByEmail' } } });
  });

  it('updates the existing lite account when the same email submits again', async () => {
    const first = await bed.liteSubmit({ email: 'ann@example.com', firstName: 'Ann' });
    const second = await bed.liteSubmit({ email: 'ANN@example.com', lastName: 'Lee' });
    expect(second.body.UID).toBe(first.body.UID);
    expect(liteAccounts('ann@example.com')).toHaveLength(1);
    expect(liteAccounts('ann@example.com')[0]!.profile).toMatchObject({ firstName: 'Ann', lastName: 'Lee' });
  });

  it('creates a new lite account for a new email', async () => {
    const first = await bed.liteSubmit({ email: 'ann@example.com' });
    const second = await bed.liteSubmit({ email: 'bob@example.com' });
    expect(second.body.UID).not.toBe(first.body.UID);
  });

  it('records the second submit as an update in the history of the first account', async () => {
    const first = await bed.liteSubmit({ email: 'ann@example.com', firstName: 'Ann' });
    await bed.liteSubmit({ email: 'ann@example.com', firstName: 'Annie' });
    const history = await bed.history(first.body.UID);
    expect(history).toHaveLength(2);
    expect(history[1]!.changes).toContainEqual({ field: 'profile.firstName', before: 'Ann', after: 'Annie' });
  });
});

describe('a lite submit with the email of a full account', () => {
  beforeEach(() => {
    bed = new Testbed();
  });

  it('creates a lite account beside the full account', async () => {
    const full = await bed.registerFull('ann@example.com', 'correct-horse-1', { firstName: 'Ann' });
    const { body } = await bed.liteSubmit({ email: 'ann@example.com', firstName: 'Mallory' });
    expect(body.UID).not.toBe(full.UID);
    expect(bed.store.accounts.get(bed.site.apiKey, body.UID)?.kind).toBe('lite');
  });

  it('never changes the full account profile', async () => {
    const full = await bed.registerFull('ann@example.com', 'correct-horse-1', { firstName: 'Ann' });
    const before = await bed.server('accounts.getAccountInfo', { UID: full.UID, include: 'profile,data,subscriptions' });
    await bed.liteSubmit({ email: 'ann@example.com', firstName: 'Mallory' }, { data: '{"hacked":true}' });
    const after = await bed.server('accounts.getAccountInfo', { UID: full.UID, include: 'profile,data,subscriptions' });
    expect(after.profile).toEqual(before.profile);
    expect(after.data).toEqual(before.data);
    expect(after.lastUpdated).toBe(before.lastUpdated);
  });

  it('never writes to the full account history', async () => {
    const full = await bed.registerFull('ann@example.com');
    const before = await bed.history(full.UID);
    await bed.liteSubmit({ email: 'ann@example.com', firstName: 'Mallory' });
    expect(await bed.history(full.UID)).toEqual(before);
  });

  it('sets both hasFullAccount and hasLiteAccount on the emailAccounts record', async () => {
    await bed.registerFull('ann@example.com');
    expect(bed.store.emailAccounts.get(bed.site.apiKey, 'ann@example.com')).toMatchObject({ hasFullAccount: true, hasLiteAccount: false });
    await bed.liteSubmit({ email: 'ann@example.com' });
    expect(bed.store.emailAccounts.get(bed.site.apiKey, 'ann@example.com')).toMatchObject({ hasFullAccount: true, hasLiteAccount: true });
  });

  it('creates a lite account beside the full account under mergeByEmail too', async () => {
    const merging = new Testbed({ site: { policies: { liteAccounts: 'mergeByEmail' } } });
    const full = await merging.registerFull('ann@example.com');
    const { body } = await merging.liteSubmit({ email: 'ann@example.com' });
    expect(body.UID).not.toBe(full.UID);
    expect(merging.store.accounts.get(merging.site.apiKey, full.UID)?.kind).toBe('full');
    merging.close();
  });
});

describe('the emailAccounts record', () => {
  beforeEach(() => {
    bed = new Testbed();
  });

  it('has a 64-hex token', async () => {
    await bed.liteSubmit({ email: 'ann@example.com' });
    expect(bed.store.emailAccounts.get(bed.site.apiKey, 'ann@example.com')?.token).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is keyed by the lower-cased email', async () => {
    await bed.liteSubmit({ email: 'Ann.Lee@Example.COM' });
    expect(bed.store.emailAccounts.get(bed.site.apiKey, 'ann.lee@example.com')?.email).toBe('ann.lee@example.com');
  });

  it('takes the latest data of every submit', async () => {
    await bed.liteSubmit({ email: 'ann@example.com', firstName: 'Ann', city: 'Namur' }, { data: '{"score":1}' });
    bed.clock.advance(5000);
    await bed.liteSubmit({ email: 'ann@example.com', firstName: 'Annie' }, { data: '{"score":2}' });
    const record = bed.store.emailAccounts.get(bed.site.apiKey, 'ann@example.com');
    expect(record?.profile).toMatchObject({ firstName: 'Annie', city: 'Namur' });
    expect(record?.data).toEqual({ score: 2 });
    expect(record!.lastUpdatedMs - record!.createdMs).toBe(5000);
  });
});

describe('lite regTokens', () => {
  beforeEach(() => {
    bed = new Testbed();
  });

  it('expires a regToken after one hour', async () => {
    const init = await bed.anonymous('accounts.initRegistration', { isLite: 'true' });
    bed.clock.advance(60 * 60 * 1000);
    const body = await bed.anonymous('accounts.setAccountInfo', { regToken: init.regToken, profile: '{"email":"a@b.c"}' });
    expect(body).toMatchObject({ errorCode: 400006, errorDetails: expect.stringContaining('expired') });
  });

  it('accepts a regToken just before its hour is up', async () => {
    const init = await bed.anonymous('accounts.initRegistration', { isLite: 'true' });
    bed.clock.advance(60 * 60 * 1000 - 1);
    const body = await bed.anonymous('accounts.setAccountInfo', { regToken: init.regToken, profile: '{"email":"a@b.c"}' });
    expect(body.errorCode).toBe(0);
  });

  it('answers a made-up regToken with 400006', async () => {
    const body = await bed.anonymous('accounts.setAccountInfo', { regToken: 'RT1_made_up', profile: '{"email":"a@b.c"}' });
    expect(body.errorCode).toBe(400006);
  });

  it('cannot register a full account with a lite regToken from initRegistration', async () => {
    const init = await bed.anonymous('accounts.initRegistration', { isLite: 'true' });
    const body = await bed.anonymous('accounts.register', { regToken: init.regToken, email: 'a@b.c', password: 'long-enough-1' });
    expect(body.errorCode).toBe(400006);
    expect(bed.store.accounts.count(bed.site.apiKey)).toBe(0);
  });

  it('cannot write to a full account with a lite regToken from getLiteToken of a progressed account', async () => {
    await bed.liteSubmit({ email: 'ann@example.com' });
    const token = (await bed.server('accounts.getLiteToken', { email: 'ann@example.com' })).token as string;
    await bed.anonymous('accounts.register', { regToken: token, email: 'ann@example.com', password: 'long-enough-1' });
    const body = await bed.anonymous('accounts.setAccountInfo', { regToken: token, data: '{"x":1}' });
    expect(body.errorCode).toBe(403007);
  });
});
