import { describe, expect, it } from 'vitest';
import { connectorHarness, testSecret } from '../testing/connectorHarness.js';
import { scriptedGigya } from '../testing/scriptedGigya.js';
import { InspectorLinks } from './inspectorLinks.js';
import { maxReadBack } from './optInStatus.js';
import { actionInWords, participationNotice, pushBadge } from './outcomeWords.js';
import { playgroundCss } from './styles.js';

const formHeaders = { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' };
const crmVariables = ['email', 'firstname', 'lastname', 'gender', 'birthday', 'phone', 'address', 'number', 'box', 'locality', 'zipcode', 'country', 'function', 'company', 'optin'];

function playground(script: Parameters<typeof scriptedGigya>[0] = {}) {
  const gigya = scriptedGigya({ 'accounts.initRegistration': () => ({ regToken: 'RT1_a' }), 'accounts.setAccountInfo': () => ({ UID: 'lite-1' }), ...script });
  const harness = connectorHarness({ fetch: gigya.fetch });
  const page = async (path: string) => {
    const response = await harness.app.request(path);
    return { status: response.status, html: await response.text() };
  };
  const post = async (path: string, form: Record<string, string>, headers: Record<string, string> = formHeaders) => {
    const response = await harness.app.request(path, { method: 'POST', headers, body: new URLSearchParams(form) });
    return { status: response.status, location: response.headers.get('location'), html: await response.text() };
  };
  return { harness, gigya, page, post };
}

/** Form controls no <label> encloses (buttons need none). */
function unlabelledControls(html: string): string[] {
  return (html.replace(/<label\b[\s\S]*?<\/label>/g, '').match(/<(input|select|textarea)\b[^>]*>/g) ?? []).filter((tag) => !/type="(hidden|submit)"/.test(tag));
}

const settingsForm = { enabled: 'true', apiKey: '3_key', userKey: 'AKuser', secret: '', dataCenter: 'us1', baseUrl: 'http://fake-gigya.test', setup: 'custom' };

describe('the playground page', () => {
  it('shows the settings with a write-only secret input and labels on every input', async () => {
    const { page } = playground();
    const { status, html } = await page('/');
    expect(status).toBe(200);
    expect(html).toContain('<input type="password" name="secret" value=""');
    expect(html).toContain('A secret is stored (never shown)');
    expect(html).not.toContain(testSecret);
    expect(html).toContain('value="3_key"');
    expect(unlabelledControls(html)).toEqual([]);
    expect(html).toMatch(/<main>/);
    expect(html).not.toContain('Take part as a participant');
  });

  it('keeps the stored secret when the secret input is left blank', async () => {
    const { harness, post } = playground();
    const saved = await post('/playground/settings?campaign=c9', settingsForm);
    expect(saved.status).toBe(303);
    expect(saved.location).toBe('/?campaign=c9&saved=settings');
    const stored = harness.settings.integration()!;
    expect(stored.setup).toBe('custom');
    expect(stored.secret?.reveal()).toBe(testSecret);
    // Settings the form does not show keep their values.
    expect(stored.retry.maxAttempts).toBe(1);
  });

  it('stores a new secret typed in, and never echoes it', async () => {
    const { harness, post, page } = playground();
    await post('/playground/settings', { ...settingsForm, secret: 'bmV3LXNlY3JldC12YWx1ZQ==' });
    expect(harness.settings.integration()?.secret?.reveal()).toBe('bmV3LXNlY3JldC12YWx1ZQ==');
    expect((await page('/')).html).not.toContain('bmV3LXNlY3JldC12YWx1ZQ==');
  });

  it('answers 400 naming the field when the settings are invalid', async () => {
    const { post } = playground();
    const refused = await post('/playground/settings', { ...settingsForm, apiKey: '', baseUrl: 'not a url' });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain('Settings not saved');
    expect(refused.html).toContain('<code>baseUrl</code>');
  });

  it('saves a campaign with its SSO choice, then offers a labelled field for every CRM variable and the opt-in', async () => {
    const { harness, post, page } = playground();
    const saved = await post('/playground/campaign', { id: 'c1', title: 'Summer', identified: 'true', sso: 'gigyaLite' });
    expect(saved.location).toBe('/?campaign=c1&saved=campaign');
    expect(harness.settings.campaign('c1')).toMatchObject({ title: 'Summer', identified: true, formStep: { sso: 'gigyaLite' } });
    const { html } = await page('/?campaign=c1');
    for (const name of crmVariables) expect(html).toContain(`name="${name}"`);
    expect(html).toContain('<input type="checkbox" name="optin" value="true"');
    expect(unlabelledControls(html)).toEqual([]);
  });

  it('submits a participant through the connector and lists the push with a link to the account in the inspector', async () => {
    const { harness, gigya, post, page } = playground();
    await post('/playground/campaign', { id: 'c1', identified: 'true', sso: 'gigyaLite' });
    const submitted = await post('/playground/campaigns/c1/participations', { email: 'jane@example.com', firstname: 'Jane', lastname: 'Doe', locality: '', optin: 'true' });
    expect(submitted.status).toBe(303);
    expect(submitted.location).toMatch(/^\/\?campaign=c1&saved=participation&participation=.+#participations$/);
    expect(gigya.methods()).toEqual(['accounts.initRegistration', 'accounts.setAccountInfo']);
    const [participation] = harness.participations.byCampaign('c1');
    expect(participation).toMatchObject({ status: 'succeeded', action: 'liteAccountCreated', uid: 'lite-1', crmValues: { optin: true, firstname: 'Jane' } });
    expect(participation!.crmValues).not.toHaveProperty('locality');
    const { html } = await page(submitted.location!.replace(/#.*$/, ''));
    expect(html).toContain('Participation pushed to Gigya: created a lite account (UID lite-1).');
    expect(html).toContain('<span class="badge succeeded">succeeded</span>');
    expect(html).toContain('<td class="did">created a lite account</td>');
    expect(html).not.toContain('liteAccountCreated<');
    expect(html).toContain('href="http://fake-gigya.test/__admin/ui/sites/3_key/accounts/lite-1"');
    expect(html).toContain('href="http://fake-gigya.test/__admin/ui/sites/3_key/email-accounts?email=jane%40example.com"');
  });

  it('keeps the answers and names the field when a participation is refused', async () => {
    const { harness, post } = playground();
    await post('/playground/campaign', { id: 'c1', identified: 'true', sso: 'gigyaLite' });
    const refused = await post('/playground/campaigns/c1/participations', { email: 'not-an-email', firstname: 'Jane', lastname: 'Doe' });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain('<code>email</code>: not an email address');
    expect(refused.html).toContain('value="not-an-email"');
    expect(harness.participations.byCampaign('c1')).toEqual([]);
  });

  it('refuses a form posted from another origin', async () => {
    const { harness, post } = playground();
    const refused = await post('/playground/settings', { ...settingsForm, baseUrl: 'https://evil.example' }, { ...formHeaders, origin: 'https://evil.example' });
    expect(refused.status).toBe(403);
    expect(harness.settings.integration()?.baseUrl).toBe('http://fake-gigya.test');
  });

  it('refuses a hand-made campaign form naming Gigya SSO and Lite together, as the API does', async () => {
    const { harness } = playground();
    const body = 'id=c2&identified=true&sso=gigyaSso&sso=gigyaLite';
    const response = await harness.app.request('/playground/campaign', { method: 'POST', headers: formHeaders, body });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('cannot both be enabled');
    expect(harness.settings.campaign('c2')).toBeNull();
  });

  it('refuses a settings or participant field sent twice instead of keeping one of the values', async () => {
    const { harness, post } = playground();
    const settings = await harness.app.request('/playground/settings', { method: 'POST', headers: formHeaders, body: `${new URLSearchParams(settingsForm)}&setup=liteOnly` });
    expect(settings.status).toBe(400);
    expect(await settings.text()).toContain('<code>setup</code>');
    expect(harness.settings.integration()?.setup).toBe('liteOnly');
    await post('/playground/campaign', { id: 'c1', identified: 'true', sso: 'gigyaLite' });
    const twice = await harness.app.request('/playground/campaigns/c1/participations', { method: 'POST', headers: formHeaders, body: 'email=a%40example.com&email=b%40example.com&firstname=A&lastname=B' });
    expect(twice.status).toBe(400);
    expect(await twice.text()).toContain('<code>email</code>');
    expect(harness.participations.byCampaign('c1')).toEqual([]);
  });

  it('sends every page with a script-free Content-Security-Policy, no framing, nosniff and a Referrer-Policy', async () => {
    const { harness, post } = playground();
    const answers = [await harness.app.request('/'), await harness.app.request('/playground/settings', { method: 'POST', headers: formHeaders, body: new URLSearchParams({ ...settingsForm, apiKey: '' }) })];
    expect(answers.map((a) => a.status)).toEqual([200, 400]);
    for (const answer of answers) {
      expect(answer.headers.get('content-type')).toMatch(/^text\/html/);
      const csp = answer.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'none'");
      expect(csp).not.toMatch(/script-src/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("form-action 'self'");
      expect(answer.headers.get('x-frame-options')).toBe('DENY');
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect(answer.headers.get('referrer-policy')).toBe('same-origin');
    }
    expect((await post('/playground/campaign', { id: 'c1', identified: 'true', sso: 'gigyaLite' })).status).toBe(303);
  });

  it('serves an icon instead of a 404', async () => {
    const { harness } = playground();
    const icon = await harness.app.request('/favicon.ico');
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
    expect(await icon.text()).toMatch(/^<svg/);
  });

  it('leaves the JSON API as it was', async () => {
    const { harness } = playground();
    expect((await harness.request('GET', '/nope')).status).toBe(404);
    expect((await harness.request('GET', '/settings/integrations/gigya-lite-registration')).json.settings).toMatchObject({ secret: '[redacted]', setup: 'liteOnly' });
  });
});

/** A subscription as CDC returns it, with its double opt-in status. */
const newsletter = (status: string) => ({
  newsletter: { email: { isSubscribed: true, tags: null, lastUpdatedSubscriptionState: '2026-03-01T10:00:00.000Z', doubleOptIn: { emailSentTime: '2026-03-01T10:00:00.000Z', confirmTime: null, status, doiConditionallyConfirmed: false } } },
});
const noMatch = () => ({ results: [], objectsCount: 0, totalCount: 0 });

describe('the opt-in: chosen in the settings, read back from Gigya', () => {
  it('offers the opt-in as a subscription or a consent statement, with both ids, and stores the choice', async () => {
    const { harness, page, post } = playground();
    const before = (await page('/')).html;
    expect(before).toContain('<select name="optInAs">');
    expect(before).toContain('<option value="subscription" selected="">a subscription</option>');
    expect(before).toContain('name="subscriptionId" value="newsletter"');
    expect(before).toContain('name="consentStatementId" value="marketing.newsletter"');
    expect(unlabelledControls(before)).toEqual([]);
    await post('/playground/settings', { ...settingsForm, optInAs: 'consent', subscriptionId: 'weekly', consentStatementId: 'terms.marketing' });
    expect(harness.settings.integration()).toMatchObject({ optInAs: 'consent', subscriptionId: 'weekly', consentStatementId: 'terms.marketing' });
    expect((await page('/')).html).toContain('<option value="consent" selected="">');
    // A form without the opt-in fields keeps them; a blank id takes the default.
    await post('/playground/settings', { ...settingsForm, consentStatementId: '' });
    expect(harness.settings.integration()).toMatchObject({ optInAs: 'consent', subscriptionId: 'weekly', consentStatementId: 'marketing.newsletter' });
  });

  it('names the field when the consent statement id is not one', async () => {
    const { harness, post } = playground();
    const refused = await post('/playground/settings', { ...settingsForm, optInAs: 'consent', consentStatementId: 'marketing..newsletter' });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain('<code>consentStatementId</code>');
    expect(harness.settings.integration()?.optInAs).toBe('subscription');
  });

  it('shows the subscription pushed with its double opt-in status as Gigya reports it on each view', async () => {
    const { gigya, post, page } = playground({
      'accounts.search': noMatch,
      'accounts.getAccountInfo': [() => ({ UID: 'lite-1', subscriptions: newsletter('Pending') }), () => ({ UID: 'lite-1', subscriptions: newsletter('Confirmed') })],
    });
    await post('/playground/settings', settingsForm);
    await post('/playground/campaign', { id: 'c1', identified: 'true', sso: 'gigyaLite' });
    const submitted = await post('/playground/campaigns/c1/participations', { email: 'jane@example.com', firstname: 'Jane', lastname: 'Doe', optin: 'true' });
    expect(JSON.parse(gigya.calls.find((call) => call.method === 'accounts.setAccountInfo')!.form.subscriptions!)).toEqual({ newsletter: { email: { isSubscribed: true } } });
    const first = (await page(submitted.location!.replace(/#.*$/, ''))).html;
    expect(first).toContain('(UID lite-1). Opt-in in Gigya now: subscription newsletter: subscribed, double opt-in Pending.');
    expect(first).toContain('<th scope="col">Opt-in in Gigya now</th>');
    expect(first).toContain('<span class="optin pending">subscription newsletter: subscribed, double opt-in Pending</span>');
    const read = gigya.calls.filter((call) => call.method === 'accounts.getAccountInfo');
    expect(read.map((call) => [call.form.UID, call.form.include])).toEqual([['lite-1', 'subscriptions,preferences']]);
    // The participant confirmed the email since: the next view says so, nothing was recorded at push time.
    expect((await page('/?campaign=c1')).html).toContain('<span class="optin confirmed">subscription newsletter: subscribed, double opt-in Confirmed</span>');
  });

  it('shows a consent statement granted, read from the nested preferences', async () => {
    const { gigya, post, page } = playground({
      'accounts.search': noMatch,
      'accounts.getAccountInfo': () => ({ UID: 'lite-1', preferences: { terms: { marketing: { isConsentGranted: true, docVersion: 1, lang: 'en' } } } }),
    });
    await post('/playground/settings', { ...settingsForm, optInAs: 'consent', consentStatementId: 'terms.marketing' });
    await post('/playground/campaign', { id: 'c1', identified: 'true', sso: 'gigyaLite' });
    await post('/playground/campaigns/c1/participations', { email: 'jane@example.com', firstname: 'Jane', lastname: 'Doe', optin: 'true' });
    expect(JSON.parse(gigya.calls.find((call) => call.method === 'accounts.setAccountInfo')!.form.preferences!)).toEqual({ terms: { marketing: { isConsentGranted: true } } });
    expect((await page('/?campaign=c1')).html).toContain('<span class="optin confirmed">consent terms.marketing: granted</span>');
  });

  it('reads nothing for a participation without an opt-in, and says when Gigya could not be read, without the secret', async () => {
    const { gigya, post, page } = playground({
      'accounts.search': noMatch,
      'accounts.getAccountInfo': () => ({ errorCode: 403047, errorMessage: 'Invalid secret', errorDetails: `sig over ${testSecret}` }),
    });
    await post('/playground/settings', settingsForm);
    await post('/playground/campaign', { id: 'c1', identified: 'true', sso: 'gigyaLite' });
    await post('/playground/campaigns/c1/participations', { email: 'john@example.com', firstname: 'John', lastname: 'Doe' });
    expect((await page('/?campaign=c1')).html).toContain('<td class="optin">—</td>');
    expect(gigya.methods()).not.toContain('accounts.getAccountInfo');
    await post('/playground/campaigns/c1/participations', { email: 'jane@example.com', firstname: 'Jane', lastname: 'Doe', optin: 'true' });
    const { status, html } = await page('/?campaign=c1');
    expect(status).toBe(200);
    expect(html).toMatch(/<span class="optin unknown">opt-in: not read: [^<]*403047/);
    expect(html).not.toContain(testSecret);
  });

  it(`reads back only the ${maxReadBack} newest opt-ins, once per account`, async () => {
    const { gigya, harness, post, page } = playground({ 'accounts.search': noMatch, 'accounts.getAccountInfo': () => ({ subscriptions: newsletter('Pending') }) });
    await post('/playground/settings', settingsForm);
    await post('/playground/campaign', { id: 'c1', identified: 'true', sso: 'gigyaLite' });
    for (let i = 0; i <= maxReadBack; i++) {
      harness.clock.now += 1_000;
      await post('/playground/campaigns/c1/participations', { email: `p${i}@example.com`, firstname: 'P', lastname: `${i}`, optin: 'true' });
    }
    gigya.calls.length = 0;
    const { html } = await page('/?campaign=c1');
    // Every push answered UID lite-1: one account, one read.
    expect(gigya.methods()).toEqual(['accounts.getAccountInfo']);
    expect(html.match(/double opt-in Pending<\/span>/g)).toHaveLength(maxReadBack);
    expect(html).toContain(`not read back (only the ${maxReadBack} newest are)`);
  });
});

describe('outcomes in words', () => {
  it('says an overwriting push succeeded and overwrote, with a badge of its own', () => {
    expect(pushBadge({ status: 'succeeded', action: 'accountOverwritten' })).toEqual({ text: 'succeeded, overwrote', tone: 'overwrote' });
    expect(pushBadge({ status: 'succeeded', action: 'liteAccountCreated' })).toEqual({ text: 'succeeded', tone: 'succeeded' });
    expect(playgroundCss).toMatch(/\.badge\.overwrote \{[^}]*#fde2e1/);
  });

  it('says in words what each push did, and that the custom set-up keeps the submitted name out', () => {
    expect(actionInWords('accountOverwritten')).toContain('overwrote the full account');
    expect(actionInWords('blanksFilled')).toMatch(/kept the full account.*its name too.*not replaced/);
    expect(actionInWords('nothingToFill')).toContain('nothing was written');
    expect(actionInWords(null)).toBeUndefined();
    const notice = participationNotice({ status: 'succeeded', action: 'blanksFilled', uid: 'u1', skipReason: null, lastError: null });
    expect(notice).toBe('Participation pushed to Gigya: kept the full account: filled only its empty fields; values it had (its name too) were not replaced by the submitted ones (UID u1).');
  });

  it('gives the set-up choice a whole row, so its options are not cut off', async () => {
    const { page } = playground();
    const { html } = await page('/');
    expect(html).toContain('<label class="wide">Set-up<select name="setup">');
    expect(playgroundCss).toContain('form.stack label.wide { grid-column:1 / -1; }');
    expect(html).toContain('Both connected, custom integration (full accounts kept, blanks filled, opt-in) (custom)');
  });
});

describe('InspectorLinks', () => {
  it('prefers INSPECTOR_URL and otherwise derives the inspector from the Gigya base URL', () => {
    expect(InspectorLinks.resolve('http://inspector.test/ui/', 'http://127.0.0.1:4100', '3_k').account('u 1')).toBe('http://inspector.test/ui/sites/3_k/accounts/u%201');
    expect(InspectorLinks.resolve(undefined, 'http://127.0.0.1:4100/', '3_k').accounts()).toBe('http://127.0.0.1:4100/__admin/ui/sites/3_k/accounts');
    expect(InspectorLinks.resolve(undefined, undefined, '3_k').account('u1')).toBeUndefined();
  });
});
