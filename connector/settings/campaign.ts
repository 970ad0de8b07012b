import { z } from 'zod';
import { crmVariableSchema } from '../mapping/crmVariables.js';
import { fieldErrorsOf, SettingsError } from './fieldErrors.js';

/** Campaign > Form step > Single Sign-On (SSO). */
export const ssoChoiceSchema = z.enum(['none', 'gigyaSso', 'gigyaLite']);
export type SsoChoice = z.infer<typeof ssoChoiceSchema>;

const bothSsoMessage =
  'Gigya SSO and Gigya Lite Registration cannot both be enabled in the same campaign: choose gigyaSso or gigyaLite';

/**
 * The seed: "It is not possible to enable integrations with Gigya SSO and Gigya Lite
 * Registration in the same campaign." A list naming both is refused with that sentence.
 */
const ssoSchema = z.unknown().transform((value, ctx): SsoChoice => {
  const choices: unknown[] = Array.isArray(value) ? value : [value];
  if (choices.includes('gigyaSso') && choices.includes('gigyaLite')) {
    ctx.addIssue({ code: 'custom', message: bothSsoMessage });
    return z.NEVER;
  }
  const parsed = ssoChoiceSchema.safeParse(choices.length === 1 ? choices[0] : value);
  if (!parsed.success) {
    ctx.addIssue({ code: 'custom', message: 'exactly one of none, gigyaSso, gigyaLite' });
    return z.NEVER;
  }
  return parsed.data;
});

/** A form field of the identification step, bound to a CRM variable. */
export const formFieldSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    crmVariable: crmVariableSchema,
    required: z.boolean().default(false),
  })
  .strict();

export type FormField = z.infer<typeof formFieldSchema>;

/** Qualifio's identification form: first name, last name and email are mandatory. */
export const defaultFormFields: FormField[] = [
  'email', 'firstname', 'lastname', 'gender', 'birthday', 'phone', 'address', 'number', 'box',
  'locality', 'zipcode', 'country', 'function', 'company', 'optin',
].map((name) => ({ name, crmVariable: name, required: ['email', 'firstname', 'lastname'].includes(name) }));

export const campaignSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '1–64 characters of A-Z a-z 0-9 _ -'),
    title: z.string().max(200).optional(),
    identified: z.boolean(),
    formStep: z
      .object({
        sso: ssoSchema,
        fields: z.array(formFieldSchema).min(1).default(defaultFormFields),
      })
      .strict(),
  })
  .strict()
  .superRefine((campaign, ctx) => {
    const names = new Set<string>();
    const variables = new Set<string>();
    campaign.formStep.fields.forEach((field, index) => {
      if (names.has(field.name)) {
        ctx.addIssue({ code: 'custom', path: ['formStep', 'fields', index, 'name'], message: `duplicate field name ${field.name}` });
      }
      if (variables.has(field.crmVariable)) {
        ctx.addIssue({ code: 'custom', path: ['formStep', 'fields', index, 'crmVariable'], message: `CRM variable ${field.crmVariable} is bound twice` });
      }
      names.add(field.name);
      variables.add(field.crmVariable);
    });
    if (campaign.formStep.sso === 'gigyaLite' && !variables.has('email')) {
      ctx.addIssue({ code: 'custom', path: ['formStep', 'fields'], message: 'Gigya Lite Registration needs a field bound to the email CRM variable' });
    }
  });

export type Campaign = z.infer<typeof campaignSchema>;
export type CampaignInput = z.input<typeof campaignSchema>;

export function parseCampaign(input: unknown): Campaign {
  const result = campaignSchema.safeParse(input);
  if (!result.success) throw new SettingsError('campaign', fieldErrorsOf(result.error));
  return result.data;
}
