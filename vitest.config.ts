// Two projects: fast unit/integration tests, and browser journeys that drive Chromium.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          // One throwaway PostgreSQL cluster for the run: the storage and HTTP suites run on both engines.
          globalSetup: ['server/test/support/postgres-setup.ts'],
          include: ['server/test/**/*.test.ts', 'protocol/**/*.test.ts', 'client/src/**/*.test.ts', 'assets/src/**/*.test.ts'],
          // Client code's words come from the message files: English, as on an English browser.
          setupFiles: ['client/src/i18n/test-setup.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        // The HTTP integration suites, the hostile access matrix and the bad-input properties again, on PostgreSQL
        // (the storage suites run on both engines in the unit project).
        test: {
          name: 'postgres',
          globalSetup: ['server/test/support/postgres-setup.ts'],
          include: ['server/test/http/**/*.test.ts', 'server/test/faults/access-matrix.test.ts', 'server/test/faults/bad-input.test.ts'],
          env: { SIGHTLINE_TEST_ENGINE: 'postgres' },
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
