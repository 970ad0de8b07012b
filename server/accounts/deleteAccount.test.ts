import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Testbed } from '../testing/testbed.js';

let bed: Testbed;
beforeEach(() => {
  bed = new Testbed();
});
afterEach(() => bed.close());

describe('accounts.deleteAccount', () => {
  it('deletes a full account: it then reads as 403005', async () => {
    const full = await bed.registerFull('ann@example.com');
    expect((await bed.server('accounts.deleteAccount', { UID: full.UID })).errorCode).toBe(0);
    expect((await bed.server('accounts.getAccountInfo', { UID: full.UID })).errorCode).toBe(403005);
  });

  it('deletes a lite account', async () => {
    const { body } = await bed.liteSubmit({ email: 'lite@example.com' });
    expect((await bed.server('accounts.deleteAccount', { UID: body.UID })).errorCode).toBe(0);
    expect(bed.store.accounts.get(bed.site.apiKey, body.UID)).toBeNull();
  });

  it('keeps the history readable, ending with the deletion', async () => {
    const full = await bed.registerFull('ann@example.com', 'correct-horse-1', { firstName: 'Ann' });
    await bed.server('accounts.deleteAccount', { UID: full.UID });
    const history = await bed.history(full.UID);
    expect(history.at(-1)).toMatchObject({ method: 'accounts.deleteAccount', userKey: bed.site.userKey });
    expect(history.at(-1)!.changes).toContainEqual({ field: 'profile.firstName', before: 'Ann', after: null });
  });

  it('removes the emailAccounts record with the last account of its email', async () => {
    const full = await bed.registerFull('ann@example.com');
    await bed.server('accounts.deleteAccount', { UID: full.UID });
    expect(bed.store.emailAccounts.get(bed.site.apiKey, 'ann@example.com')).toBeNull();
  });

  it('keeps the emailAccounts record while another account has the email, with its flags recomputed', async () => {
    const full = await bed.registerFull('ann@example.com');
    await bed.liteSubmit({ email: 'ann@example.com' });
    const token = bed.store.emailAccounts.get(bed.site.apiKey, 'ann@example.com')?.token;
    await bed.server('accounts.deleteAccount', { UID: full.UID });
    expect(bed.store.emailAccounts.get(bed.site.apiKey, 'ann@example.com')).toMatchObject({ token, hasFullAccount: false, hasLiteAccount: true });
  });

  it('frees the loginID of a deleted full account', async () => {
    const full = await bed.registerFull('ann@example.com');
    await bed.server('accounts.deleteAccount', { UID: full.UID });
    expect((await bed.anonymous('accounts.isAvailableLoginID', { loginID: 'ann@example.com' })).isAvailable).toBe(true);
  });

  it('answers an unknown UID with 403005', async () => {
    expect((await bed.server('accounts.deleteAccount', { UID: 'a'.repeat(32) })).errorCode).toBe(403005);
  });

  it('answers a missing UID with 400002', async () => {
    expect((await bed.server('accounts.deleteAccount')).errorCode).toBe(400002);
  });
});
