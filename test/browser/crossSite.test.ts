import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCampaignId, startDemo, type RunningDemo } from '../../scenarios/demoStack.js';
import { launchChromium, type Chromium } from './chromium.js';

// A web page on another origin, open in the developer's browser, tries what a browser lets any
// page do without asking: no-cors fetches (text/plain, a form body) and form posts, against the
// connector's API and playground and the fake's /__admin. Nothing may change.

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);

let demo: RunningDemo;
let browser: Chromium;
let attacker: Server;
let attackerUrl: string;

const participant = { email: 'mallory@example.com', firstname: 'Mallory', lastname: 'Evil' };

beforeAll(async () => {
  demo = await startDemo({ setup: 'liteAndSsoNative' });
  // Another origin on loopback: a different port of 127.0.0.1 is another origin (and the same "site").
  // GET /form?action=<url>&<field>=<value>…: a form posting those fields to that URL, as a hostile page would carry.
  attacker = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const action = url.searchParams.get('action');
    url.searchParams.delete('action');
    const inputs = [...url.searchParams].map(([name, value]) => `<input name="${escapeHtml(name)}" value="${escapeHtml(value)}">`).join('');
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end(`<!DOCTYPE html><title>another site</title>${action === null ? '<p>nothing to see</p>' : `<form method="post" action="${escapeHtml(action)}">${inputs}<button>Win a prize</button></form>`}`);
  });
  await new Promise<void>((listening) => attacker.listen(0, '127.0.0.1', listening));
  attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`;
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((closed) => attacker?.close(closed));
  await demo?.close();
});

async function attackerPage(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(attackerUrl);
  return page;
}

/** no-cors fetches from the attacker's page; the answers are opaque to it, the attempt is what counts. */
async function noCorsPosts(page: Page, url: string, bodies: Array<{ type: string; body: string }>): Promise<void> {
  await page.evaluate(
    async ({ url, bodies }) => {
      for (const { type, body } of bodies) {
        await fetch(url, { method: 'POST', mode: 'no-cors', headers: { 'content-type': type }, body }).catch(() => undefined);
      }
    },
    { url, bodies },
  );
}

/** A form on the attacker's page, submitted by a click: the browser navigates, the answer's status is read from the navigation. */
async function formPost(page: Page, url: string, fields: Record<string, string>): Promise<number | undefined> {
  await page.goto(`${attackerUrl}form?${new URLSearchParams({ action: url, ...fields })}`);
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url() === url && r.request().method() === 'POST'),
    page.getByRole('button', { name: 'Win a prize' }).click(),
  ]);
  return response.status();
}

async function fakeAccounts(): Promise<number> {
  const answer = await fetch(`${demo.gigyaBaseUrl}/__admin/accounts?apiKey=${encodeURIComponent(demo.site.apiKey)}`);
  expect(answer.status).toBe(200);
  return ((await answer.json()) as { total: number }).total;
}

describe('a page on another origin, in chromium', () => {
  it('cannot create a participation (or a lite account) through the connector', async () => {
    const page = await attackerPage();
    const api = `${demo.connectorUrl}/campaigns/${demoCampaignId}/participations`;
    await noCorsPosts(page, api, [
      { type: 'text/plain', body: JSON.stringify(participant) },
      { type: 'application/x-www-form-urlencoded', body: new URLSearchParams(participant).toString() },
    ]);
    expect(await formPost(page, api, participant)).toBe(403);
    const attackerAgain = await attackerPage();
    expect(await formPost(attackerAgain, `${demo.connectorUrl}/playground/campaigns/${demoCampaignId}/participations`, participant)).toBe(403);
    expect(demo.connector.participations.byCampaign(demoCampaignId)).toEqual([]);
    await page.close();
    await attackerAgain.close();
  });

  it('cannot repoint the connector\'s settings or campaign', async () => {
    const page = await attackerPage();
    const before = demo.connector.settings.integration();
    await noCorsPosts(page, `${demo.connectorUrl}/settings/integrations/gigya-lite-registration`, [{ type: 'text/plain', body: JSON.stringify({ enabled: true, baseUrl: 'http://127.0.0.1:1' }) }]);
    expect(await formPost(page, `${demo.connectorUrl}/playground/campaign`, { id: demoCampaignId, identified: 'true', sso: 'none' })).toBe(403);
    expect(demo.connector.settings.integration()?.baseUrl).toBe(before?.baseUrl);
    expect(demo.connector.settings.campaign(demoCampaignId)?.formStep.sso).toBe('gigyaLite');
    await page.close();
  });

  it('cannot reset or seed the fake through /__admin', async () => {
    const accounts = await fakeAccounts();
    expect(accounts).toBeGreaterThan(0);
    const page = await attackerPage();
    await noCorsPosts(page, `${demo.gigyaBaseUrl}/__admin/reset`, [
      { type: 'text/plain', body: '{}' },
      { type: 'application/x-www-form-urlencoded', body: '' },
    ]);
    expect(await formPost(page, `${demo.gigyaBaseUrl}/__admin/reset`, { apiKey: demo.site.apiKey })).toBe(403);
    expect(await fakeAccounts()).toBe(accounts);
    await page.close();
  });

  it('leaves the playground working for its own page', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${demo.connectorUrl}/?campaign=${demoCampaignId}`);
    await page.getByLabel('Email (required)').fill('ann@example.com');
    await page.getByLabel('First name (required)').fill('Ann');
    await page.getByLabel('Last name (required)').fill('Lee');
    await Promise.all([page.waitForURL(/saved=participation/), page.getByRole('button', { name: 'Submit participation' }).click()]);
    expect(demo.connector.participations.byCampaign(demoCampaignId).map((p) => p.crmValues.email)).toEqual(['ann@example.com']);
    await page.close();
  });
});
