import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Testbed } from '../testing/testbed.js';

let bed: Testbed;
beforeEach(() => {
  bed = new Testbed();
});
afterEach(() => bed.close());

describe('accounts.getSchema', () => {
  it('returns every schema by default', async () => {
    const body = await bed.server('accounts.getSchema');
    expect(Object.keys(body)).toEqual(expect.arrayContaining(['profileSchema', 'dataSchema', 'subscriptionsSchema', 'preferencesSchema']));
    expect(body.profileSchema.fields.email).toMatchObject({ type: 'string', allowNull: true });
  });

  it('returns only the schemas named in include', async () => {
    const body = await bed.server('accounts.getSchema', { include: 'profileSchema' });
    expect(body).toHaveProperty('profileSchema');
    expect(body).not.toHaveProperty('dataSchema');
  });

  it('answers an unknown schema name with 400006', async () => {
    expect((await bed.server('accounts.getSchema', { include: 'secretSchema' })).errorCode).toBe(400006);
  });

  it('is readable client-side', async () => {
    expect((await bed.anonymous('accounts.getSchema')).errorCode).toBe(0);
  });
});
