import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Testbed } from '../testing/testbed.js';

let bed: Testbed;
let uid: string;
beforeEach(async () => {
  bed = new Testbed();
  uid = (await bed.registerFull('ann@example.com', 'correct-horse-1', { firstName: 'Ann' })).UID as string;
});
afterEach(() => bed.close());

function login(loginID: string, password: string, extra: Record<string, string> = {}) {
  return bed.anonymous('accounts.login', { loginID, password, ...extra });
}

describe('accounts.login', () => {
  it('logs in with the right password and returns the account and a session', async () => {
    const body = await login('ann@example.com', 'correct-horse-1');
    expect(body).toMatchObject({ errorCode: 0, UID: uid, isNewUser: false, profile: { firstName: 'Ann' }, sessionInfo: { cookieName: expect.any(String) } });
  });

  it('records the login time', async () => {
    bed.clock.advance(5000);
    const body = await login('ann@example.com', 'correct-horse-1');
    expect(body.lastLoginTimestamp).toBe(bed.clock.now());
    expect(bed.store.accounts.get(bed.site.apiKey, uid)?.lastLoginMs).toBe(bed.clock.now());
  });

  it('matches the loginID whatever its case', async () => {
    expect((await login('Ann@Example.COM', 'correct-horse-1')).UID).toBe(uid);
  });

  it('keeps logging in with its loginID after the profile email changes', async () => {
    const changed = await bed.server('accounts.setAccountInfo', { UID: uid, profile: JSON.stringify({ email: 'ann.new@example.com' }) });
    expect(changed.errorCode).toBe(0);
    expect((await login('ann@example.com', 'correct-horse-1')).UID).toBe(uid);
    expect((await login('ann.new@example.com', 'correct-horse-1')).errorCode).toBe(403042);
    expect((await bed.anonymous('accounts.isAvailableLoginID', { loginID: 'ann@example.com' })).isAvailable).toBe(false);
  });

  it('answers a wrong password with 403042', async () => {
    const body = await login('ann@example.com', 'wrong-horse-1');
    expect(body).toMatchObject({ errorCode: 403042, errorMessage: 'Invalid LoginID', errorDetails: 'Invalid LoginID or password', statusCode: 403 });
  });

  it('answers an unknown loginID with the same 403042', async () => {
    const unknown = await login('nobody@example.com', 'correct-horse-1');
    const wrong = await login('ann@example.com', 'wrong-horse-1');
    expect({ ...unknown, callId: '', time: '' }).toEqual({ ...wrong, callId: '', time: '' });
  });

  it('answers the email of a lite account with 403042: lite accounts have no password', async () => {
    await bed.liteSubmit({ email: 'lite@example.com' });
    expect((await login('lite@example.com', 'anything-at-all')).errorCode).toBe(403042);
  });

  it('answers an account pending registration with 206001 and a regToken that finalizes it', async () => {
    const pending = await bed.server('accounts.register', { email: 'bob@example.com', password: 'correct-horse-1' });
    const body = await login('bob@example.com', 'correct-horse-1');
    expect(body).toMatchObject({ errorCode: 206001, regToken: expect.stringMatching(/^RT1_/) });
    const finalized = await bed.anonymous('accounts.finalizeRegistration', { regToken: body.regToken });
    expect(finalized).toMatchObject({ errorCode: 0, UID: pending.UID });
  });

  it('answers a deactivated account with 403041', async () => {
    await bed.server('accounts.setAccountInfo', { UID: uid, isActive: 'false' });
    expect((await login('ann@example.com', 'correct-horse-1')).errorCode).toBe(403041);
  });

  it('answers a missing loginID or password with 400002', async () => {
    expect((await bed.anonymous('accounts.login', { password: 'x' })).errorCode).toBe(400002);
    expect((await bed.anonymous('accounts.login', { loginID: 'ann@example.com' })).errorCode).toBe(400002);
  });

  it('never records the password in the history', async () => {
    await login('ann@example.com', 'correct-horse-1');
    expect(JSON.stringify(await bed.history(uid))).not.toContain('correct-horse-1');
  });
});
