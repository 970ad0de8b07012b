import { defineConfig } from 'vitest/config';

// The inner loop: the fake's and the connector's own tests, in process only — no child
// processes, browsers, packing or Pact verifier. `npm test` runs these and everything else.
export default defineConfig({
  test: {
    name: 'unit',
    pool: 'forks',
    include: ['server/**/*.test.ts', 'connector/**/*.test.ts', 'test/architecture.test.ts'],
    exclude: ['node_modules/**', 'server/main.test.ts', 'connector/main.test.ts'],
    testTimeout: 20_000,
  },
});
