// Chromium driven by playwright-core: no browser download, a fresh profile per launch. Which
// binary it is, findChromium.ts decides.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { findChromium, type FoundChromium } from './findChromium.js';

// Without the background-networking flags Chromium keeps calling Google's hosts, which this
// closed network refuses.
const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface Chromium {
  context: BrowserContext;
  found: FoundChromium;
  close(): Promise<void>;
}

/** Launches chromium headless with a temporary user-data-dir, removed again on close. */
export async function launchChromium(found?: FoundChromium): Promise<Chromium> {
  const browser = found ?? (await findChromium());
  const profile = mkdtempSync(join(tmpdir(), 'lab-chromium-'));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: browser.path,
      headless: true,
      args,
      ...(browser.env ? { env: { ...process.env, ...browser.env } } : {}),
      viewport: { width: 1280, height: 900 },
    });
    return {
      context,
      found: browser,
      async close() {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw new Error(`could not launch ${browser.path} (found through ${browser.source}): ${error instanceof Error ? error.message : String(error)}`);
  }
}
