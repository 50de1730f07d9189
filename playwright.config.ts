import { defineConfig } from '@playwright/test';

// Debian's Chromium, never a downloaded browser (STACK.md); each spec file starts its own
// browser-mode server on a fresh database (test/e2e/fixtures.ts).
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/e2e',
  timeout: 60_000,
  fullyParallel: false,
  workers: 2,
  retries: 0,
  // a test.only left in a spec would silently skip the rest on CI
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  // the visual set (test/e2e/visual) compares screenshots with baselines committed next to
  // it; `npm run test:visual:update` rewrites them. No platform in the name: one Chromium.
  snapshotPathTemplate: '{testDir}/{testFileDir}/baselines/{arg}{ext}',
  expect: {
    timeout: 10_000,
    toHaveScreenshot: { maxDiffPixels: 100, animations: 'disabled', caret: 'hide', scale: 'css', stylePath: 'test/e2e/visual/fixedFonts.css' },
  },
  projects: [
    { name: 'e2e', testIgnore: 'visual/**' },
    { name: 'visual', testMatch: 'visual/**/*.spec.ts' },
  ],
  use: {
    viewport: { width: 1366, height: 820 },
    locale: 'it-IT',
    timezoneId: 'Europe/Rome',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.BOTTEGA_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
