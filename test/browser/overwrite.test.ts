import { mkdirSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo, type RunningDemo } from '../../scenarios/demoStack.js';
import { launchChromium, type Chromium } from './chromium.js';

// A person's view of the seed's warning: in the native set-up a lite submission overwrites a
// fully registered account; the custom integration keeps it. Everything is done through the
// pages (the playground's forms, the inspector's links), as someone at the demo would.

const screenshots = 'test-results/browser';
let demo: RunningDemo;
let browser: Chromium;
let page: Page;

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  demo = await startDemo({ configure: false });
  browser = await launchChromium();
  page = await browser.context.newPage();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

async function configure(setup: 'liteAndSsoNative' | 'custom', withSecret: boolean): Promise<void> {
  await page.goto(`${demo.connectorUrl}/`);
  await page.getByLabel('Enabled').check();
  await page.getByLabel('Gigya API Key').fill(demo.site.apiKey);
  await page.getByLabel('Gigya User Key').fill(demo.site.userKey);
  if (withSecret) await page.getByLabel('Gigya Secret').fill(demo.site.secret);
  await page.getByLabel('Gigya base URL (the fake)').fill(demo.gigyaBaseUrl);
  await page.getByLabel('Set-up').selectOption(setup);
  await submit('Save settings', /saved=settings/);
  expect(await text(page.getByRole('status'))).toBe('Settings saved.');
  // Write-only: the stored secret is never sent back to the browser.
  expect(await page.getByLabel('Gigya Secret').inputValue()).toBe('');
  expect(await page.content()).not.toContain(demo.site.secret);
}

async function saveCampaign(id: string): Promise<void> {
  await page.getByLabel('Campaign id').fill(id);
  await page.getByLabel('Title').fill(`Contest ${id}`);
  await page.getByLabel('Identified (has an identification form)').check();
  await page.getByLabel('Form step SSO').selectOption('gigyaLite');
  await submit('Save campaign', /saved=campaign/);
  expect(await text(page.getByRole('status'))).toBe('Campaign saved.');
}

async function participate(values: { email: string; firstname: string; lastname: string; locality: string; optin: boolean }): Promise<void> {
  await page.getByLabel('Email (required)').fill(values.email);
  await page.getByLabel('First name (required)').fill(values.firstname);
  await page.getByLabel('Last name (required)').fill(values.lastname);
  await page.getByLabel('Locality').fill(values.locality);
  if (values.optin) await page.getByLabel('Yes, send me the newsletter (opt-in)').check();
  await submit('Submit participation', /saved=participation/);
}

/** Clicks a form's button and waits for the page the redirect-after-POST lands on. */
async function submit(button: string, landing: RegExp): Promise<void> {
  await Promise.all([page.waitForURL(landing), page.getByRole('button', { name: button }).click()]);
}

const text = async (locator: Locator) => (await locator.textContent())?.trim();

/** Follows the newest participation's link into the fake's inspector. */
async function openTouchedAccount(): Promise<void> {
  await Promise.all([
    page.waitForURL(/\/__admin\/ui\/sites\/.+\/accounts\/.+/),
    page.locator('#participations tbody tr').first().getByRole('link', { name: /in the inspector/ }).click(),
  ]);
}

const row = (field: string) => page.locator(`table.diff tr[data-field="${field}"]`).last();

// Each test is a dozen page loads through two servers: on a loaded 2-core machine that can take
// longer than the default 20 s.
describe('the playground and the inspector in chromium', { timeout: 60_000 }, () => {
  it('shows a fully registered account overwritten by a lite submission in the native set-up', async () => {
    await configure('liteAndSsoNative', true);
    await saveCampaign('summer');
    await participate({ email: 'john.doe@example.com', firstname: 'Jack', lastname: 'Sparrow', locality: 'Antwerp', optin: false });
    expect(await text(page.getByRole('status'))).toContain('Participation pushed to Gigya: overwrote the full account');
    await page.screenshot({ path: `${screenshots}/playground-native.png`, fullPage: true });

    await openTouchedAccount();
    expect(await text(page.locator('h1'))).toContain('Jack Sparrow');
    expect(await text(page.locator('h1 .badge'))).toBe('full');
    for (const [field, before, after] of [
      ['profile.firstName', 'John', 'Jack'],
      ['profile.lastName', 'Doe', 'Sparrow'],
      ['profile.city', 'Brussels', 'Antwerp'],
    ] as const) {
      expect(await row(field).getAttribute('class')).toBe('overwritten');
      expect(await text(row(field).locator('td.before'))).toBe(before);
      expect(await text(row(field).locator('td.after'))).toBe(after);
      expect(await text(row(field).locator('td.change'))).toBe('⚠ overwritten');
    }
    expect(await text(page.locator('article.write.has-overwrite .badge.overwritten'))).toBe('overwrote 3 fields');
    await page.screenshot({ path: `${screenshots}/inspector-native-overwrite.png`, fullPage: true });
  });

  it('keeps the fully registered account in the custom set-up, filling blanks and recording the opt-in', async () => {
    await configure('custom', false);
    await saveCampaign('autumn');
    await participate({ email: 'jane.roe@example.com', firstname: 'Janet', lastname: 'Other', locality: 'Leuven', optin: true });
    expect(await text(page.getByRole('status'))).toContain('Participation pushed to Gigya: kept the full account');
    await page.screenshot({ path: `${screenshots}/playground-custom.png`, fullPage: true });

    await openTouchedAccount();
    expect(await text(page.locator('h1'))).toContain('Jane Roe');
    expect(await text(page.locator('dd[data-field="profile.firstName"]'))).toBe('Jane');
    expect(await text(page.locator('dd[data-field="profile.lastName"]'))).toBe('Roe');
    expect(await text(page.locator('dd[data-field="profile.city"]'))).toBe('Leuven');
    expect(await text(page.locator('tr[data-subscription="newsletter"] td').first())).toBe('yes');
    expect(await page.locator('table.diff tr.overwritten').count()).toBe(0);
    expect(await row('profile.city').getAttribute('class')).toBe('filled');
    expect(await page.locator('table.diff tr.filled[data-field^="subscriptions.newsletter"]').first().isVisible()).toBe(true);
    await page.screenshot({ path: `${screenshots}/inspector-custom-kept.png`, fullPage: true });
  });

  it('groups the accounts of one email and badges lite and full in the accounts list', async () => {
    await page.goto(`${demo.inspectorUrl}/sites/${encodeURIComponent(demo.site.apiKey)}/accounts`);
    expect(await page.locator('table.accounts tbody tr').count()).toBe(2);
    expect(await page.locator('table.accounts .badge.full').count()).toBe(2);
    await Promise.all([page.waitForURL(/email-accounts/), page.getByRole('link', { name: 'john.doe@example.com' }).click()]);
    expect(await text(page.locator('#full-title'))).toBe('Full accounts (1)');
    expect(await text(page.locator('#lite-title'))).toBe('Lite accounts (0)');
    await Promise.all([page.waitForURL(/journal/), page.getByRole('link', { name: 'Journal' }).click()]);
    expect(await page.locator('table.journal tbody tr').first().isVisible()).toBe(true);
    await page.screenshot({ path: `${screenshots}/inspector-journal.png`, fullPage: true });
  });
});
