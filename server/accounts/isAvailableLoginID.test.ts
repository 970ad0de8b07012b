import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Testbed } from '../testing/testbed.js';

let bed: Testbed;
beforeEach(() => {
  bed = new Testbed();
});
afterEach(() => bed.close());

describe('accounts.isAvailableLoginID', () => {
  it('says an unknown email is available', async () => {
    expect(await bed.anonymous('accounts.isAvailableLoginID', { loginID: 'new@example.com' })).toMatchObject({ errorCode: 0, isAvailable: true });
  });

  it('says the email of a full account is taken, whatever its case', async () => {
    await bed.registerFull('ann@example.com');
    expect((await bed.anonymous('accounts.isAvailableLoginID', { loginID: 'ANN@example.com' })).isAvailable).toBe(false);
  });

  it('says the email of a lite account only is still available', async () => {
    await bed.liteSubmit({ email: 'lite@example.com' });
    expect((await bed.anonymous('accounts.isAvailableLoginID', { loginID: 'lite@example.com' })).isAvailable).toBe(true);
  });

  it('answers a missing loginID with 400002', async () => {
    expect((await bed.anonymous('accounts.isAvailableLoginID')).errorCode).toBe(400002);
  });
});
