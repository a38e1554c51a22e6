import { defineConfig } from '@playwright/test';
import { chromiumProject } from './e2e/support/chromium-project';

/**
 * The real-Phoenix suite (`npm run test:phoenix`): the built app exports to the Arize Phoenix at
 * PHOENIX_TEST_URL, and the specs in e2e/phoenix/ ask Phoenix's own REST/GraphQL API what it stored.
 * Separate from playwright.config.ts, so `npm run test:e2e` never needs a Phoenix. Each spec starts
 * its own app(s) with e2e/phoenix/phoenix-app.ts; nothing is started here.
 */
export default defineConfig({
  testDir: './e2e/phoenix',
  testMatch: '**/*.spec.ts',
  globalSetup: './e2e/phoenix/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  // A failure in Phoenix's view is a real failure: no retries hide it.
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 20_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never', outputFolder: 'playwright-report-phoenix' }]],
  outputDir: 'test-results-phoenix',
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [chromiumProject],
});
