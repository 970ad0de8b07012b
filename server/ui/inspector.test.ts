import { describe, expect, it } from 'vitest';
import type { Account } from '../store/accounts.js';
import { headersWithoutScope, inspectorTestbed, john, unlabelledControls } from './inspectorTestbed.js';

const ui = '/__admin/ui';
const sameOrigin = { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' };

async function fullUid(bed: ReturnType<typeof inspectorTestbed>): Promise<string> {
  return bed.store.accounts.byEmail(bed.apiKey, john.email)[0]!.uid;
}

describe('the sites page', () => {
  it('lists each site with its userKeys and never a secret', async () => {
    const bed = inspectorTestbed();
    const { status, html } = await bed.page(ui);
    expect(status).toBe(200);
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain(bed.apiKey);
    expect(html).toContain(bed.userKey);
    expect(html).not.toContain(bed.secret);
    expect(headersWithoutScope(html)).toEqual([]);
    expect(html).toMatch(/<main\b/);
    expect(html).toMatch(/<nav aria-label="Inspector">/);
  });

  it("names each site by its name, linked to its accounts, with the apiKey beside it", async () => {
    const bed = inspectorTestbed();
    const { html } = await bed.page(ui);
    expect(html).toContain(`<th scope="row"><a href="${ui}/sites/${bed.apiKey}/accounts">inspected</a></th><td><code class="key">${bed.apiKey}</code></td>`);
    expect(html).toContain('a new one per submission <code class="muted">perSubmit</code>');
  });

  it('redirects the address with a trailing slash to the inspector', async () => {
    const bed = inspectorTestbed();
    const { status, response } = await bed.page(`${ui}/`);
    expect(status).toBe(301);
    expect(response.headers.get('location')).toBe(ui);
  });
});

describe('the accounts page', () => {
  it('shows lite and full badges, email, name and labelled filters', async () => {
    const bed = inspectorTestbed();
    const init = await bed.call('accounts.initRegistration', { isLite: 'true' });
    await bed.call('accounts.setAccountInfo', { regToken: init.regToken, profile: { email: 'ann@example.com', firstName: 'Ann' } });
    const { html } = await bed.page(`${ui}/sites/${bed.apiKey}/accounts`);
    expect(html).toContain('<span class="badge full">full</span>');
    expect(html).toContain('<span class="badge lite">lite</span>');
    expect(html).toContain('John Doe');
    expect(html).toContain('ann@example.com');
    expect(unlabelledControls(html)).toEqual([]);
    expect(headersWithoutScope(html)).toEqual([]);
  });

  it('filters by kind and by email', async () => {
    const bed = inspectorTestbed();
    const init = await bed.call('accounts.initRegistration', { isLite: 'true' });
    await bed.call('accounts.setAccountInfo', { regToken: init.regToken, profile: { email: 'ann@example.com' } });
    const lite = await bed.page(`${ui}/sites/${bed.apiKey}/accounts?kind=lite&email=`);
    expect(lite.html).toContain('ann@example.com');
    expect(lite.html).not.toContain('John Doe');
    const byEmail = await bed.page(`${ui}/sites/${bed.apiKey}/accounts?email=JOHN.DOE%40example.com`);
    expect(byEmail.html).toContain('John Doe');
    expect(byEmail.html).not.toContain('ann@example.com');
  });

  it('renders 10,000 accounts one page of at most 50 rows, with a next link', async () => {
    const bed = inspectorTestbed();
    const base = bed.store.accounts.byEmail(bed.apiKey, john.email)[0]!;
    bed.store.transaction(() => {
      for (let index = 0; index < 9_999; index++) {
        const account: Account = { ...base, uid: `bulk${String(index).padStart(8, '0')}`, kind: 'lite', email: `p${index}@example.com`, loginIds: [], passwordHash: null, profile: { email: `p${index}@example.com` }, createdMs: base.createdMs + index + 1 };
        bed.store.accounts.save(account);
      }
    });
    const first = await bed.page(`${ui}/sites/${bed.apiKey}/accounts`);
    const rows = first.html.split('<table class="accounts">')[1]!.split('</table>')[0]!.match(/<tr>/g) ?? [];
    expect(rows.length - 1).toBeLessThanOrEqual(50); // minus the header row
    expect(rows.length - 1).toBeGreaterThan(0);
    expect(first.html).toContain('1–50 of 10000');
    expect(first.html).toContain(`rel="next" href="${ui}/sites/${bed.apiKey}/accounts?offset=50"`);
    expect(first.html).not.toContain('rel="prev"');
    const last = await bed.page(`${ui}/sites/${bed.apiKey}/accounts?offset=9950`);
    expect(last.html).toContain('9951–10000 of 10000');
    expect(last.html).toContain('rel="prev"');
    expect(last.html).not.toContain('rel="next"');
  });

  it("titles the page with the site's name and keeps the apiKey underneath", async () => {
    const bed = inspectorTestbed();
    const { html } = await bed.page(`${ui}/sites/${bed.apiKey}/accounts`);
    expect(html).toContain('<title>Accounts · inspected · fake Gigya inspector</title>');
    expect(html).toMatch(/<h1>Accounts <span class="site-of">of<\/span> inspected<\/h1>/);
    expect(html).toContain(`<p class="site-key muted">apiKey <code>${bed.apiKey}</code></p>`);
    for (const page of ['journal', 'faults', 'email-accounts']) {
      const other = await bed.page(`${ui}/sites/${bed.apiKey}/${page}`);
      expect(other.html).toMatch(/<title>[^<]* · inspected · fake Gigya inspector<\/title>/);
      expect(other.html).not.toMatch(new RegExp(`<title>[^<]*${bed.apiKey}`));
    }
  });

  it('marks the accounts whose history holds an overwrite, and only those', async () => {
    const bed = inspectorTestbed();
    const uid = await fullUid(bed);
    const init = await bed.call('accounts.initRegistration', { isLite: 'true' });
    const lite = await bed.call('accounts.setAccountInfo', { regToken: init.regToken, profile: { email: 'ann@example.com', firstName: 'Ann' } });
    // A blank filled is no overwrite; a name replaced is.
    await bed.call('accounts.setAccountInfo', { UID: lite.UID, profile: { city: 'Diest' } });
    const before = await bed.page(`${ui}/sites/${bed.apiKey}/accounts`);
    expect(before.html).not.toContain('badge overwritten');
    await bed.call('accounts.setAccountInfo', { UID: uid, profile: { firstName: 'Jane' } });
    const { html } = await bed.page(`${ui}/sites/${bed.apiKey}/accounts`);
    const rows = html.split('<tbody>')[1]!.split('</tbody>')[0]!.split('</tr>');
    const rowOf = (text: string) => rows.find((row) => row.includes(text))!;
    expect(rowOf(uid)).toMatch(/^<tr class="has-overwrite">/);
    expect(rowOf(uid)).toContain('<span class="badge overwritten">overwritten</span>');
    expect(rowOf(String(lite.UID))).not.toContain('overwritten');
    expect(html).toContain('marks an account where a later write replaced a value it had');
  });

  it('answers 404 for an unknown site and 400 for a bad filter', async () => {
    const bed = inspectorTestbed();
    expect((await bed.page(`${ui}/sites/nope/accounts`)).status).toBe(404);
    expect((await bed.page(`${ui}/sites/${bed.apiKey}/accounts?kind=other`)).status).toBe(400);
  });
});

describe('the account page', () => {
  it('marks the fields an update replaced as overwritten, with before and after', async () => {
    const bed = inspectorTestbed();
    const uid = await fullUid(bed);
    await bed.call('accounts.setAccountInfo', { UID: uid, profile: { firstName: 'Jane', city: 'Diest' } });
    const { html } = await bed.page(`${ui}/sites/${bed.apiKey}/accounts/${uid}`);
    expect(html).toMatch(
      /<tr class="overwritten" data-field="profile.firstName"><th scope="row"><code>profile.firstName<\/code><\/th><td class="before"><span>John<\/span><\/td><td class="after"><span>Jane<\/span><\/td><td class="change">⚠ overwritten<\/td><\/tr>/,
    );
    expect(html).toMatch(/<tr class="filled" data-field="profile.city">/);
    expect(html).toContain('overwrote 1 field');
    expect(html).toContain('<code>accounts.setAccountInfo</code>');
    expect(html).toContain(`<code>${bed.userKey}</code>`);
    expect(headersWithoutScope(html)).toEqual([]);
  });

  it('shows subscriptions as rows: name, subscribed, double opt-in, tags and when they changed', async () => {
    const bed = inspectorTestbed();
    const uid = await fullUid(bed);
    await bed.call('accounts.setSchema', { subscriptionsSchema: { fields: { newsletter: { email: { doubleOptIn: true } } } } });
    await bed.call('accounts.setAccountInfo', {
      UID: uid,
      subscriptions: { newsletter: { email: { isSubscribed: true, tags: ['contest'] } }, offers: { email: { isSubscribed: false } } },
    });
    const { html } = await bed.page(`${ui}/sites/${bed.apiKey}/accounts/${uid}`);
    const table = html.split('<table class="subscriptions" id="subscriptions">')[1]!.split('</table>')[0]!;
    expect(table).toMatch(/<tr data-subscription="newsletter"><th scope="row"><code>newsletter<\/code><\/th><td>yes<\/td><td>Pending<\/td><td>contest<\/td><td><time datetime="[^"]+">[^<]+<\/time><\/td><\/tr>/);
    expect(table).toMatch(/<tr data-subscription="offers"><th scope="row"><code>offers<\/code><\/th><td>no<\/td><td>NotConfirmed<\/td><td><span class="muted">—<\/span><\/td>/);
    expect(table).not.toContain('{&quot;');
    expect(headersWithoutScope(html)).toEqual([]);
  });

  it('shows preferences as one row per consent, nested ids dotted', async () => {
    const bed = inspectorTestbed();
    const uid = await fullUid(bed);
    await bed.call('accounts.setAccountInfo', { UID: uid, preferences: { terms: { tos1: { isConsentGranted: true, docVersion: 2 } }, privacy: { isConsentGranted: false } } });
    const { html } = await bed.page(`${ui}/sites/${bed.apiKey}/accounts/${uid}`);
    const table = html.split('<table class="preferences" id="preferences">')[1]!.split('</table>')[0]!;
    expect(table).toContain('<tr data-preference="terms.tos1"><th scope="row"><code>terms.tos1</code></th><td>yes</td><td>2</td>');
    expect(table).toContain('<tr data-preference="privacy"><th scope="row"><code>privacy</code></th><td>no</td>');
  });

  it("badges the write that created the account as such, not as blanks filled", async () => {
    const bed = inspectorTestbed();
    const uid = await fullUid(bed);
    await bed.call('accounts.setAccountInfo', { UID: uid, profile: { city: 'Diest' } });
    const { html } = await bed.page(`${ui}/sites/${bed.apiKey}/accounts/${uid}`);
    const [creation, update] = html.split('<article').slice(1);
    expect(creation).toMatch(/<span class="badge created">created the account \(\d+ fields\)<\/span>/);
    expect(creation).not.toContain('badge filled');
    expect(update).toContain('<span class="badge filled">filled 1 blank</span>');
  });

  it('says the site and the name in the title of an account page', async () => {
    const bed = inspectorTestbed();
    const uid = await fullUid(bed);
    const { html } = await bed.page(`${ui}/sites/${bed.apiKey}/accounts/${uid}`);
    expect(html).toContain('<title>John Doe · inspected · fake Gigya inspector</title>');
    expect(html).toContain(`UID <code>${uid}</code>`);
  });

  it('says a password is set without showing its hash', async () => {
    const bed = inspectorTestbed();
    const uid = await fullUid(bed);
    const hash = bed.store.accounts.get(bed.apiKey, uid)!.passwordHash!;
    const { html } = await bed.page(`${ui}/sites/${bed.apiKey}/accounts/${uid}`);
    expect(html).toContain('set (never shown)');
    expect(html).not.toContain(hash);
    expect(html).not.toContain(john.password);
  });

  it('answers 404 for an account that never existed', async () => {
    const bed = inspectorTestbed();
    expect((await bed.page(`${ui}/sites/${bed.apiKey}/accounts/nobody`)).status).toBe(404);
  });

  it('answers a mistyped inspector address with an HTML 404 page, not a Gigya envelope', async () => {
    const bed = inspectorTestbed();
    const { status, html, response } = await bed.page(`${ui}/site/${bed.apiKey}`);
    expect(status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html).toContain(`No inspector page at ${ui}/site/${bed.apiKey}`);
  });
});

describe('the emailAccounts page', () => {
  it('groups the full and lite accounts of one email', async () => {
    const bed = inspectorTestbed();
    const init = await bed.call('accounts.initRegistration', { isLite: 'true' });
    const lite = await bed.call('accounts.setAccountInfo', { regToken: init.regToken, profile: { email: john.email, firstName: 'Jane' } });
    const { html } = await bed.page(`${ui}/sites/${bed.apiKey}/email-accounts?email=${encodeURIComponent(john.email)}`);
    expect(html).toContain('Full accounts (1)');
    expect(html).toContain('Lite accounts (1)');
    expect(html).toContain(String(lite.UID));
    expect(html).toContain(await fullUid(bed));
    expect(unlabelledControls(html)).toEqual([]);
  });
});

describe('the journal page', () => {
  it('highlights calls answered with an error and filters by error code', async () => {
    const bed = inspectorTestbed();
    bed.faults.add({ kind: 'error', apiKey: bed.apiKey, method: 'accounts.getAccountInfo', errorCode: 500001, times: 1 });
    const uid = await fullUid(bed);
    await bed.call('accounts.getAccountInfo', { UID: uid });
    await bed.call('accounts.getAccountInfo', { UID: uid });
    const all = await bed.page(`${ui}/sites/${bed.apiKey}/journal`);
    expect(all.html).toContain('<tr class="error">');
    expect(all.html).toContain('error 500001');
    expect(all.html).toContain('<tr class="ok">');
    expect(all.html).not.toContain(bed.secret);
    expect(unlabelledControls(all.html)).toEqual([]);
    const errors = await bed.page(`${ui}/sites/${bed.apiKey}/journal?errorCode=500001&method=&email=`);
    expect(errors.html).toContain('<tr class="error">');
    expect(errors.html).not.toContain('<tr class="ok">');
  });
});

describe('the faults page', () => {
  it('adds a fault from the form, lists it, and clears it', async () => {
    const bed = inspectorTestbed();
    const added = await bed.page(`${ui}/sites/${bed.apiKey}/faults`, {
      method: 'POST',
      headers: sameOrigin,
      body: new URLSearchParams({ kind: 'error', method: 'accounts.setAccountInfo', errorCode: '500001', times: '2', ms: '', limit: '' }),
    });
    expect(added.status).toBe(303);
    expect(bed.faults.list(bed.apiKey)).toMatchObject([{ kind: 'error', method: 'accounts.setAccountInfo', errorCode: 500001, remaining: 2 }]);
    const listed = await bed.page(`${ui}/sites/${bed.apiKey}/faults`);
    expect(listed.html).toContain('errorCode=500001');
    expect(unlabelledControls(listed.html)).toEqual([]);
    const cleared = await bed.page(`${ui}/sites/${bed.apiKey}/faults/clear`, { method: 'POST', headers: sameOrigin });
    expect(cleared.status).toBe(303);
    expect(bed.faults.list(bed.apiKey)).toEqual([]);
  });

  it('shows why an invalid fault was not added', async () => {
    const bed = inspectorTestbed();
    const { status, html } = await bed.page(`${ui}/sites/${bed.apiKey}/faults`, { method: 'POST', headers: sameOrigin, body: new URLSearchParams({ kind: 'error', errorCode: '12' }) });
    expect(status).toBe(400);
    expect(html).toContain('Not added: errorCode');
    expect(bed.faults.list(bed.apiKey)).toEqual([]);
  });

  it('removes one fault of its own site only', async () => {
    const bed = inspectorTestbed();
    const fault = bed.faults.add({ kind: 'drop', apiKey: bed.apiKey });
    const other = await bed.page(`${ui}/sites/${bed.apiKey}/faults/fault-99/delete`, { method: 'POST', headers: sameOrigin });
    expect(other.status).toBe(404);
    const removed = await bed.page(`${ui}/sites/${bed.apiKey}/faults/${fault.id}/delete`, { method: 'POST', headers: sameOrigin });
    expect(removed.status).toBe(303);
    expect(bed.faults.list()).toEqual([]);
  });

  it('refuses a form posted from another origin', async () => {
    const bed = inspectorTestbed();
    const { status } = await bed.page(`${ui}/sites/${bed.apiKey}/faults/clear`, { method: 'POST', headers: { ...sameOrigin, origin: 'https://evil.example' } });
    expect(status).toBe(403);
  });
});

describe('the inspector with an admin token', () => {
  const token = 'inspector-test-token';

  it('asks for the token, then trades ?token= for an HttpOnly SameSite=Strict cookie', async () => {
    const bed = inspectorTestbed({ adminToken: token });
    expect((await bed.page(ui)).status).toBe(401);
    expect((await bed.page(`${ui}?token=wrong`)).status).toBe(401);
    const granted = await bed.page(`${ui}/sites/${bed.apiKey}/accounts?kind=full&token=${token}`);
    expect(granted.status).toBe(303);
    expect(granted.response.headers.get('location')).toBe(`${ui}/sites/${bed.apiKey}/accounts?kind=full`);
    const cookie = granted.response.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toContain(`Path=${ui}`);
    expect(cookie).not.toContain(token);
    const session = cookie.split(';')[0]!;
    const page = await bed.page(`${ui}/sites/${bed.apiKey}/accounts?kind=full`, { headers: { cookie: session } });
    expect(page.status).toBe(200);
    expect(page.html).toContain('John Doe');
  });

  it('accepts the bearer header, and the cookie does not open the JSON admin API', async () => {
    const bed = inspectorTestbed({ adminToken: token });
    expect((await bed.page(ui, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    const granted = await bed.page(`${ui}?token=${token}`);
    const session = granted.response.headers.get('set-cookie')!.split(';')[0]!;
    expect((await bed.page(ui, { headers: { cookie: 'fake_gigya_inspector=forged' } })).status).toBe(401);
    expect((await bed.page('/__admin/sites', { headers: { cookie: session } })).status).toBe(401);
  });
});
