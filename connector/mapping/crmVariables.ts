import { z } from 'zod';

/**
 * Qualifio's standard CRM variables that the seed's mapping table names, plus `email` (the
 * identity of a lite account) and `optin` (the newsletter box, sent only by the custom set-up).
 */
export const standardCrmVariables = [
  'email',
  'firstname',
  'lastname',
  'gender',
  'birthday',
  'phone',
  'address',
  'number',
  'box',
  'locality',
  'zipcode',
  'country',
  'function',
  'company',
  'optin',
] as const;

export type StandardCrmVariable = (typeof standardCrmVariables)[number];

/** Standard names or the campaign's own custom variables (Qualifio allows both). */
export const crmVariableSchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, 'a CRM variable name: a letter, then letters, digits or _');

export type CrmVariable = z.infer<typeof crmVariableSchema>;

/** The values of one participation, keyed by CRM variable once the form fields are resolved. */
export type CrmValues = Record<string, string | boolean | undefined>;

export function isStandardCrmVariable(name: string): name is StandardCrmVariable {
  return (standardCrmVariables as readonly string[]).includes(name);
}
