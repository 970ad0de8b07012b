import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Pact's core and better-sqlite3 are native: forks isolate them better than threads.
    pool: 'forks',
    include: ['server/**/*.test.ts', 'connector/**/*.test.ts', 'test/**/*.test.ts', 'contracts/**/*.test.ts'],
    exclude: ['node_modules/**', 'test/reliability/full/**'],
    // One loopback fake shared by the test files that inject('sharedFakeGigya') (test/isolation).
    globalSetup: ['test/isolation/globalSetup.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
