import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Testbed } from '../testing/testbed.js';

let bed: Testbed;
beforeEach(() => {
  bed = new Testbed();
});
afterEach(() => bed.close());

function lites(email: string) {
  return bed.store.accounts.byEmail(bed.site.apiKey, email).filter((account) => account.kind === 'lite');
}

describe('accounts.importLiteAccount', () => {
  it('creates a lite account with the email, profile, data and subscriptions given', async () => {
    const body = await bed.server('accounts.importLiteAccount', {
      email: 'ann@example.com',
      profile: '{"firstName":"Ann"}',
      data: '{"source":"import"}',
      subscriptions: JSON.stringify({ newsletter: { email: { isSubscribed: true } } }),
    });
    expect(body.errorCode).toBe(0);
    expect(lites('ann@example.com')).toEqual([
      expect.objectContaining({ profile: { firstName: 'Ann', email: 'ann@example.com' }, data: { source: 'import' } }),
    ]);
    expect(bed.store.emailAccounts.get(bed.site.apiKey, 'ann@example.com')?.hasLiteAccount).toBe(true);
  });

  it('uses the email param over a profile.email', async () => {
    await bed.server('accounts.importLiteAccount', { email: 'ann@example.com', profile: '{"email":"other@example.com"}' });
    expect(lites('ann@example.com')).toHaveLength(1);
    expect(lites('other@example.com')).toHaveLength(0);
  });

  it('follows the perSubmit policy: a second import of an email makes a second lite account', async () => {
    await bed.server('accounts.importLiteAccount', { email: 'ann@example.com' });
    await bed.server('accounts.importLiteAccount', { email: 'ann@example.com' });
    expect(lites('ann@example.com')).toHaveLength(2);
  });

  it('follows the mergeByEmail policy: a second import updates the lite account', async () => {
    const merging = new Testbed({ site: { policies: { liteAccounts: 'mergeByEmail' } } });
    await merging.server('accounts.importLiteAccount', { email: 'ann@example.com', profile: '{"firstName":"Ann"}' });
    await merging.server('accounts.importLiteAccount', { email: 'ann@example.com', profile: '{"lastName":"Lee"}' });
    const accounts = merging.store.accounts.byEmail(merging.site.apiKey, 'ann@example.com');
    expect(accounts).toHaveLength(1);
    expect(accounts[0]!.profile).toMatchObject({ firstName: 'Ann', lastName: 'Lee' });
    merging.close();
  });

  it('never changes a full account of the same email', async () => {
    const full = await bed.registerFull('ann@example.com', 'correct-horse-1', { firstName: 'Ann' });
    await bed.server('accounts.importLiteAccount', { email: 'ann@example.com', profile: '{"firstName":"Mallory"}' });
    expect(bed.store.accounts.get(bed.site.apiKey, full.UID)?.profile.firstName).toBe('Ann');
  });

  it('answers a missing email with 400002', async () => {
    expect((await bed.server('accounts.importLiteAccount', { profile: '{}' })).errorCode).toBe(400002);
  });

  it('answers a malformed email with 400009', async () => {
    expect((await bed.server('accounts.importLiteAccount', { email: 'nope' })).errorCode).toBe(400009);
  });
});
