import type { Campaign } from '../settings/campaign.js';

export type PostedForm = Record<string, string>;

const optional = (value: string | undefined) => (value === undefined || value.trim() === '' ? undefined : value.trim());

/**
 * The settings form merged over the stored settings (as GET shows them), for PUT: fields the
 * form does not show (retry, outbox, mapping) keep their values, and a blank secret keeps the
 * stored one (the PUT route's rule), so the secret never has to travel back to the browser.
 */
export function integrationBody(current: Record<string, unknown>, form: PostedForm): Record<string, unknown> {
  const { secretConfigured: _configured, stored: _stored, ...kept } = current;
  return {
    ...kept,
    enabled: form.enabled === 'true',
    apiKey: optional(form.apiKey),
    userKey: optional(form.userKey),
    secret: optional(form.secret),
    dataCenter: form.dataCenter,
    baseUrl: optional(form.baseUrl),
    setup: form.setup,
  };
}

/** The campaign form; the identification fields stay those the campaign already has. */
export function campaignBody(existing: Campaign | null, form: PostedForm): Record<string, unknown> {
  return {
    title: optional(form.title),
    identified: form.identified === 'true',
    formStep: { sso: form.sso, ...(existing ? { fields: existing.formStep.fields } : {}) },
  };
}

/** A participant's answers as the participations route reads them: blanks left out, the opt-in a boolean. */
export function participationBody(campaign: Campaign, form: PostedForm): Record<string, string | boolean> {
  const body: Record<string, string | boolean> = {};
  for (const field of campaign.formStep.fields) {
    if (field.crmVariable === 'optin') body[field.name] = form[field.name] === 'true';
    else if (optional(form[field.name]) !== undefined) body[field.name] = form[field.name]!.trim();
  }
  return body;
}
