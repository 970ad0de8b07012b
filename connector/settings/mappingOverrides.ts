import { z } from 'zod';
import { crmVariableSchema } from '../mapping/crmVariables.js';

/** Where an overridden CRM variable goes: a dotted path under profile or data. */
export const gigyaTargetSchema = z
  .string()
  .regex(
    /^(profile|data)(\.[A-Za-z_][A-Za-z0-9_]*)+$/,
    'a Gigya field path under profile or data, such as profile.city or data.qualifio.source',
  );

/**
 * Overrides of the built-in mapping, per CRM variable: a target path sends the trimmed text
 * there instead (replacing the built-in row and its normalisation), null stops sending it.
 */
export const mappingSettingsSchema = z
  .object({
    overrides: z.record(crmVariableSchema, gigyaTargetSchema.nullable()).default({}),
    /** profile.phones[].type for the single phone a Qualifio form collects (docs/mapping.md). */
    phoneType: z.string().trim().min(1).max(40).default('mobile'),
  })
  .strict();

export type MappingSettings = z.infer<typeof mappingSettingsSchema>;
export const defaultMappingSettings: MappingSettings = { overrides: {}, phoneType: 'mobile' };
