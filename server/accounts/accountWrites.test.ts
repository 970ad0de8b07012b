import { z } from 'zod';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bodyOf, Testbed } from '../testing/testbed.js';
import { GigyaError } from '../protocol/errors.js';
import type { GigyaMethod } from '../protocol/method.js';
import { newAccount, saveAccount } from './accountWrites.js';

let bed: Testbed;
beforeEach(() => {
  bed = new Testbed();
});
afterEach(() => bed.close());

describe('the change history', () => {
  it('records a lite submit with its method, no application key and every field written', async () => {
    const { body } = await bed.liteSubmit({ email: 'ann@example.com', firstName: 'Ann' });
    const history = await bed.history(body.UID);
    expect(history).toEqual([
      {
        id: expect.any(Number),
        at: new Date(bed.clock.now()).toISOString(),
        method: 'accounts.setAccountInfo',
        userKey: null,
        changes: expect.arrayContaining([
          { field: 'profile.email', before: null, after: 'ann@example.com' },
          { field: 'profile.firstName', before: null, after: 'Ann' },
          { field: 'kind', before: null, after: 'lite' },
        ]),
      },
    ]);
  });

  it('records the application key of a signed write', async () => {
    const full = await bed.registerFull('ann@example.com');
    await bed.call('accounts.setAccountInfo', bed.signed('accounts.setAccountInfo', { UID: full.UID, data: '{"a":1}' }));
    expect((await bed.history(full.UID)).at(-1)).toMatchObject({ method: 'accounts.setAccountInfo', userKey: bed.site.userKey });
  });

  it('records each changed field with its value before and after an overwrite', async () => {
    const full = await bed.registerFull('ann@example.com', 'correct-horse-1', { firstName: 'Ann', city: 'Namur' });
    bed.clock.advance(1000);
    await bed.server('accounts.setAccountInfo', { UID: full.UID, profile: '{"firstName":"Mallory","city":"Namur"}' });
    const last = (await bed.history(full.UID)).at(-1)!;
    expect(last.changes).toEqual([{ field: 'profile.firstName', before: 'Ann', after: 'Mallory' }]);
    expect(last.at).toBe(new Date(bed.clock.now()).toISOString());
  });

  it('records a register, then a login, in order', async () => {
    const full = await bed.registerFull('ann@example.com');
    await bed.anonymous('accounts.login', { loginID: 'ann@example.com', password: 'correct-horse-1' });
    expect((await bed.history(full.UID)).map((entry) => entry.method)).toEqual(['accounts.register', 'accounts.login']);
  });

  it('records nothing for a write that failed validation', async () => {
    const full = await bed.registerFull('ann@example.com');
    await bed.server('accounts.setAccountInfo', { UID: full.UID, profile: '{"gender":"x"}' });
    expect(await bed.history(full.UID)).toHaveLength(1);
  });

  it('never records a password', async () => {
    const full = await bed.registerFull('ann@example.com', 'correct-horse-battery');
    expect(JSON.stringify(await bed.history(full.UID))).not.toContain('correct-horse-battery');
  });

  it("shows nothing of an account to another site's apiKey", async () => {
    const { body } = await bed.liteSubmit({ email: 'ann@example.com' });
    const other = bed.addSite({ name: 'other' });
    // The admin API may answer 404 or an empty list; either way, nothing of site A shows.
    const response = await bed.request(`/__admin/accounts/${body.UID}/history?apiKey=${other.apiKey}`);
    expect((await bodyOf(response)).history ?? []).toEqual([]);
  });

  it('rolls the history back with the account when the write fails after saving', async () => {
    const saveThenFail: GigyaMethod = {
      name: 'accounts.saveThenFail',
      params: z.object({}),
      allowsClientSide: () => true,
      handle: (context) =>
        context.store.write(() => {
          saveAccount(context, null, { ...newAccount(context.site.apiKey, 'u'.repeat(32), 'lite', 0), email: 'x@y.z' });
          throw GigyaError.generalServerError('failed after the save');
        }),
    };
    const local = new Testbed({ methods: [saveThenFail] });
    expect((await local.anonymous('accounts.saveThenFail')).errorCode).toBe(500001);
    expect(local.store.accounts.get(local.site.apiKey, 'u'.repeat(32))).toBeNull();
    expect(local.store.history.of(local.site.apiKey, 'u'.repeat(32))).toEqual([]);
    expect(local.store.emailAccounts.get(local.site.apiKey, 'x@y.z')).toBeNull();
    local.close();
  });
});
