// The browser of last resort: the Chromium that the @sparticuz/chromium package ships inside its
// npm tarball (brotli-packed chrome-headless-shell), so a machine with no browser installed still
// runs the browser tests without downloading anything. It needs only libc, libnss3, libnspr4 and
// libexpat from the system (see docs/browser.md).
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const packageName = '@sparticuz/chromium';
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const cacheRoot = join(repoRoot, 'node_modules', '.cache', 'lab-chromium');

// The package's exports hide its package.json from require.resolve; npm installs it at the root.
function packageVersion(): string {
  const manifest = join(repoRoot, 'node_modules', packageName, 'package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

// The package unpacks into os.tmpdir() under fixed names and trusts whatever it finds there. A
// child process with its own TMPDIR unpacks into a private folder instead, which becomes the cache
// only once complete: an interrupted run or a parallel one never leaves a half-written browser.
const unpackScript = `const { default: chromium } = await import(${JSON.stringify(packageName)}); process.stdout.write(await chromium.executablePath());`;

export interface PackagedChromium {
  path: string;
  /** A fontconfig file naming only the package's own fonts, for a machine without /etc/fonts. */
  fontconfigFile: string;
}

// The package's own fonts.conf names Lambda's folders; this one names where the fonts are here.
const fontconfig = (fontsDir: string) => `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><dir>${fontsDir}</dir><cachedir>${fontsDir}-cache</cachedir></fontconfig>
`;

/** The package's chromium, unpacked once per package version under node_modules/.cache. */
export async function packagedChromium(): Promise<PackagedChromium> {
  const dir = join(cacheRoot, packageVersion());
  const found = { path: join(dir, 'chromium'), fontconfigFile: join(dir, 'lab-fonts.conf') };
  if (existsSync(found.fontconfigFile)) {
    // The file names the fonts by absolute path: a cache reached through another path (a clone
    // sharing node_modules, a moved checkout) gets it rewritten for where it is now.
    const wanted = fontconfig(join(dir, 'fonts', 'fonts'));
    if (readFileSync(found.fontconfigFile, 'utf8') !== wanted) writeFileSync(found.fontconfigFile, wanted);
    return found;
  }
  mkdirSync(cacheRoot, { recursive: true });
  const staging = mkdtempSync(join(cacheRoot, '.unpacking-'));
  try {
    await promisify(execFile)(process.execPath, ['--input-type=module', '--eval', unpackScript], {
      cwd: repoRoot,
      env: { ...process.env, TMPDIR: staging },
      timeout: 120_000,
    });
    if (!existsSync(join(staging, 'chromium'))) throw new Error(`${packageName} did not unpack a chromium binary into ${staging}`);
    // Written last: its presence marks a complete unpack.
    writeFileSync(join(staging, 'lab-fonts.conf'), fontconfig(join(dir, 'fonts', 'fonts')));
    // A folder without the marker is a leftover no run completes any more.
    if (!existsSync(found.fontconfigFile)) rmSync(dir, { recursive: true, force: true });
    try {
      renameSync(staging, dir);
    } catch (error) {
      // Another run finished first: its complete copy is as good as ours.
      if (!existsSync(found.fontconfigFile)) throw error;
    }
    return found;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
