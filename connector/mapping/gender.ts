/**
 * profile.gender is "m", "f" or "u" (gigya-api.md §6.4). Qualifio forms are multilingual
 * (FR/NL/EN/DE in the seed's Belgian example), so titles and words of those languages count.
 */
const female = new Set([
  'f', 'female', 'woman', 'w', 'mrs', 'ms', 'miss',
  'femme', 'mme', 'madame', 'mlle', 'mademoiselle',
  'vrouw', 'v', 'mevrouw', 'mevr', 'frau',
]);
const male = new Set([
  'm', 'male', 'man', 'mr', 'mister', 'sir',
  'homme', 'monsieur', 'mons',
  'heer', 'meneer', 'dhr', 'herr', 'h',
]);

export type GigyaGender = 'm' | 'f' | 'u';

/** f/m for recognised inputs, u for anything else that is not blank; undefined for blank. */
export function normaliseGender(input: string): GigyaGender | undefined {
  const key = input
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\.+$/, '');
  if (key === '') return undefined;
  if (female.has(key)) return 'f';
  if (male.has(key)) return 'm';
  return 'u';
}
