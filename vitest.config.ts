import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

// Pact's core and better-sqlite3 are native: forks isolate them better than threads.
const shared = { pool: 'forks', testTimeout: 20_000, hookTimeout: 30_000 } as const;

// Pact's usage tracking prints a notice and calls out to the network on every run.
const pact = { env: { PACT_DO_NOT_TRACK: 'true' } } as const;

// Projects run in groups, lowest groupOrder first: the Pact consumer tests (which write the
// generated pacts under contracts/.generated) end before the provider verification (which compares
// them with the committed pact, then verifies the committed one) starts. Everything else runs
// beside the consumers.
const projects: TestProjectInlineConfiguration[] = [
  {
    test: {
      ...shared,
      name: 'lab',
      include: ['server/**/*.test.ts', 'connector/**/*.test.ts', 'test/**/*.test.ts'],
      exclude: ['node_modules/**', 'test/reliability/full/**'],
      // One loopback fake shared by the test files that inject('sharedFakeGigya') (test/isolation);
      // the browser tests' Chromium found (and unpacked if need be) once for all their files.
      globalSetup: ['test/isolation/globalSetup.ts', 'test/browser/globalSetup.ts'],
      sequence: { groupOrder: 0 },
    },
  },
  { test: { ...shared, ...pact, name: 'contracts-consumer', include: ['contracts/consumer/**/*.test.ts'], sequence: { groupOrder: 0 } } },
  // Each verification starts its own process (contracts/provider/verification.ts), which loads the fake first.
  { test: { ...shared, ...pact, name: 'contracts-provider', include: ['contracts/provider/**/*.test.ts'], testTimeout: 90_000, sequence: { groupOrder: 1 } } },
];

export default defineConfig({ test: { projects } });
