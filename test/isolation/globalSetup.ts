import type { TestProject } from 'vitest/node';
import { startFakeGigya } from '../../server/embedded.js';

// One fake Gigya shared by every test file of the run (loopback, in memory): the isolation
// workers prove on it that sites never see each other's data.

export interface Neighbour {
  apiKey: string;
  userKey: string;
  uids: string[];
}

declare module 'vitest' {
  export interface ProvidedContext {
    sharedFakeGigya: { baseUrl: string; adminUrl: string; neighbour: Neighbour };
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const fake = await startFakeGigya();
  // A site the workers must never reach: its accounts exist before any worker starts.
  const uids: string[] = [];
  for (const email of ['neighbour-1@example.com', 'neighbour-2@example.com']) {
    await fetch(`${fake.baseUrl}/accounts.importLiteAccount`, { method: 'POST', body: new URLSearchParams({ ...fake.site, email }) });
  }
  for (const account of (await fake.admin.accounts(fake.site.apiKey)).accounts) uids.push(account.UID);
  project.provide('sharedFakeGigya', {
    baseUrl: fake.baseUrl,
    adminUrl: fake.admin.baseUrl,
    neighbour: { apiKey: fake.site.apiKey, userKey: fake.site.userKey, uids },
  });
  return () => fake.close();
}
