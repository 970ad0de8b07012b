import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Testbed } from '../testing/testbed.js';

let bed: Testbed;
beforeEach(() => {
  bed = new Testbed();
});
afterEach(() => bed.close());

describe('accounts.register', () => {
  it('creates a full account pending finalization, with its UID and a regToken', async () => {
    const body = await bed.server('accounts.register', { email: 'ann@example.com', password: 'correct-horse-1' });
    expect(body).toMatchObject({ errorCode: 0, UID: expect.stringMatching(/^[0-9a-f]{32}$/), regToken: expect.stringMatching(/^RT1_/) });
    expect(bed.store.accounts.get(bed.site.apiKey, body.UID)).toMatchObject({ kind: 'full', isRegistered: false });
  });

  it('registers and finalizes in one call with finalizeRegistration=true', async () => {
    const body = await bed.registerFull('ann@example.com', 'correct-horse-1', { firstName: 'Ann' });
    expect(body).toMatchObject({
      errorCode: 0,
      isRegistered: true,
      newUser: true,
      profile: { email: 'ann@example.com', firstName: 'Ann' },
      sessionInfo: { cookieName: `glt_${bed.site.apiKey}`, cookieValue: expect.any(String) },
    });
  });

  it('answers an email that already has a full account with 400009 and a 400003 on email', async () => {
    await bed.registerFull('ann@example.com');
    const body = await bed.server('accounts.register', { email: 'ann@example.com', password: 'other-password-1' });
    expect(body).toMatchObject({
      errorCode: 400009,
      errorMessage: 'Validation error',
      validationErrors: [{ errorCode: 400003, fieldName: 'email', message: 'email already exists' }],
    });
  });

  it('finds an existing email whatever its case', async () => {
    await bed.registerFull('ann@example.com');
    const body = await bed.server('accounts.register', { email: 'ANN@Example.com', password: 'other-password-1' });
    expect(body.validationErrors).toEqual([expect.objectContaining({ errorCode: 400003 })]);
  });

  it('hashes the password with scrypt and never stores it', async () => {
    const password = 'correct-horse-battery';
    const body = await bed.registerFull('ann@example.com', password);
    const stored = bed.store.accounts.get(bed.site.apiKey, body.UID)!.passwordHash!;
    expect(stored).toMatch(/^scrypt\$/);
    expect(stored).not.toBe(password);
    expect(stored).not.toContain(password);
  });

  it('salts each hash: one password gives two different hashes', async () => {
    const first = await bed.registerFull('ann@example.com', 'same-password-1');
    const second = await bed.registerFull('bob@example.com', 'same-password-1');
    const hashOf = (uid: string) => bed.store.accounts.get(bed.site.apiKey, uid)!.passwordHash;
    expect(hashOf(first.UID)).not.toBe(hashOf(second.UID));
  });

  it('answers a password under 8 characters with 400009 on password', async () => {
    const body = await bed.server('accounts.register', { email: 'ann@example.com', password: 'short' });
    expect(body).toMatchObject({ errorCode: 400009, validationErrors: [{ fieldName: 'password' }] });
  });

  it('answers a password over 256 characters with 400009 on password', async () => {
    const body = await bed.server('accounts.register', { email: 'ann@example.com', password: 'x'.repeat(257) });
    expect(body).toMatchObject({ errorCode: 400009, validationErrors: [{ fieldName: 'password' }] });
  });

  it('answers a missing email with 400002', async () => {
    expect((await bed.server('accounts.register', { password: 'correct-horse-1' })).errorDetails).toBe('Missing required parameter: email');
  });

  it('answers a missing password with 400002', async () => {
    expect((await bed.server('accounts.register', { email: 'ann@example.com' })).errorDetails).toBe('Missing required parameter: password');
  });

  it('answers a malformed email with 400009', async () => {
    expect((await bed.server('accounts.register', { email: 'not-an-email', password: 'correct-horse-1' })).errorCode).toBe(400009);
  });

  it('answers an invalid profile with 400009 and creates nothing', async () => {
    const body = await bed.server('accounts.register', { email: 'ann@example.com', password: 'correct-horse-1', profile: '{"birthMonth":13}' });
    expect(body.errorCode).toBe(400009);
    expect(bed.store.accounts.count(bed.site.apiKey)).toBe(0);
  });

  it('registers a full account beside a lite account of the same email', async () => {
    const lite = await bed.liteSubmit({ email: 'ann@example.com' });
    const full = await bed.registerFull('ann@example.com');
    expect(full.UID).not.toBe(lite.body.UID);
    expect(bed.store.emailAccounts.get(bed.site.apiKey, 'ann@example.com')).toMatchObject({ hasFullAccount: true, hasLiteAccount: true });
  });

  it('refuses a client-side register whose regToken is empty (403007), creating nothing', async () => {
    const body = await bed.anonymous('accounts.register', { regToken: '', email: 'ann@example.com', password: 'correct-horse-1', finalizeRegistration: 'true' });
    expect(body.errorCode).toBe(403007);
    expect(bed.store.emailAccounts.get(bed.site.apiKey, 'ann@example.com')).toBeNull();
  });

  it('keeps the lite UID and data when a lite account progresses with a getLiteToken token', async () => {
    const lite = await bed.liteSubmit({ email: 'ann@example.com', firstName: 'Ann' }, { data: '{"score":5}' });
    const { token } = await bed.server('accounts.getLiteToken', { email: 'ann@example.com' });
    const body = await bed.anonymous('accounts.register', { regToken: token, email: 'ann@example.com', password: 'correct-horse-1', finalizeRegistration: 'true' });
    expect(body).toMatchObject({ errorCode: 0, UID: lite.body.UID, newUser: false, profile: { firstName: 'Ann' }, data: { score: 5 } });
    expect(bed.store.accounts.get(bed.site.apiKey, lite.body.UID)).toMatchObject({ kind: 'full', isRegistered: true });
    expect(bed.store.emailAccounts.get(bed.site.apiKey, 'ann@example.com')).toMatchObject({ hasFullAccount: true, hasLiteAccount: false });
  });

  it('lets the progressed account log in with its new password', async () => {
    await bed.liteSubmit({ email: 'ann@example.com' });
    const { token } = await bed.server('accounts.getLiteToken', { email: 'ann@example.com' });
    await bed.anonymous('accounts.register', { regToken: token, email: 'ann@example.com', password: 'correct-horse-1', finalizeRegistration: 'true' });
    expect((await bed.anonymous('accounts.login', { loginID: 'ann@example.com', password: 'correct-horse-1' })).errorCode).toBe(0);
  });

  it('binds the initRegistration regToken to the account it registered', async () => {
    const init = await bed.anonymous('accounts.initRegistration');
    const registered = await bed.anonymous('accounts.register', { regToken: init.regToken, email: 'ann@example.com', password: 'correct-horse-1' });
    const body = await bed.anonymous('accounts.finalizeRegistration', { regToken: init.regToken });
    expect(body).toMatchObject({ errorCode: 0, UID: registered.UID });
  });

  it('answers an expired regToken with 400006', async () => {
    const init = await bed.anonymous('accounts.initRegistration');
    bed.clock.advance(60 * 60 * 1000);
    const body = await bed.anonymous('accounts.register', { regToken: init.regToken, email: 'ann@example.com', password: 'correct-horse-1' });
    expect(body.errorCode).toBe(400006);
  });

  it('keeps regSource given at registration', async () => {
    const body = await bed.server('accounts.register', { email: 'ann@example.com', password: 'correct-horse-1', regSource: 'qualifio' });
    expect(bed.store.accounts.get(bed.site.apiKey, body.UID)?.regSource).toBe('qualifio');
  });
});
