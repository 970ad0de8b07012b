// Which Chromium the browser tests drive: the one CHROMIUM_PATH names, else the first on PATH,
// else the one shipped inside the @sparticuz/chromium package. No browser download in any case.
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { packagedChromium } from './packagedChromium.js';

export type ChromiumSource = 'CHROMIUM_PATH' | 'PATH' | 'package';

export interface FoundChromium {
  path: string;
  source: ChromiumSource;
  /** Variables the browser needs beside the test process's own. */
  env?: Record<string, string>;
}

const systemFontconfig = '/etc/fonts/fonts.conf';

/** The names Chromium and Chrome go by on Linux distributions, most specific first. */
export const chromiumNames = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'] as const;

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The first of `chromiumNames` found as an executable file in the PATH's folders. */
export function chromiumOnPath(pathVariable: string | undefined): string | undefined {
  const dirs = (pathVariable ?? '').split(delimiter).filter((dir) => dir !== '');
  for (const name of chromiumNames) {
    for (const dir of dirs) {
      const candidate = join(dir, name);
      if (isExecutableFile(candidate)) return candidate;
    }
  }
  return undefined;
}

/**
 * Finds a Chromium for playwright-core. A CHROMIUM_PATH that is not an executable file is an
 * error, not a reason to fall back silently to another browser.
 */
export async function findChromium(env: NodeJS.ProcessEnv = process.env): Promise<FoundChromium> {
  const named = env.CHROMIUM_PATH;
  if (named !== undefined && named !== '') {
    if (!isExecutableFile(named)) throw new Error(`CHROMIUM_PATH=${named} is not an executable file: point it at a Chromium or Chrome binary, or unset it`);
    return { path: named, source: 'CHROMIUM_PATH' };
  }
  const onPath = chromiumOnPath(env.PATH);
  if (onPath) return { path: onPath, source: 'PATH' };
  const packaged = await packagedChromium();
  // Without a system fontconfig the page renders with no glyphs at all: give it the package's fonts.
  if (existsSync(systemFontconfig)) return { path: packaged.path, source: 'package' };
  return { path: packaged.path, source: 'package', env: { FONTCONFIG_FILE: packaged.fontconfigFile } };
}
