import { defineConfig } from 'vitest/config';

// Playwright specs live in test/e2e and are kept out of vitest's globs.
// replaces Electron's module with vi.mock: it needs a module graph of its own
const MOCKING = 'test/integration/packaging/electronMain.test.ts';

export default defineConfig({
  test: {
    // vitest's default is one worker fewer than the cores: on CI's two cores that is one, and
    // half the run's time went to loading modules one file after another. Two workers use
    // both cores; the longer unit timeout keeps a heavy unit file from failing only because
    // it shared the machine with an integration test (there are no timed assertions).
    maxWorkers: 2,
    // Files share their worker's loaded modules (no fresh module graph per file): loading the
    // app's modules again for each of ~170 files was ~190 s of a CI run's CPU. The tests keep
    // no state between files (each opens its own database in its own folder); the one file that
    // replaces a module with vi.mock runs in a project of its own, isolated.
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node', testTimeout: 30_000, isolate: false } },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          exclude: [MOCKING],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          isolate: false,
        },
      },
      { test: { name: 'integration-isolated', include: [MOCKING], environment: 'node', testTimeout: 60_000, hookTimeout: 120_000 } },
    ],
  },
});
