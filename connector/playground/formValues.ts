import type { Campaign } from '../settings/campaign.js';

/** A posted form, every value kept: a field sent twice stays a list, for the API to refuse as it would from any client. */
export type PostedForm = Record<string, string | string[]>;
type Posted = PostedForm[string] | undefined;

/** Blank → left out; a list is passed on unchanged so that the API names the field. */
const optional = (value: Posted): string | string[] | undefined => {
  if (Array.isArray(value)) return value;
  return value === undefined || value.trim() === '' ? undefined : value.trim();
};

/** A checkbox: checked → true; a list is passed on unchanged so that the API names the field. */
const checked = (value: Posted): boolean | string[] => (Array.isArray(value) ? value : value === 'true');

/**
 * The settings form merged over the stored settings (as GET shows them), for PUT: fields the
 * form does not show (retry, outbox, mapping) keep their values, and a blank secret keeps the
 * stored one (the PUT route's rule), so the secret never has to travel back to the browser.
 */
export function integrationBody(current: Record<string, unknown>, form: PostedForm): Record<string, unknown> {
  const { secretConfigured: _configured, stored: _stored, ...kept } = current;
  return {
    ...kept,
    enabled: checked(form.enabled),
    apiKey: optional(form.apiKey),
    userKey: optional(form.userKey),
    secret: optional(form.secret),
    dataCenter: form.dataCenter,
    baseUrl: optional(form.baseUrl),
    setup: form.setup,
    // A hand-made form without the opt-in fields keeps the stored ones; a blank id takes the default.
    ...(form.optInAs !== undefined && { optInAs: form.optInAs }),
    ...(form.subscriptionId !== undefined && { subscriptionId: optional(form.subscriptionId) }),
    ...(form.consentStatementId !== undefined && { consentStatementId: optional(form.consentStatementId) }),
  };
}

/** The campaign form; the identification fields stay those the campaign already has. */
export function campaignBody(existing: Campaign | null, form: PostedForm): Record<string, unknown> {
  return {
    title: optional(form.title),
    identified: checked(form.identified),
    formStep: { sso: form.sso, ...(existing ? { fields: existing.formStep.fields } : {}) },
  };
}

/** A participant's answers as the participations route reads them: blanks left out, the opt-in a boolean. */
export function participationBody(campaign: Campaign, form: PostedForm): Record<string, string | string[] | boolean> {
  const body: Record<string, string | string[] | boolean> = {};
  for (const field of campaign.formStep.fields) {
    const value = field.crmVariable === 'optin' ? checked(form[field.name]) : optional(form[field.name]);
    if (value !== undefined) body[field.name] = value;
  }
  return body;
}
