import type { AccountSchema, FieldSchema } from '../store/accountSchema.js';

const field = (type: FieldSchema['type'], extra: Partial<FieldSchema> = {}): FieldSchema => ({
  type,
  required: false,
  allowNull: true,
  // clientModify: a site set up for a Qualifio form lets the form's client-side lite write set them.
  writeAccess: 'clientModify',
  ...extra,
});

/** The profile fields the fake validates (accounts/profile.ts), as a CDC site's implicit profile schema lists them. */
const profileFields: Record<string, FieldSchema> = {
  email: field('string', { format: "regex('^[^@\\s]+@[^@\\s]+$')", encrypt: 'AES' }),
  firstName: field('string', { encrypt: 'AES' }),
  lastName: field('string', { encrypt: 'AES' }),
  nickname: field('string'),
  gender: field('string', { format: "regex('^[fmu]{1}$')" }),
  birthDay: field('long'),
  birthMonth: field('long'),
  birthYear: field('long'),
  age: field('long'),
  address: field('string', { encrypt: 'AES' }),
  city: field('string', { encrypt: 'AES' }),
  state: field('string'),
  zip: field('string', { encrypt: 'AES' }),
  country: field('string', { encrypt: 'AES' }),
  locale: field('string'),
  phones: field('basic-string'),
  work: field('basic-string'),
  username: field('string'),
  timezone: field('string'),
  company: field('string'),
  industry: field('string'),
  photoURL: field('string'),
  thumbnailURL: field('string'),
  profileURL: field('string'),
  hometown: field('string'),
  bio: field('text'),
};

/**
 * What a fake site's schema is until someone changes it (accounts.setSchema, /__admin, a
 * seed): a CDC site configured for a Qualifio form. The profile is client-writable, data is
 * dynamic, `newsletter` is a client-writable subscription without double opt-in, and there is
 * no consent statement.
 */
export const defaultAccountSchema: AccountSchema = {
  profileSchema: { fields: profileFields, dynamicSchema: false },
  dataSchema: { fields: {}, dynamicSchema: true },
  subscriptionsSchema: {
    fields: {
      newsletter: {
        email: {
          type: 'subscription',
          required: false,
          writeAccess: 'clientModify',
          doubleOptIn: false,
          description: 'Newsletter',
          enableConditionalDoubleOptIn: false,
          relatedConsentIds: [],
        },
      },
    },
  },
  preferencesSchema: { fields: {} },
  clientCreatesFields: true,
};
