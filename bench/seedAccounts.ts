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
  const account = store.db.prepare(
    `INSERT INTO accounts (site, uid, kind, email, login_ids, login_id, profile, is_registered, created_ms, last_updated_ms)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const record = store.db.prepare(
    `INSERT INTO email_accounts (site, email, token, has_lite, has_full, profile, created_ms, last_updated_ms)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const now = Date.now();
  store.db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const lite = i % 5 === 0;
      const email = benchEmail(i);
      const profile = JSON.stringify({ email, firstName: `First${i % 97}`, lastName: `Last${i % 89}`, country: 'Belgium' });
      account.run(benchSite.apiKey, benchUid(i), lite ? 'lite' : 'full', email, lite ? '[]' : JSON.stringify([email]), lite ? null : email, profile, lite ? 0 : 1, now, now);
      record.run(benchSite.apiKey, email, randomBytes(32).toString('hex'), lite ? 1 : 0, lite ? 0 : 1, profile, now, now);
    }
  })();
  store.close();
}
