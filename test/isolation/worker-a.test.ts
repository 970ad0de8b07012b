import { describe, it } from 'vitest';
import { hammerOwnSite } from './hammerOwnSite.js';

// One of three files vitest runs in parallel workers against the one server of globalSetup.ts.
describe('isolation worker a', () => {
  it('hammers its own site and never sees another site\'s data', () => hammerOwnSite('a'));
});
