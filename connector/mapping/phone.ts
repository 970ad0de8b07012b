/**
 * The number as the participant typed it, whitespace collapsed: Qualifio does not say which
 * country a number belongs to, so converting to E.164 would be a guess. Null when the text is
 * not a phone number (letters, or fewer than 4 digits).
 */
export function normalisePhoneNumber(input: string): string | null {
  const text = input.trim().replace(/\s+/g, ' ');
  if (!/^\+?[0-9 ()./-]+$/.test(text)) return null;
  if ((text.match(/[0-9]/g) ?? []).length < 4) return null;
  return text;
}
