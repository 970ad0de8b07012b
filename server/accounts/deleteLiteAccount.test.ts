import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Testbed } from '../testing/testbed.js';

let bed: Testbed;
beforeEach(() => {
  bed = new Testbed();
});
afterEach(() => bed.close());

function tokenOf(email: string): string {
  return bed.store.emailAccounts.get(bed.site.apiKey, email)!.token;
}

describe('accounts.deleteLiteAccount', () => {
  it('deletes every lite account of the emailAccounts record and the record with them', async () => {
    await bed.liteSubmit({ email: 'ann@example.com' });
    await bed.liteSubmit({ email: 'ann@example.com' });
    expect((await bed.server('accounts.deleteLiteAccount', { emailAccountToken: tokenOf('ann@example.com') })).errorCode).toBe(0);
    expect(bed.store.accounts.byEmail(bed.site.apiKey, 'ann@example.com')).toEqual([]);
    expect(bed.store.emailAccounts.get(bed.site.apiKey, 'ann@example.com')).toBeNull();
  });

  it('deletes only the lite account named by UID', async () => {
    const first = await bed.liteSubmit({ email: 'ann@example.com' });
    const second = await bed.liteSubmit({ email: 'ann@example.com' });
    await bed.server('accounts.deleteLiteAccount', { emailAccountToken: tokenOf('ann@example.com'), UID: first.body.UID });
    expect(bed.store.accounts.byEmail(bed.site.apiKey, 'ann@example.com').map((account) => account.uid)).toEqual([second.body.UID]);
  });

  it('keeps the full account of the email, and the record with hasLiteAccount false', async () => {
    const full = await bed.registerFull('ann@example.com');
    await bed.liteSubmit({ email: 'ann@example.com' });
    await bed.server('accounts.deleteLiteAccount', { emailAccountToken: tokenOf('ann@example.com') });
    expect(bed.store.accounts.get(bed.site.apiKey, full.UID)).not.toBeNull();
    expect(bed.store.emailAccounts.get(bed.site.apiKey, 'ann@example.com')).toMatchObject({ hasFullAccount: true, hasLiteAccount: false });
  });

  it('answers an unknown emailAccountToken with 400006', async () => {
    expect((await bed.server('accounts.deleteLiteAccount', { emailAccountToken: '0'.repeat(64) })).errorCode).toBe(400006);
  });

  it('answers a record without lite accounts with 404000', async () => {
    await bed.registerFull('ann@example.com');
    expect((await bed.server('accounts.deleteLiteAccount', { emailAccountToken: tokenOf('ann@example.com') })).errorCode).toBe(404000);
  });

  it('answers a missing emailAccountToken with 400002', async () => {
    expect((await bed.server('accounts.deleteLiteAccount')).errorCode).toBe(400002);
  });
});
