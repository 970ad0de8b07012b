import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Testbed } from '../testing/testbed.js';

let bed: Testbed;
beforeEach(() => {
  bed = new Testbed();
});
afterEach(() => bed.close());

const typesOf = (uid: string) => bed.store.accountEvents.after(bed.site.apiKey, 0, 1000).filter((event) => event.uid === uid).map((event) => event.type);

describe('subscription and consent events', () => {
  it('fires consentUpdated when a write changes preferences', async () => {
    const full = await bed.registerFull('ann@example.com');
    await bed.server('accounts.setAccountInfo', { UID: full.UID, preferences: JSON.stringify({ terms: { isConsentGranted: true } }) });
    expect(typesOf(full.UID).slice(-2)).toEqual(['accountUpdated', 'consentUpdated']);
  });

  it('fires subscriptionUpdated on the full account a lite write shares its subscription with', async () => {
    const full = await bed.registerFull('ann@example.com');
    const { body } = await bed.liteSubmit({ email: 'ann@example.com' }, { subscriptions: JSON.stringify({ newsletter: { email: { isSubscribed: true } } }) });
    expect(typesOf(body.UID)).toEqual(['accountCreated', 'subscriptionUpdated']);
    expect(typesOf(full.UID).at(-1)).toBe('subscriptionUpdated');
  });

  it('fires subscriptionUpdated when a double opt-in is confirmed', async () => {
    await bed.server('accounts.setSchema', { subscriptionsSchema: JSON.stringify({ fields: { newsletter: { email: { doubleOptIn: true } } } }) });
    const { body } = await bed.liteSubmit({ email: 'ann@example.com' }, { subscriptions: JSON.stringify({ newsletter: { email: { isSubscribed: true } } }) });
    const [email] = (await bed.admin('GET', `/sites/${bed.site.apiKey}/outbox`)).body.emails;
    await bed.admin('POST', email.confirmUrl.replace('/__admin', ''), {});
    expect(typesOf(body.UID)).toEqual(['accountCreated', 'subscriptionUpdated', 'subscriptionUpdated']);
  });
});
