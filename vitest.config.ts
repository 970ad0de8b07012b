import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

// Pact's core and better-sqlite3 are native: forks isolate them better than threads.
const shared = { pool: 'forks', testTimeout: 20_000, hookTimeout: 30_000 } as const;

// Projects run in groups, lowest groupOrder first: the Pact consumer tests (which regenerate the
// pacts) end before the provider verification (which checks them for drift, then verifies them)
// starts. Everything else runs beside the consumers.
const projects: TestProjectInlineConfiguration[] = [
  {
    test: {
      ...shared,
      name: 'lab',
      include: ['server/**/*.test.ts', 'connector/**/*.test.ts', 'test/**/*.test.ts'],
      exclude: ['node_modules/**', 'test/reliability/full/**'],
      // One loopback fake shared by the test files that inject('sharedFakeGigya') (test/isolation).
      globalSetup: ['test/isolation/globalSetup.ts'],
      sequence: { groupOrder: 0 },
    },
  },
  { test: { ...shared, name: 'contracts-consumer', include: ['contracts/consumer/**/*.test.ts'], sequence: { groupOrder: 0 } } },
  { test: { ...shared, name: 'contracts-provider', include: ['contracts/provider/**/*.test.ts'], sequence: { groupOrder: 1 } } },
];

export default defineConfig({ test: { projects } });
