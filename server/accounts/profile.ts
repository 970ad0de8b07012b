import { z } from 'zod';
import { GigyaError, type ValidationError } from '../protocol/errors.js';
import { emailSchema } from './email.js';

// The profile object (gigya-api.md §6.4). A field set to null is removed, as in Gigya.
// Value ranges are unconfirmed; the ones here are documented in docs/behaviour.md.

const text = z.string().max(1000).nullable();

/** Numbers arrive as JSON numbers or as digits in a string ("1990"): both are kept as numbers. */
const wholeNumber = (min: number, max: number) =>
  z
    .union([z.number(), z.string().regex(/^\d+$/).transform(Number)])
    .pipe(z.number().int().min(min).max(max))
    .nullable();

const phone = z.object({ type: z.string().max(100).optional(), number: z.string().min(1).max(100) }).strict();

const work = z
  .object({
    company: z.string().max(1000).optional(),
    companyID: z.string().max(1000).optional(),
    title: z.string().max(1000).optional(),
    companySize: z.number().optional(),
    startDate: z.string().max(100).optional(),
    endDate: z.string().max(100).optional(),
    industry: z.string().max(1000).optional(),
    isCurrent: z.boolean().optional(),
  })
  .strict();

const loose = z.unknown();

function buildProfileSchema(thisYear: number) {
  return z
    .object({
      email: emailSchema.nullable(),
      firstName: text,
      lastName: text,
      nickname: text,
      address: text,
      city: text,
      state: text,
      zip: z.string().max(100).nullable(),
      country: text,
      locale: z.string().max(20).nullable(),
      photoURL: text,
      thumbnailURL: text,
      profileURL: text,
      hometown: text,
      username: text,
      timezone: z.string().max(100).nullable(),
      bio: z.string().max(10_000).nullable(),
      industry: text,
      company: text,
      proxyEmail: text,
      religion: text,
      politicalView: text,
      relationshipStatus: text,
      interestedIn: text,
      honors: text,
      professionalHeadline: text,
      specialties: text,
      name: text,
      gender: z.enum(['m', 'f', 'u']).nullable(),
      birthDay: wholeNumber(1, 31),
      birthMonth: wholeNumber(1, 12),
      birthYear: wholeNumber(1850, thisYear),
      age: wholeNumber(0, 200),
      phones: z.array(phone).max(20).nullable(),
      work: z.array(work).max(20).nullable(),
      education: loose,
      languages: loose,
      skills: loose,
      likes: loose,
      favorites: loose,
      certifications: loose,
      patents: loose,
      publications: loose,
      samlData: loose,
    })
    .partial()
    .strict();
}

type ProfileSchema = ReturnType<typeof buildProfileSchema>;
const schemasByYear = new Map<number, ProfileSchema>();

/** The profile schema of a given moment: building a zod schema is costly, so one per year is kept. */
export function profileSchema(nowMs: number): ProfileSchema {
  const thisYear = new Date(nowMs).getUTCFullYear();
  let schema = schemasByYear.get(thisYear);
  if (schema === undefined) {
    schema = buildProfileSchema(thisYear);
    schemasByYear.set(thisYear, schema);
  }
  return schema;
}

/** Validates a profile patch; every violation becomes one validationErrors entry naming its field. */
export function validateProfile(patch: Record<string, unknown>, nowMs: number): Record<string, unknown> {
  const result = profileSchema(nowMs).safeParse(patch);
  if (result.success) return result.data;
  const errors: ValidationError[] = [];
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      // A nested unknown key (phones[0].ext) is named at its own path, not at the profile's root.
      for (const key of issue.keys) {
        const fieldName = ['profile', ...issue.path.map(String), key].join('.');
        errors.push({ errorCode: 400020, message: `Schema validation failed: unknown field ${fieldName}`, fieldName });
      }
      continue;
    }
    const fieldName = ['profile', ...issue.path.map(String)].join('.');
    errors.push({ errorCode: 400006, message: `Invalid ${fieldName}: ${issue.message}`, fieldName });
  }
  throw GigyaError.validation(errors);
}
