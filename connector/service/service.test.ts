import { describe, expect, it } from 'vitest';
import { connectorHarness, liteCampaign, testSecret } from '../testing/connectorHarness.js';
import { gigyaError, scriptedGigya } from '../testing/scriptedGigya.js';
import { maxAnswers } from '../participations/intake.js';
import { maxStoredTextLength } from '../store/participationRepository.js';

const liteGigya = () =>
  scriptedGigya({
    'accounts.initRegistration': () => ({ regToken: 'RT1_a' }),
    'accounts.setAccountInfo': () => ({ UID: 'lite-1' }),
  });
const jane = { email: 'jane@example.com', firstname: 'Jane', lastname: 'Doe' };

async function withCampaign(campaign: object = liteCampaign, gigya = liteGigya(), integration?: Parameters<typeof connectorHarness>[0]['integration']) {
  const harness = connectorHarness({ fetch: gigya.fetch, integration });
  const put = await harness.request('PUT', '/campaigns/c1', campaign);
  expect(put.status).toBe(200);
  return { harness, gigya };
}

describe('PUT /campaigns/:id', () => {
  it('stores a campaign and shows it back', async () => {
    const { harness } = await withCampaign();
    const got = await harness.request('GET', '/campaigns/c1');
    expect(got.json.campaign).toMatchObject({ id: 'c1', identified: true, formStep: { sso: 'gigyaLite' } });
  });

  it('refuses Gigya SSO and Gigya Lite Registration together with a field error', async () => {
    const { harness } = await withCampaign();
    const put = await harness.request('PUT', '/campaigns/c2', { identified: true, formStep: { sso: ['gigyaSso', 'gigyaLite'] } });
    expect(put.status).toBe(400);
    expect(put.json.fieldErrors).toEqual([{ field: 'formStep.sso', message: expect.stringContaining('cannot both be enabled') }]);
  });

  it('refuses a body id that differs from the path', async () => {
    const { harness } = await withCampaign();
    const put = await harness.request('PUT', '/campaigns/c1', { ...liteCampaign, id: 'other' });
    expect(put.status).toBe(400);
  });
});

describe('GET and PUT /settings/integrations/gigya-lite-registration', () => {
  it('never returns the secret in clear', async () => {
    const { harness } = await withCampaign();
    const got = await harness.request('GET', '/settings/integrations/gigya-lite-registration');
    expect(JSON.stringify(got.json)).not.toContain(testSecret);
    expect(got.json.settings).toMatchObject({ secret: '[redacted]', secretConfigured: true, apiKey: '3_key', userKey: 'AKuser' });
  });

  it('keeps the stored secret when a GET result is sent back unchanged', async () => {
    const { harness } = await withCampaign();
    const got = await harness.request('GET', '/settings/integrations/gigya-lite-registration');
    const put = await harness.request('PUT', '/settings/integrations/gigya-lite-registration', { ...(got.json.settings as object), setup: 'custom' });
    expect(put.status).toBe(200);
    expect(harness.settings.integration()?.secret?.reveal()).toBe(testSecret);
    expect(harness.settings.integration()?.setup).toBe('custom');
  });

  it('answers 400 with field errors for invalid settings', async () => {
    const { harness } = await withCampaign();
    const put = await harness.request('PUT', '/settings/integrations/gigya-lite-registration', { enabled: true, apiKey: '', setup: 'nope' });
    expect(put.status).toBe(400);
    expect((put.json.fieldErrors as Array<{ field: string }>).map((e) => e.field)).toEqual(expect.arrayContaining(['apiKey', 'setup']));
  });

  it('shows defaults and a disabled integration before anything is stored', async () => {
    const { harness } = await withCampaign(liteCampaign, liteGigya(), null);
    const got = await harness.request('GET', '/settings/integrations/gigya-lite-registration');
    expect(got.json.settings).toMatchObject({ enabled: false, stored: false, secretConfigured: false });
  });
});

describe('POST /campaigns/:id/participations', () => {
  it('saves the participation and pushes it in real time', async () => {
    const { harness, gigya } = await withCampaign();
    const posted = await harness.request('POST', '/campaigns/c1/participations', jane);
    expect(posted.status).toBe(201);
    expect(posted.json.participation).toMatchObject({ status: 'succeeded', uid: 'lite-1', callId: 'call-2', attempts: 1, action: 'liteAccountCreated', setup: 'liteOnly' });
    expect(gigya.methods()).toEqual(['accounts.initRegistration', 'accounts.setAccountInfo']);
  });

  it('refuses a form-encoded submission with 415 and saves nothing: the API takes JSON only', async () => {
    const { harness, gigya } = await withCampaign();
    const posted = await harness.request('POST', '/campaigns/c1/participations', { ...jane, zipcode: '3290' }, 'application/x-www-form-urlencoded');
    expect(posted.status).toBe(415);
    expect(posted.json).toMatchObject({ error: 'unsupportedMediaType', message: expect.stringContaining('application/json') });
    expect(harness.participations.byCampaign('c1')).toEqual([]);
    expect(gigya.calls).toEqual([]);
  });

  it('answers 400 with field errors for a missing or malformed email and saves nothing', async () => {
    const { harness, gigya } = await withCampaign();
    const posted = await harness.request('POST', '/campaigns/c1/participations', { firstname: 'Jane', email: 'not-an-email' });
    expect(posted.status).toBe(400);
    expect(posted.json.fieldErrors).toEqual(
      expect.arrayContaining([
        { field: 'email', message: 'not an email address' },
        { field: 'lastname', message: expect.any(String) },
      ]),
    );
    expect((await harness.request('GET', '/campaigns/c1/participations')).json.participations).toEqual([]);
    expect(gigya.calls).toEqual([]);
  });

  it('answers 400 for a JSON body that is not an object', async () => {
    const { harness } = await withCampaign();
    const response = await harness.app.request('/campaigns/c1/participations', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '["jane@example.com"]' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalidBody' });
  });

  it('answers 404 for an unknown campaign', async () => {
    const { harness } = await withCampaign();
    expect((await harness.request('POST', '/campaigns/nope/participations', jane)).status).toBe(404);
  });

  it('binds form fields to CRM variables as the campaign declares', async () => {
    const campaign = {
      identified: true,
      formStep: { sso: 'gigyaLite', fields: [{ name: 'mail', crmVariable: 'email', required: true }, { name: 'prenom', crmVariable: 'firstname' }] },
    };
    const { harness, gigya } = await withCampaign(campaign);
    await harness.request('POST', '/campaigns/c1/participations', { mail: 'jane@example.com', prenom: 'Jane' });
    expect(JSON.parse(gigya.calls[1]!.form.profile!)).toEqual({ email: 'jane@example.com', firstName: 'Jane' });
  });

  it('saves but does not push when the campaign SSO choice is not gigyaLite, and says why', async () => {
    const { harness, gigya } = await withCampaign({ identified: true, formStep: { sso: 'gigyaSso' } });
    const posted = await harness.request('POST', '/campaigns/c1/participations', jane);
    expect(posted.json.participation).toMatchObject({ status: 'skipped', skipReason: expect.stringContaining('"gigyaSso"') });
    expect(gigya.calls).toEqual([]);
  });

  it('saves but does not push when the integration is disabled', async () => {
    const { harness, gigya } = await withCampaign(liteCampaign, liteGigya(), null);
    const posted = await harness.request('POST', '/campaigns/c1/participations', jane);
    expect(posted.json.participation).toMatchObject({ status: 'skipped', skipReason: expect.stringContaining('disabled') });
    expect(gigya.calls).toEqual([]);
  });

  it('saves but does not push for a campaign that is not identified', async () => {
    const { harness } = await withCampaign({ identified: false, formStep: { sso: 'gigyaLite' } });
    const posted = await harness.request('POST', '/campaigns/c1/participations', jane);
    expect(posted.json.participation).toMatchObject({ status: 'skipped', skipReason: expect.stringContaining('not identified') });
  });

  it('reports an invalid birthday on the participation and pushes the rest', async () => {
    const { harness, gigya } = await withCampaign();
    const posted = await harness.request('POST', '/campaigns/c1/participations', { ...jane, birthday: '31/02/1990' });
    expect(posted.json.participation).toMatchObject({ status: 'succeeded', mappingProblems: [{ crmVariable: 'birthday', message: expect.any(String) }] });
    expect(JSON.parse(gigya.calls[1]!.form.profile!)).not.toHaveProperty('birthDay');
  });

  it('marks a push failed at once on a non-transient Gigya error, with the error stored', async () => {
    const gigya = scriptedGigya({ 'accounts.initRegistration': () => ({ regToken: 'RT1_a' }), 'accounts.setAccountInfo': gigyaError(400009, 'Validation failed') });
    const { harness } = await withCampaign(liteCampaign, gigya);
    const posted = await harness.request('POST', '/campaigns/c1/participations', jane);
    expect(posted.json.participation).toMatchObject({ status: 'failed', lastError: expect.stringContaining('400009'), nextAttemptAt: null, callId: 'call-2' });
  });
});

describe('what a participation stores is bounded', () => {
  it('cuts a runaway Gigya error to a readable length', async () => {
    const gigya = scriptedGigya({ 'accounts.initRegistration': () => ({ regToken: 'RT1_a' }), 'accounts.setAccountInfo': gigyaError(400009, 'x'.repeat(100_000)) });
    const { harness } = await withCampaign(liteCampaign, gigya);
    const posted = await harness.request('POST', '/campaigns/c1/participations', jane);
    const lastError = (posted.json.participation as { lastError: string }).lastError;
    expect(lastError).toContain('400009');
    expect(lastError.length).toBe(maxStoredTextLength);
    expect(lastError.endsWith('…')).toBe(true);
  });

  it('refuses more than the allowed number of answers, and answers longer than 1000 characters, even to undeclared fields', async () => {
    const { harness } = await withCampaign();
    const many = Object.fromEntries(Array.from({ length: maxAnswers }, (_, i) => [`extra${i}`, 'x']));
    const tooMany = await harness.request('POST', '/campaigns/c1/participations', { ...jane, ...many });
    expect(tooMany.status).toBe(400);
    expect(JSON.stringify(tooMany.json.fieldErrors)).toContain(`at most ${maxAnswers} answers`);
    const tooLong = await harness.request('POST', '/campaigns/c1/participations', { ...jane, note: 'x'.repeat(1001) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.json.fieldErrors).toEqual([{ field: 'note', message: 'at most 1000 characters' }]);
    expect((await harness.request('GET', '/campaigns/c1/participations')).json.participations).toEqual([]);
  });
});

describe('GET /campaigns/:id/participations', () => {
  it('lists the campaign statistics with their push outcome and no resume state', async () => {
    const { harness } = await withCampaign();
    await harness.request('POST', '/campaigns/c1/participations', jane);
    await harness.request('POST', '/campaigns/c1/participations', { ...jane, firstname: 'Janet' });
    const listed = await harness.request('GET', '/campaigns/c1/participations');
    const participations = listed.json.participations as Array<Record<string, unknown>>;
    expect(participations.map((p) => (p.answers as Record<string, string>).firstname)).toEqual(['Jane', 'Janet']);
    expect(JSON.stringify(participations)).not.toContain('RT1_a');
  });
});
