// Unpacks the packaged Chromium once, before the browser test files start side by side, when no
// other browser is found: otherwise each file would unpack its own copy at the same time.
import { findChromium } from './findChromium.js';

export default async function setup(): Promise<void> {
  // A wrong CHROMIUM_PATH is reported by the browser tests themselves, not by every test run.
  await findChromium().catch(() => undefined);
}
