import { GigyaError } from '../protocol/errors.js';

/**
 * Profile fields Gigya leaves out of getAccountInfo unless `extraProfileFields` names them
 * (SAP's accounts.getAccountInfo reference). The basic fields (names, email, gender, birth
 * date, city, zip, country, …) are always returned.
 */
export const extraProfileFields = new Set([
  'languages',
  'address',
  'phones',
  'education',
  'educationLevel',
  'honors',
  'publications',
  'patents',
  'certifications',
  'professionalHeadline',
  'bio',
  'industry',
  'specialties',
  'work',
  'skills',
  'religion',
  'politicalView',
  'interestedIn',
  'relationshipStatus',
  'hometown',
  'favorites',
  'followersCount',
  'followingCount',
  'username',
  'name',
  'locale',
  'verified',
  'timezone',
  'likes',
  'samlData',
]);

/** The extra fields a caller asked for; a name outside Gigya's list is a 400006, as an unknown `include` is. */
export function requestedExtras(names: readonly string[] | undefined): ReadonlySet<string> {
  const requested = new Set<string>();
  for (const name of names ?? []) {
    if (!extraProfileFields.has(name)) throw GigyaError.invalidParameter('extraProfileFields', `unknown value "${name}"`);
    requested.add(name);
  }
  return requested;
}

/** The profile as getAccountInfo shows it: basic fields, plus the extra ones asked for. */
export function visibleProfile(profile: Record<string, unknown>, requested: ReadonlySet<string>): Record<string, unknown> {
  const visible: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(profile)) {
    if (!extraProfileFields.has(field) || requested.has(field)) visible[field] = value;
  }
  return visible;
}
