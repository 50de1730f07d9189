import { defineConfig } from 'vitest/config';

// Playwright specs live in test/e2e and are kept out of vitest's globs.
export default defineConfig({
  test: {
    // vitest's default is one worker fewer than the cores: on CI's two cores that is one, and
    // half the run's time went to loading modules one file after another. Two workers use
    // both cores; the longer unit timeout keeps a heavy unit file from failing only because
    // it shared the machine with an integration test (there are no timed assertions).
    maxWorkers: 2,
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node', testTimeout: 30_000 } },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
