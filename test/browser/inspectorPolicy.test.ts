import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo, type RunningDemo } from '../../scenarios/demoStack.js';
import { launchChromium, type Chromium } from './chromium.js';

// The inspector's Content-Security-Policy allows no script and only its own stylesheet: the
// pages must still look as designed and their forms must still post, in a real browser.

let demo: RunningDemo;
let browser: Chromium;
let page: Page;
const consoleMessages: string[] = [];

beforeAll(async () => {
  demo = await startDemo();
  browser = await launchChromium();
  page = await browser.context.newPage();
  page.on('console', (message) => consoleMessages.push(`${message.type()}: ${message.text()}`));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

const site = () => `${demo.inspectorUrl}/sites/${encodeURIComponent(demo.site.apiKey)}`;

describe('the inspector under its Content-Security-Policy in chromium', () => {
  it('applies its stylesheet and reports no blocked resource on any page', async () => {
    for (const path of ['', '/accounts', '/email-accounts?email=john.doe%40example.com', '/journal', '/faults']) {
      const response = await page.goto(`${site()}${path}`);
      expect(response?.headers()['content-security-policy'], path).toMatch(/default-src 'none'/);
      // A string: this project's TypeScript has no DOM library, the expression runs in the page.
      const banner = await page.evaluate<string>("getComputedStyle(document.querySelector('header.top')).backgroundColor");
      expect(banner, path).toBe('rgb(18, 38, 63)');
    }
    expect(consoleMessages.filter((message) => /Content Security Policy|Refused to/i.test(message))).toEqual([]);
  });

  it("posts the faults form back to the fake, the form guard still seeing the page's origin", async () => {
    await page.goto(`${site()}/faults`);
    await page.getByLabel('Kind').selectOption('error');
    await page.getByLabel('Error code (error)').fill('500001');
    await page.getByLabel('Times (then gone)').fill('1');
    await Promise.all([page.waitForURL(/\/faults$/), page.getByRole('button', { name: 'Add fault' }).click()]);
    expect((await page.locator('#active-title').textContent())?.trim()).toBe('Active faults (1)');
    await Promise.all([page.waitForURL(/\/faults$/), page.getByRole('button', { name: 'Clear all faults of this site' }).click()]);
    expect((await page.locator('#active-title').textContent())?.trim()).toBe('Active faults (0)');
  });
});
