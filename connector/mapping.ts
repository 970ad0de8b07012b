import type { GigyaProfile } from './gigya/profile.js';
import { composeAddress } from './mapping/address.js';
import { birthdayFormats, parseBirthday } from './mapping/birthday.js';
import { isStandardCrmVariable, type CrmValues } from './mapping/crmVariables.js';
import { normaliseGender } from './mapping/gender.js';
import { normalisePhoneNumber } from './mapping/phone.js';
import { defaultMappingSettings, type MappingSettings } from './settings/mappingOverrides.js';

/** A value the participant gave that is not sent, and why. */
export interface MappingProblem {
  crmVariable: string;
  message: string;
}

export interface MappedParticipation {
  profile: GigyaProfile;
  /** Only filled by mapping overrides that target data.* */
  data: Record<string, unknown>;
  /** The participant ticked the opt-in box (used by the custom set-up only). */
  optIn: boolean;
  problems: MappingProblem[];
  /** CRM variables with a value but no Gigya destination (custom variables without an override). */
  unmapped: string[];
}

export interface MappingOptions {
  settings?: MappingSettings;
  /** Birthdays after this day are refused. */
  today: Date;
}

/** The seed's table plus email, as simple one-to-one rows: CRM variable → profile field. */
const simpleRows = {
  email: 'email',
  firstname: 'firstName',
  lastname: 'lastName',
  locality: 'city',
  zipcode: 'zip',
  country: 'country',
} as const satisfies Record<string, keyof GigyaProfile>;

/**
 * Maps one participation's CRM values to what Gigya receives. A blank value is never sent, so
 * a later setAccountInfo (a per-field merge) never blanks out data Gigya already holds.
 */
export function mapParticipation(values: CrmValues, options: MappingOptions): MappedParticipation {
  const settings = options.settings ?? defaultMappingSettings;
  const result: MappedParticipation = { profile: {}, data: {}, optIn: false, problems: [], unmapped: [] };
  const text = (name: string): string => {
    const value = values[name];
    return typeof value === 'string' ? value.trim().replace(/\s+/g, ' ') : '';
  };

  // Overridden variables leave the built-in rows (including compositions such as the address).
  const builtIn = new Set(Object.keys(values).filter((name) => !(name in settings.overrides)));
  for (const [name, target] of Object.entries(settings.overrides)) {
    const value = text(name);
    if (target === null || value === '') continue;
    const [root, ...path] = target.split('.');
    setPath(root === 'profile' ? result.profile : result.data, path, value);
  }
  const take = (name: string): string => (builtIn.has(name) ? text(name) : '');

  for (const [name, field] of Object.entries(simpleRows)) {
    const value = take(name);
    if (value !== '') result.profile[field] = value;
  }

  const gender = normaliseGender(take('gender'));
  if (gender !== undefined) result.profile.gender = gender;

  const birthday = take('birthday');
  if (birthday !== '') {
    const parsed = parseBirthday(birthday, options.today);
    if (parsed) Object.assign(result.profile, parsed);
    else result.problems.push({ crmVariable: 'birthday', message: `"${birthday}" is not a valid past date (expected ${birthdayFormats}); not sent` });
  }

  const phone = take('phone');
  if (phone !== '') {
    const number = normalisePhoneNumber(phone);
    if (number !== null) result.profile.phones = [{ type: settings.phoneType, number }];
    else result.problems.push({ crmVariable: 'phone', message: `"${phone}" is not a phone number; not sent` });
  }

  const street = take('address');
  const address = composeAddress(street, take('number'), take('box'));
  if (address !== undefined) result.profile.address = address;
  else if (take('number') !== '' || take('box') !== '') {
    result.problems.push({ crmVariable: 'address', message: 'a number or box without a street is not an address; not sent' });
  }

  const title = take('function');
  const company = take('company');
  if (title !== '' || company !== '') {
    result.profile.work = [{ ...(title !== '' && { title }), ...(company !== '' && { company }) }];
  }

  result.optIn = builtIn.has('optin') && isTicked(values.optin);

  for (const name of builtIn) {
    if (!isStandardCrmVariable(name) && text(name) !== '') result.unmapped.push(name);
  }
  return result;
}

/** Checkbox values as browsers and JSON clients send them. */
export function isTicked(value: string | boolean | undefined): boolean {
  if (typeof value === 'boolean') return value;
  return ['true', '1', 'on', 'yes', 'y', 'oui', 'ja'].includes((value ?? '').trim().toLowerCase());
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node = target;
  path.slice(0, -1).forEach((key) => {
    const next = node[key];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) node[key] = {};
    node = node[key] as Record<string, unknown>;
  });
  node[path[path.length - 1]!] = value;
}
