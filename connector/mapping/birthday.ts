/** profile.birthDay / birthMonth / birthYear are numbers (gigya-api.md §6.4). */
export interface GigyaBirthday {
  birthDay: number;
  birthMonth: number;
  birthYear: number;
}

export const birthdayFormats = 'YYYY-MM-DD, DD/MM/YYYY, DD-MM-YYYY or DD.MM.YYYY';

const isoDate = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
// Day first, as Qualifio's European forms write it; never MM/DD (ambiguous, see docs/mapping.md).
const dayFirst = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/;

/** Earliest birth year accepted: older dates are typing errors, not participants. */
export const earliestBirthYear = 1900;

/**
 * The three Gigya numbers for a real calendar date in one of the accepted formats, not in the
 * future relative to `today`; null when the text is not such a date.
 */
export function parseBirthday(input: string, today: Date): GigyaBirthday | null {
  const text = input.trim();
  let parts: [string, string, string] | null = null;
  const iso = isoDate.exec(text);
  if (iso) parts = [iso[3]!, iso[2]!, iso[1]!];
  const european = dayFirst.exec(text);
  if (european) parts = [european[1]!, european[3]!, european[4]!];
  if (parts === null) return null;

  const [birthDay, birthMonth, birthYear] = parts.map(Number) as [number, number, number];
  const date = new Date(Date.UTC(birthYear, birthMonth - 1, birthDay));
  const isCalendarDate =
    date.getUTCFullYear() === birthYear && date.getUTCMonth() === birthMonth - 1 && date.getUTCDate() === birthDay;
  if (!isCalendarDate || birthYear < earliestBirthYear || date.getTime() > today.getTime()) return null;
  return { birthDay, birthMonth, birthYear };
}
