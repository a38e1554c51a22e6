#!/usr/bin/env node
// `npm run test:phoenix`: the real-Phoenix suite (playwright.phoenix.config.ts, specs in e2e/phoenix/).
// Needs a running Arize Phoenix at PHOENIX_TEST_URL; without it, says so in one line and exits 0, so
// `npm test` passes on machines without Phoenix. Reuses the `.next` build (`npm run test:e2e` makes
// one just before in `npm test`) and builds only if there is none. Extra arguments go to Playwright.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const url = process.env.PHOENIX_TEST_URL?.trim();
if (!url) {
  console.log('PHOENIX SUITE SKIPPED: PHOENIX_TEST_URL is not set (start a Phoenix, e.g. `phoenix serve`, and set PHOENIX_TEST_URL=http://127.0.0.1:6006 to run it)');
  process.exit(0);
}

const run = (args) => spawnSync(process.execPath, args, { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } }).status ?? 1;

if (existsSync('.next/BUILD_ID')) {
  console.log(`[phoenix] reusing the .next build of ${statSync('.next/BUILD_ID').mtime.toISOString()}`);
} else {
  console.log('[phoenix] no .next build: building');
  const status = run(['node_modules/next/dist/bin/next', 'build']);
  if (status !== 0) process.exit(status);
}
process.exit(run(['node_modules/@playwright/test/cli.js', 'test', '-c', 'playwright.phoenix.config.ts', ...process.argv.slice(2)]));
