// One participant's form with every CRM variable of the seed's table, and the profile Gigya must
// receive for it. The profile is written out by hand, as JSON text exactly as it travels in the
// `profile` form field: it is the mapping table (docs/mapping.md), pinned in the pact.

export const fullSubmission = {
  email: 'jane.doe@example.com',
  firstname: '  Jane ',
  lastname: 'Doe',
  gender: 'Mme',
  birthday: '23/04/1990',
  phone: '0487 66 49251',
  address: 'Rue de Birmingham',
  number: '280',
  box: 'b3',
  locality: 'Diest',
  zipcode: '3290',
  country: 'Belgium',
  function: 'Advertising Director',
  company: 'Spotify',
  // Ticked, yet never sent by the lite-only set-up ("Opt-ins can only be included for custom integrations").
  optin: 'on',
} as const;

export const fullSubmissionProfile =
  '{"email":"jane.doe@example.com","firstName":"Jane","lastName":"Doe","city":"Diest","zip":"3290","country":"Belgium",' +
  '"gender":"f","birthDay":23,"birthMonth":4,"birthYear":1990,"phones":[{"type":"mobile","number":"0487 66 49251"}],' +
  '"address":"Rue de Birmingham 280 b3","work":[{"title":"Advertising Director","company":"Spotify"}]}';
