import { z } from 'zod';
import type { Campaign, FormField } from '../settings/campaign.js';
import { fieldErrorsOf, type FieldError } from '../settings/fieldErrors.js';
import type { CrmValues } from '../mapping/crmVariables.js';

export type Answers = Record<string, string | boolean>;

/** Answers to fields the campaign does not declare are stored too: bounded in count and length like declared ones. */
export const maxAnswers = 100;
const answerValue = z.union([z.string().max(1000, 'at most 1000 characters'), z.boolean(), z.number().transform(String)]);
const answersSchema = z.record(z.string().max(100, 'a field name of at most 100 characters'), answerValue).refine((answers) => Object.keys(answers).length <= maxAnswers, `at most ${maxAnswers} answers`);

function fieldSchema(field: FormField): z.ZodType<string | boolean | undefined> {
  const text = z.string().trim().max(1000, 'at most 1000 characters');
  let schema: z.ZodType<string | boolean | undefined>;
  if (field.crmVariable === 'optin') schema = z.union([z.boolean(), text]);
  else if (field.crmVariable === 'email') schema = text.pipe(z.union([z.literal(''), z.email('not an email address')]));
  else schema = text;
  // JSON clients send numbers for zip codes and phone numbers: they are text to Gigya.
  const asText = (v: unknown): unknown => (typeof v === 'number' ? String(v) : v);
  if (field.required) {
    return z.preprocess((v) => asText(v) ?? '', schema.refine((v) => v !== '' && v !== false, 'required'));
  }
  return z.preprocess(asText, schema.optional());
}

/**
 * Checks a submitted form against the campaign's identification step: required fields present,
 * the email an email. Answers to fields the campaign does not declare are kept in the
 * statistics but bound to no CRM variable.
 */
export function readAnswers(campaign: Campaign, body: Record<string, unknown>): { answers: Answers; crmValues: CrmValues } | { fieldErrors: FieldError[] } {
  const shape = Object.fromEntries(campaign.formStep.fields.map((field) => [field.name, fieldSchema(field)]));
  const declared = z.object(shape).safeParse(body);
  const extra = answersSchema.safeParse(body);
  const fieldErrors = [
    ...(declared.success ? [] : fieldErrorsOf(declared.error)),
    ...(extra.success ? [] : fieldErrorsOf(extra.error).filter((e) => !(e.field in shape))),
  ];
  if (!declared.success || !extra.success || fieldErrors.length > 0) return { fieldErrors };

  const answers: Answers = { ...extra.data };
  const crmValues: CrmValues = {};
  for (const field of campaign.formStep.fields) {
    const value = declared.data[field.name];
    if (value === undefined) {
      delete answers[field.name];
      continue;
    }
    answers[field.name] = value;
    crmValues[field.crmVariable] = value;
  }
  return { answers, crmValues };
}
