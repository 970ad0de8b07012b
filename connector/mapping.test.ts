import { describe, expect, it } from 'vitest';
import { mapParticipation } from './mapping.js';
import { normaliseGender } from './mapping/gender.js';
import { parseBirthday } from './mapping/birthday.js';
import { normalisePhoneNumber } from './mapping/phone.js';
import { composeAddress } from './mapping/address.js';
import { defaultMappingSettings } from './settings/mappingOverrides.js';

const today = new Date('2026-06-01T00:00:00Z');
const map = (values: Record<string, string | boolean>, settings = defaultMappingSettings) => mapParticipation(values, { today, settings });

describe('mapping rows', () => {
  it('maps firstname to profile.firstName', () => expect(map({ firstname: 'John' }).profile).toEqual({ firstName: 'John' }));
  it('maps lastname to profile.lastName', () => expect(map({ lastname: 'Doe' }).profile).toEqual({ lastName: 'Doe' }));
  it('maps email to profile.email', () => expect(map({ email: 'a@b.c' }).profile).toEqual({ email: 'a@b.c' }));
  it('maps gender to profile.gender', () => expect(map({ gender: 'F' }).profile).toEqual({ gender: 'f' }));
  it('maps birthday to profile.birthDay, birthMonth and birthYear', () =>
    expect(map({ birthday: '1990-04-23' }).profile).toEqual({ birthDay: 23, birthMonth: 4, birthYear: 1990 }));
  it('maps phone to profile.phones with the configured type', () =>
    expect(map({ phone: '0487 66 49251' }).profile).toEqual({ phones: [{ type: 'mobile', number: '0487 66 49251' }] }));
  it('maps address, number and box to one profile.address "street number box"', () =>
    expect(map({ address: 'Rue de Birmingham', number: '280', box: 'b3' }).profile).toEqual({ address: 'Rue de Birmingham 280 b3' }));
  it('maps locality to profile.city', () => expect(map({ locality: 'Diest' }).profile).toEqual({ city: 'Diest' }));
  it('maps zipcode to profile.zip', () => expect(map({ zipcode: '3290' }).profile).toEqual({ zip: '3290' }));
  it('maps country to profile.country', () => expect(map({ country: 'Belgium' }).profile).toEqual({ country: 'Belgium' }));
  it('maps function to profile.work[0].title', () =>
    expect(map({ function: 'Advertising Director' }).profile).toEqual({ work: [{ title: 'Advertising Director' }] }));
  it('maps company to profile.work[0].company', () => expect(map({ company: 'Spotify' }).profile).toEqual({ work: [{ company: 'Spotify' }] }));
  it('puts function and company in the same single work element', () =>
    expect(map({ function: 'CTO', company: 'Spotify' }).profile.work).toEqual([{ title: 'CTO', company: 'Spotify' }]));

  it('maps the seed example participant completely', () => {
    const mapped = map({
      email: 'john@example.com', firstname: 'John', lastname: 'Doe', gender: 'm', birthday: '23/04/1990', phone: '0487 66 49251',
      address: 'Rue de Birmingham', number: '280', box: '', locality: 'Diest', zipcode: '3290', country: 'Belgium',
      function: 'Advertising Director', company: 'Spotify',
    });
    expect(mapped.profile).toEqual({
      email: 'john@example.com', firstName: 'John', lastName: 'Doe', gender: 'm', birthDay: 23, birthMonth: 4, birthYear: 1990,
      phones: [{ type: 'mobile', number: '0487 66 49251' }], address: 'Rue de Birmingham 280', city: 'Diest', zip: '3290',
      country: 'Belgium', work: [{ title: 'Advertising Director', company: 'Spotify' }],
    });
    expect(mapped.problems).toEqual([]);
  });
});

describe('empty values', () => {
  it('never sends blank or whitespace-only values', () => {
    const mapped = map({ email: 'a@b.c', firstname: '  ', lastname: '', gender: '', birthday: ' ', phone: '', address: '', locality: '', function: '', company: '' });
    expect(mapped.profile).toEqual({ email: 'a@b.c' });
    expect(mapped.problems).toEqual([]);
  });

  it('trims and collapses inner whitespace', () => expect(map({ firstname: '  Mary   Ann ' }).profile).toEqual({ firstName: 'Mary Ann' }));
});

describe('gender normalisation', () => {
  it.each(['F', 'f', 'female', 'Female', 'Mme', 'Mme.', 'Madame', 'Mrs', 'Mevrouw', 'Mlle'])('reads %s as f', (input) =>
    expect(normaliseGender(input)).toBe('f'));
  it.each(['M', 'm', 'male', 'Male', 'Mr', 'Mr.', 'Monsieur', 'Dhr', 'Herr'])('reads %s as m', (input) =>
    expect(normaliseGender(input)).toBe('m'));
  it.each(['x', 'other', 'non-binary', 'u', '?'])('reads anything else (%s) as u', (input) => expect(normaliseGender(input)).toBe('u'));
  it('reads a blank as nothing to send', () => expect(normaliseGender('  ')).toBeUndefined());
});

describe('birthday parsing', () => {
  it.each([
    ['1990-04-23', 'YYYY-MM-DD'],
    ['23/04/1990', 'DD/MM/YYYY'],
    ['23-04-1990', 'DD-MM-YYYY'],
    ['23.04.1990', 'DD.MM.YYYY'],
  ])('reads %s (%s)', (input) => expect(parseBirthday(input, today)).toEqual({ birthDay: 23, birthMonth: 4, birthYear: 1990 }));

  it('accepts a leap day in a leap year', () => expect(parseBirthday('29/02/2000', today)).toEqual({ birthDay: 29, birthMonth: 2, birthYear: 2000 }));
  it.each(['31/02/1990', '29/02/1999', '1990-13-01', '00/01/1990', '23/04/90', '04/23/1990', '23/04-1990', 'yesterday', '1899-12-31', '02/06/2026'])(
    'refuses %s',
    (input) => expect(parseBirthday(input, today)).toBeNull(),
  );

  it('does not send an invalid birthday and reports it', () => {
    const mapped = map({ email: 'a@b.c', birthday: '31/02/1990' });
    expect(mapped.profile).toEqual({ email: 'a@b.c' });
    expect(mapped.problems).toEqual([{ crmVariable: 'birthday', message: expect.stringContaining('31/02/1990') }]);
  });
});

describe('phone numbers', () => {
  it('keeps the number as typed, whitespace collapsed', () => expect(normalisePhoneNumber(' +32  487 66 49 251 ')).toBe('+32 487 66 49 251'));
  it.each(['call me', '12', '+32 abc 123'])('refuses %s', (input) => expect(normalisePhoneNumber(input)).toBeNull());
  it('does not send an invalid phone and reports it', () => {
    const mapped = map({ phone: 'call me' });
    expect(mapped.profile).toEqual({});
    expect(mapped.problems[0]?.crmVariable).toBe('phone');
  });
  it('uses the phone type from settings', () =>
    expect(map({ phone: '016 12 34 56' }, { ...defaultMappingSettings, phoneType: 'home' }).profile.phones).toEqual([{ type: 'home', number: '016 12 34 56' }]));
});

describe('address composition', () => {
  it('skips blank parts', () => expect(composeAddress('Rue de Birmingham', '', 'b3')).toBe('Rue de Birmingham b3'));
  it('sends no address without a street, and reports the lone number', () => {
    const mapped = map({ number: '280', box: 'b3' });
    expect(mapped.profile).toEqual({});
    expect(mapped.problems[0]?.crmVariable).toBe('address');
  });
});

describe('opt-in and custom variables', () => {
  it.each([true, 'true', 'on', '1', 'yes'])('reads %s as an opt-in', (value) => expect(map({ optin: value }).optIn).toBe(true));
  it.each([false, 'false', '', '0', 'no'])('reads %s as no opt-in', (value) => expect(map({ optin: value }).optIn).toBe(false));
  it('never puts the opt-in in the profile', () => expect(map({ optin: true }).profile).toEqual({}));
  it('lists custom variables without an override as unmapped', () => {
    const mapped = map({ favouriteTeam: 'RSCA' });
    expect(mapped.unmapped).toEqual(['favouriteTeam']);
    expect(mapped.profile).toEqual({});
  });
});

describe('mapping overrides', () => {
  const withOverrides = (overrides: Record<string, string | null>) => ({ ...defaultMappingSettings, overrides });

  it('sends an overridden variable to its new path', () =>
    expect(map({ locality: 'Diest' }, withOverrides({ locality: 'profile.hometown' })).profile).toEqual({ hometown: 'Diest' }));
  it('sends a custom variable to data', () =>
    expect(map({ favouriteTeam: 'RSCA' }, withOverrides({ favouriteTeam: 'data.qualifio.team' })).data).toEqual({ qualifio: { team: 'RSCA' } }));
  it('stops sending a variable overridden with null', () =>
    expect(map({ firstname: 'John', gender: 'f' }, withOverrides({ gender: null })).profile).toEqual({ firstName: 'John' }));
  it('takes an overridden variable out of the address composition', () =>
    expect(map({ address: 'Rue X', number: '1', box: 'b2' }, withOverrides({ box: 'data.box' }))).toMatchObject({
      profile: { address: 'Rue X 1' },
      data: { box: 'b2' },
    }));
  it('never sends a blank overridden value', () => expect(map({ locality: ' ' }, withOverrides({ locality: 'profile.hometown' })).profile).toEqual({}));
});
