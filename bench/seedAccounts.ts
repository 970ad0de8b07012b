import { randomBytes } from 'node:crypto';
import { openStore } from '../server/store/index.js';
import { createSite } from '../server/sites/createSite.js';
import { randomIds, systemClock } from '../server/protocol/ids.js';

export const benchSite = { apiKey: 'bench_site', userKey: 'ABenchKey01', secret: 'YmVuY2gtc2VjcmV0LWJlbmNoLXNlY3JldA==' };

export const benchUid = (i: number) => `${i.toString(16).padStart(32, '0')}`;
export const benchEmail = (i: number) => `user${i}@bench.example`;

/**
 * Writes the bench site and `count` accounts (one in five lite) with their emailAccounts
 * records straight into a database file, in one transaction: the state a long-lived fake
 * would have, made in seconds rather than through the API.
 */
export function seedAccounts(file: string, count: number): void {
  const store = openStore({ file });
  createSite(store, randomIds, systemClock, { apiKey: benchSite.apiKey, applicationKeys: [{ userKey: benchSite.userKey, secret: benchSite.secret }] });
  const now = Date.now();
  store.transaction(() => {
    for (let i = 0; i < count; i++) {
      const lite = i % 5 === 0;
      const email = benchEmail(i);
      const profile = { email, firstName: `First${i % 97}`, lastName: `Last${i % 89}`, country: 'Belgium' };
      store.accounts.save({
        site: benchSite.apiKey, uid: benchUid(i), kind: lite ? 'lite' : 'full', email, loginIds: lite ? [] : [email],
        passwordHash: null, profile, data: {}, subscriptions: {}, preferences: {}, isRegistered: !lite, isActive: true,
        isVerified: false, regSource: null, createdMs: now, lastUpdatedMs: now, registeredMs: null, verifiedMs: null, lastLoginMs: null,
      });
      store.emailAccounts.save({
        site: benchSite.apiKey, email, token: randomBytes(32).toString('hex'), hasLiteAccount: lite, hasFullAccount: !lite,
        profile, data: {}, subscriptions: {}, createdMs: now, lastUpdatedMs: now,
      });
    }
  });
  store.close();
}
