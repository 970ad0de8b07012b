import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseCampaign } from './campaign.js';
import { SettingsError } from './fieldErrors.js';
import { parseIntegrationSettings } from './integration.js';
import { redact, redactText } from './redact.js';
import { REDACTED, Secret } from './secret.js';

const secretText = 'GX98IPy4pUedr7Gkj2U4ODKXRxGVpqOp';
const valid = { enabled: true, apiKey: '3_key', userKey: 'AKuser', secret: secretText };

function settingsErrorOf(run: () => unknown): SettingsError {
  try {
    run();
  } catch (error) {
    if (error instanceof SettingsError) return error;
    throw error;
  }
  throw new Error('expected a SettingsError');
}

describe('Secret', () => {
  it('prints as [redacted] in JSON, strings and inspect', () => {
    const secret = new Secret(secretText);
    expect(JSON.stringify({ secret })).toBe(`{"secret":"${REDACTED}"}`);
    expect(`${secret}`).toBe(REDACTED);
    expect(inspect({ secret })).not.toContain(secretText);
    expect(secret.reveal()).toBe(secretText);
  });
});

describe('redact', () => {
  it('replaces fields named like credentials and Secret values, deep', () => {
    expect(redact({ a: { secret: 'x', password: 'y', keep: 'z' }, list: [new Secret('s')] })).toEqual({
      a: { secret: REDACTED, password: REDACTED, keep: 'z' },
      list: [REDACTED],
    });
  });

  it('removes known secret texts from messages', () => {
    expect(redactText(`bad secret ${secretText}!`, [secretText])).toBe(`bad secret ${REDACTED}!`);
  });
});

describe('integration settings', () => {
  it('applies the documented defaults', () => {
    const settings = parseIntegrationSettings(valid);
    expect(settings).toMatchObject({ dataCenter: 'us1', setup: 'liteOnly', timeoutMs: 10_000, subscriptionId: 'newsletter' });
    expect(settings.retry.maxAttempts).toBe(3);
    expect(settings.mapping.phoneType).toBe('mobile');
  });

  it('never shows the secret when serialised or inspected', () => {
    const settings = parseIntegrationSettings(valid);
    expect(JSON.stringify(settings)).not.toContain(secretText);
    expect(JSON.stringify(settings)).toContain(REDACTED);
    expect(inspect(settings, { depth: 5 })).not.toContain(secretText);
    expect(settings.secret?.reveal()).toBe(secretText);
  });

  it('requires the three credentials when enabled, naming each field', () => {
    const error = settingsErrorOf(() => parseIntegrationSettings({ enabled: true }));
    expect(error.fieldErrors.map((e) => e.field).sort()).toEqual(['apiKey', 'secret', 'userKey']);
  });

  it('accepts a disabled integration without credentials', () => {
    expect(parseIntegrationSettings({ enabled: false }).enabled).toBe(false);
  });

  it('refuses an unknown set-up, naming the field', () => {
    const error = settingsErrorOf(() => parseIntegrationSettings({ ...valid, setup: 'both' }));
    expect(error.fieldErrors[0]?.field).toBe('setup');
  });

  it('refuses a secret that is not Base64 without echoing it', () => {
    const error = settingsErrorOf(() => parseIntegrationSettings({ ...valid, secret: 'not base64 ###' }));
    expect(error.fieldErrors[0]?.field).toBe('secret');
    expect(error.message).not.toContain('not base64 ###');
  });

  it('refuses an unknown data center and a baseUrl that is not http(s)', () => {
    const error = settingsErrorOf(() => parseIntegrationSettings({ ...valid, dataCenter: 'mars1', baseUrl: 'ftp://x' }));
    expect(error.fieldErrors.map((e) => e.field).sort()).toEqual(['baseUrl', 'dataCenter']);
  });

  it('refuses unknown fields such as a misspelt one', () => {
    const error = settingsErrorOf(() => parseIntegrationSettings({ ...valid, setUp: 'custom' }));
    expect(error.message).toContain('setUp');
  });

  it('refuses a mapping override that targets neither profile nor data', () => {
    const error = settingsErrorOf(() => parseIntegrationSettings({ ...valid, mapping: { overrides: { locality: 'city' } } }));
    expect(error.fieldErrors[0]?.field).toBe('mapping.overrides.locality');
  });

  it('refuses a maximum outbox age beyond the life of a regToken', () => {
    const error = settingsErrorOf(() => parseIntegrationSettings({ ...valid, outbox: { maxAgeMs: 2 * 3_600_000 } }));
    expect(error.fieldErrors[0]?.field).toBe('outbox.maxAgeMs');
  });
});

describe('campaign settings', () => {
  const campaign = { id: 'c1', identified: true, formStep: { sso: 'gigyaLite' } };

  it('binds the standard form fields to CRM variables by default', () => {
    const parsed = parseCampaign(campaign);
    expect(parsed.formStep.fields.find((f) => f.name === 'email')).toEqual({ name: 'email', crmVariable: 'email', required: true });
  });

  it('refuses Gigya SSO and Gigya Lite Registration together with a clear message', () => {
    const error = settingsErrorOf(() => parseCampaign({ ...campaign, formStep: { sso: ['gigyaSso', 'gigyaLite'] } }));
    expect(error.fieldErrors).toEqual([
      { field: 'formStep.sso', message: expect.stringContaining('cannot both be enabled in the same campaign') },
    ]);
  });

  it('accepts a one-element SSO list', () => {
    expect(parseCampaign({ ...campaign, formStep: { sso: ['gigyaSso'] } }).formStep.sso).toBe('gigyaSso');
  });

  it('refuses an unknown SSO choice', () => {
    const error = settingsErrorOf(() => parseCampaign({ ...campaign, formStep: { sso: 'facebook' } }));
    expect(error.fieldErrors[0]?.field).toBe('formStep.sso');
  });

  it('requires an email field for Gigya Lite Registration', () => {
    const error = settingsErrorOf(() =>
      parseCampaign({ ...campaign, formStep: { sso: 'gigyaLite', fields: [{ name: 'fn', crmVariable: 'firstname' }] } }),
    );
    expect(error.fieldErrors[0]).toMatchObject({ field: 'formStep.fields', message: expect.stringContaining('email') });
  });

  it('refuses a CRM variable bound to two fields', () => {
    const fields = [
      { name: 'mail', crmVariable: 'email' },
      { name: 'mail2', crmVariable: 'email' },
    ];
    const error = settingsErrorOf(() => parseCampaign({ ...campaign, formStep: { sso: 'gigyaLite', fields } }));
    expect(error.fieldErrors[0]?.field).toBe('formStep.fields.1.crmVariable');
  });

  it('requires identified to be stated', () => {
    const error = settingsErrorOf(() => parseCampaign({ id: 'c1', formStep: { sso: 'none' } }));
    expect(error.fieldErrors[0]?.field).toBe('identified');
  });
});
