import { GigyaError } from '../protocol/errors.js';
import { z } from 'zod';
import { list } from '../protocol/codecs.js';
import { gigyaMethod } from '../protocol/method.js';

const string = (required = false) => ({ type: 'string', required, allowNull: true, writeAccess: 'clientModify' });
const number = () => ({ type: 'long', required: false, allowNull: true, writeAccess: 'clientModify' });

/** The schema every fake site has: the profile fields the fake validates (profile.ts), free-form data. */
const schemas: Record<string, Record<string, unknown>> = {
  profileSchema: {
    fields: {
      email: { ...string(), format: "regex('^[^@\\s]+@[^@\\s]+$')" },
      firstName: string(),
      lastName: string(),
      gender: { ...string(), format: "regex('^[mfu]$')" },
      birthDay: number(),
      birthMonth: number(),
      birthYear: number(),
      address: string(),
      city: string(),
      zip: string(),
      country: string(),
      phones: { type: 'basic-string', required: false, allowNull: true, writeAccess: 'clientModify' },
      work: { type: 'basic-string', required: false, allowNull: true, writeAccess: 'clientModify' },
    },
  },
  dataSchema: { fields: {} },
  subscriptionsSchema: {
    fields: { newsletter: { email: { type: 'subscription', required: false, doubleOptIn: false, description: 'Newsletter' } } },
  },
  preferencesSchema: { fields: {} },
};

/** accounts.getSchema: include picks the parts; filter and scope are accepted. */
export const getSchema = gigyaMethod({
  name: 'accounts.getSchema',
  params: z.object({ include: list }),
  allowsClientSide: () => true,
  handle(context) {
    const includes = context.params.include ?? Object.keys(schemas);
    const result: Record<string, unknown> = {};
    for (const name of includes) {
      const schema = schemas[name];
      if (schema === undefined) throw GigyaError.invalidParameter('include', `unknown value "${name}"`);
      result[name] = schema;
    }
    return result;
  },
});
