import { z } from 'zod';

/** The profile fields the connector writes (gigya-api.md §6.4); other fields pass through untouched. */
export const gigyaProfileSchema = z
  .object({
    email: z.string().optional(),
    firstName: z.string().optional(),
    lastName: z.string().optional(),
    gender: z.enum(['m', 'f', 'u']).optional(),
    birthDay: z.number().int().optional(),
    birthMonth: z.number().int().optional(),
    birthYear: z.number().int().optional(),
    phones: z.array(z.object({ type: z.string().optional(), number: z.string().optional() }).loose()).optional(),
    address: z.string().optional(),
    city: z.string().optional(),
    zip: z.string().optional(),
    country: z.string().optional(),
    work: z.array(z.object({ title: z.string().optional(), company: z.string().optional() }).loose()).optional(),
  })
  .loose();

export type GigyaProfile = z.infer<typeof gigyaProfileSchema>;
