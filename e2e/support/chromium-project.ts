/**
 * The browser of both Playwright suites (e2e and the real-Phoenix one): desktop Chrome, Debian's
 * Chromium where present (no browser download on such machines), otherwise Playwright's own browser,
 * installed with `npx playwright install chromium`.
 */
import { existsSync } from 'node:fs';
import { devices, type Project } from '@playwright/test';

const systemChromium = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export const chromiumProject: Project = {
  name: 'chromium',
  use: {
    ...devices['Desktop Chrome'],
    launchOptions: {
      executablePath: systemChromium,
      args: ['--disable-gpu', '--no-first-run', '--disable-background-networking', '--no-sandbox'],
    },
  },
};
