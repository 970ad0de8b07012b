import { z } from 'zod';

/** The profile fields the connector writes (gigya-api.md §6.4); other fields pass through untouched. */
export const gigyaProfileSchema = z
  .object({
    email: z.string().optional(),
    firstName: z.string().optional(),
    lastName: z.string().optional(),
    gender: z.enum(['m', 'f', 'u']).optional(),
    birthDay: z.number().int().optional(),
    birthMonth: z.number().int().optional(),
    birthYear: z.number().int().optional(),
    phones: z.array(z.object({ type: z.string().optional(), number: z.string().optional() }).loose()).optional(),
    address: z.string().optional(),
    city: z.string().optional(),
    zip: z.string().optional(),
    country: z.string().optional(),
    work: z.array(z.object({ title: z.string().optional(), company: z.string().optional() }).loose()).optional(),
  })
  .loose();

export type GigyaProfile = z.infer<typeof gigyaProfileSchema>;

/**
 * Profile fields getAccountInfo leaves out unless `extraProfileFields` names them (SAP's
 * accounts.getAccountInfo reference). Reading an account without asking for them makes them
 * look blank — and a fill-blanks write would then overwrite them.
 */
const extraProfileFieldNames: ReadonlySet<string> = new Set([
  'languages', 'address', 'phones', 'education', 'educationLevel', 'honors', 'publications', 'patents',
  'certifications', 'professionalHeadline', 'bio', 'industry', 'specialties', 'work', 'skills', 'religion',
  'politicalView', 'interestedIn', 'relationshipStatus', 'hometown', 'favorites', 'followersCount',
  'followingCount', 'username', 'name', 'locale', 'verified', 'timezone', 'likes', 'samlData',
]);

/** The `extraProfileFields` value that makes every extra field of `profile` visible, or undefined if none. */
export function extraProfileFieldsOf(profile: GigyaProfile): string | undefined {
  const extras = Object.keys(profile).filter((field) => extraProfileFieldNames.has(field)).sort();
  return extras.length > 0 ? extras.join(',') : undefined;
}
