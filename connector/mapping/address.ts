/**
 * The seed: profile.address "Contains the name of the street, the number and the box"
 * (example "Rue de Birmingham 280"). Parts are joined by one space in that order, blanks
 * skipped. Without a street the number and box mean nothing, so no address is sent.
 */
export function composeAddress(street: string, number: string, box: string): string | undefined {
  if (street.trim() === '') return undefined;
  return [street, number, box]
    .map((part) => part.trim().replace(/\s+/g, ' '))
    .filter((part) => part !== '')
    .join(' ');
}
