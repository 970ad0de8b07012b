import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Pact's core and better-sqlite3 are native: forks isolate them better than threads.
    pool: 'forks',
    include: ['server/**/*.test.ts', 'connector/**/*.test.ts', 'test/**/*.test.ts', 'contracts/**/*.test.ts'],
    exclude: ['node_modules/**', 'test/reliability/full/**'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
