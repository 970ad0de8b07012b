import { z } from 'zod';

// Gigya's exact email rule is unpublished; this one accepts what its SDK samples send
// (a@b.c, one-letter top-level domains included) and rejects text that cannot be an address.
export const emailPattern = /^[^\s@"<>(),;:\\[\]]+@[^\s@"<>(),;:\\[\]]+\.[^\s@"<>(),;:\\[\].]+$/;

export const emailSchema = z.string().max(254).regex(emailPattern, 'not a valid email address');
