// Another project's vitest file, as the README's "Embedding in your tests" recipe writes it:
// test/package/package.test.ts runs it inside a project that installed the packed lab.
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { startFakeGigya, type RunningFakeGigya } from 'gigya-lite-registration-lab/server';

let gigya: RunningFakeGigya;

beforeAll(async () => {
  gigya = await startFakeGigya({ policies: { liteAccounts: 'perSubmit' } });
});
beforeEach(() => gigya.reset());
afterAll(() => gigya.close());

async function call(method: string, params: Record<string, string>): Promise<Record<string, unknown>> {
  const response = await fetch(`${gigya.baseUrl}/${method}`, { method: 'POST', body: new URLSearchParams({ apiKey: gigya.site.apiKey, ...params }) });
  return (await response.json()) as Record<string, unknown>;
}

async function registerLite(email: string): Promise<void> {
  const init = await call('accounts.initRegistration', { isLite: 'true' });
  expect(init.errorCode).toBe(0);
  const saved = await call('accounts.setAccountInfo', { regToken: String(init.regToken), profile: JSON.stringify({ email }) });
  expect(saved.errorCode).toBe(0);
}

it('stores a lite registration on the site of its own', async () => {
  await registerLite('ann@example.com');
  const { accounts } = await gigya.admin.accounts(gigya.site.apiKey, { email: 'ann@example.com' });
  expect(accounts).toHaveLength(1);
});

it('starts every test from an empty site after reset', async () => {
  expect((await gigya.admin.accounts(gigya.site.apiKey)).total).toBe(0);
});

it('serves the inspector as HTML', async () => {
  await registerLite('bob@example.com');
  const page = await fetch(`${gigya.baseUrl}/__admin/ui`);
  expect(page.status).toBe(200);
  expect(page.headers.get('content-type')).toContain('text/html');
  expect(await page.text()).toMatch(/^<!DOCTYPE html>/i);
});
