import { describe, expect, it } from 'vitest';
import { inspectorTestbed, unlabelledControls } from './inspectorTestbed.js';
import { uiBase } from './layout.js';

const sameOrigin = { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' };

async function pendingSubscriber() {
  const bed = inspectorTestbed();
  await bed.call('accounts.setSchema', { subscriptionsSchema: { fields: { newsletter: { email: { doubleOptIn: true } } } } });
  await bed.call('accounts.importLiteAccount', { email: 'imported@example.com', subscriptions: { newsletter: { email: { isSubscribed: true } } } });
  const init = (await bed.call('accounts.initRegistration', { isLite: 'true' })) as { regToken: string };
  const lite = await bed.app.request('/accounts.setAccountInfo', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ apiKey: bed.apiKey, regToken: init.regToken, profile: '{"email":"ann@example.com"}', subscriptions: '{"newsletter":{"email":{"isSubscribed":true}}}' }),
  });
  const uid = ((await lite.json()) as { UID: string }).UID;
  return { bed, uid };
}

describe('the double opt-in outbox page', () => {
  it('lists the captured confirmation email, with the schema that asked for it', async () => {
    const { bed, uid } = await pendingSubscriber();
    const page = await bed.page(`${uiBase}/sites/${bed.apiKey}/outbox`);
    expect(page.status).toBe(200);
    const table = page.html.split('<table class="outbox" id="outbox">')[1]!.split('</table>')[0]!;
    expect(table).toContain('ann@example.com');
    expect(table).toContain(uid);
    expect(table).not.toContain('imported@example.com');
    expect(page.html).toMatch(/data-subscription="newsletter"><th scope="row"><code>newsletter<\/code><\/th><td>required<\/td>/);
    expect(unlabelledControls(page.html)).toEqual([]);
  });

  it('confirms from its button: the subscription flips to Confirmed and the page shows when', async () => {
    const { bed, uid } = await pendingSubscriber();
    const [email] = bed.store.doubleOptInEmails.list(bed.apiKey, 10);
    const posted = await bed.page(`${uiBase}/sites/${bed.apiKey}/outbox/${email!.id}/confirm`, { method: 'POST', headers: sameOrigin });
    expect(posted.status).toBe(303);
    const account = bed.store.accounts.get(bed.apiKey, uid)!;
    expect(account.subscriptions).toMatchObject({ newsletter: { email: { isSubscribed: true, doubleOptIn: { status: 'Confirmed' } } } });
    const page = await bed.page(`${uiBase}/sites/${bed.apiKey}/outbox`);
    expect(page.html).not.toContain('>Confirm</button>');
  });

  it('refuses a confirm posted from another origin, and changes nothing', async () => {
    const { bed, uid } = await pendingSubscriber();
    const [email] = bed.store.doubleOptInEmails.list(bed.apiKey, 10);
    const posted = await bed.page(`${uiBase}/sites/${bed.apiKey}/outbox/${email!.id}/confirm`, { method: 'POST', headers: { ...sameOrigin, origin: 'http://evil.example' } });
    expect(posted.status).toBe(403);
    expect(bed.store.accounts.get(bed.apiKey, uid)!.subscriptions).toMatchObject({ newsletter: { email: { doubleOptIn: { status: 'Pending' } } } });
  });
});
