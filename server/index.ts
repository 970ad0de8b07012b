// The package's `server` entry: embed the fake Gigya in another project's tests.
export { createFakeGigya, type FakeGigyaOptions } from './app.js';
export { startFakeGigya, type RunningFakeGigya, type StartOptions } from './embedded.js';
export { openStore, Store } from './store/index.js';
export { loadSeed } from './seed/loadSeed.js';
export { AdminClient, AdminRequestError } from './admin/client.js';
export { FaultRegistry } from './faults/registry.js';
