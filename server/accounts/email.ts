import { z } from 'zod';

// Gigya's exact email rule is unpublished; this one accepts what its SDK samples send
// (a@b.c, one-letter top-level domains included) and rejects text that cannot be an address:
// spaces, quotes, brackets and every control character, NUL included.
const forbidden = String.raw`\s@"<>(),;:\\[\]\u0000-\u001f\u007f`;
export const emailPattern = new RegExp(`^[^${forbidden}]+@[^${forbidden}]+\\.[^${forbidden}.]+$`, 'u');

export const emailSchema = z.string().max(254).regex(emailPattern, 'not a valid email address');
