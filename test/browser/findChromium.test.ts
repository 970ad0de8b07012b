import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { launchChromium } from './chromium.js';
import { chromiumOnPath, findChromium } from './findChromium.js';
import { packagedChromium } from './packagedChromium.js';

const root = mkdtempSync(join(tmpdir(), 'lab-find-chromium-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A file called `name` in a new folder `dir` under the test's temp root. */
function file(dir: string, name: string, executable: boolean): string {
  mkdirSync(join(root, dir), { recursive: true });
  const path = join(root, dir, name);
  writeFileSync(path, '#!/bin/sh\n');
  chmodSync(path, executable ? 0o755 : 0o644);
  return path;
}

describe('findChromium', () => {
  it('takes CHROMIUM_PATH before any browser on PATH', async () => {
    const named = file('named', 'my-chrome', true);
    file('bin-a', 'chromium', true);
    await expect(findChromium({ CHROMIUM_PATH: named, PATH: join(root, 'bin-a') })).resolves.toEqual({ path: named, source: 'CHROMIUM_PATH' });
  });

  it('refuses a CHROMIUM_PATH that is not an executable file, naming the variable', async () => {
    const notExecutable = file('named', 'not-executable', false);
    await expect(findChromium({ CHROMIUM_PATH: join(root, 'missing'), PATH: '' })).rejects.toThrow(/^CHROMIUM_PATH=.*missing is not an executable file/);
    await expect(findChromium({ CHROMIUM_PATH: notExecutable, PATH: '' })).rejects.toThrow(/^CHROMIUM_PATH=.*not-executable is not an executable file/);
    await expect(findChromium({ CHROMIUM_PATH: root, PATH: '' })).rejects.toThrow(/is not an executable file/);
  });

  it('finds chromium on PATH before google-chrome, skipping files that are not executable', () => {
    file('bin-b', 'google-chrome', true);
    file('bin-c', 'chromium', false);
    const chromium = file('bin-d', 'chromium', true);
    const path = ['', join(root, 'bin-b'), join(root, 'bin-c'), join(root, 'bin-d')].join(delimiter);
    expect(chromiumOnPath(path)).toBe(chromium);
    expect(chromiumOnPath([join(root, 'bin-b'), join(root, 'bin-c')].join(delimiter))).toBe(join(root, 'bin-b', 'google-chrome'));
    expect(chromiumOnPath(join(root, 'bin-c'))).toBeUndefined();
    expect(chromiumOnPath(undefined)).toBeUndefined();
  });

  // The fallback a machine without any browser gets: it must really launch and render here.
  it('falls back to the chromium shipped in @sparticuz/chromium, which renders a page', async () => {
    const found = await findChromium({ PATH: join(root, 'empty') });
    expect(found.source).toBe('package');
    expect(found.path).toMatch(/node_modules\/\.cache\/lab-chromium\/[^/]+\/chromium$/);
    const browser = await launchChromium(found);
    try {
      const page = await browser.context.newPage();
      await page.setContent('<label for="email">Email</label><input id="email" value="jane.roe@example.com">');
      expect(await page.getByLabel('Email').inputValue()).toBe('jane.roe@example.com');
      expect(await page.evaluate<string>('navigator.userAgent')).toMatch(/HeadlessChrome\/\d+\./);
    } finally {
      await browser.close();
    }
  }, 120_000);

  it("names the package's own fonts for a machine without a system fontconfig", async () => {
    const { fontconfigFile } = await packagedChromium();
    const fontsDir = /<dir>([^<]+)<\/dir>/.exec(readFileSync(fontconfigFile, 'utf8'))?.[1];
    expect(fontsDir).toBeDefined();
    expect(readdirSync(fontsDir!, { recursive: true }).filter((name) => String(name).endsWith('.ttf')).length).toBeGreaterThan(0);
  });
});
