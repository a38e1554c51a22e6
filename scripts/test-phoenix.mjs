#!/usr/bin/env node
// `npm run test:phoenix`: the real-Phoenix suite (playwright.phoenix.config.ts, specs in e2e/phoenix/).
// Needs a running Arize Phoenix at PHOENIX_TEST_URL; without it, says so in one line and exits 0, so
// `npm test` passes on machines without Phoenix. Reuses the `.next` build (`npm run test:e2e` makes
// one just before in `npm test`) when it is newer than the sources, else builds first (never tests a
// stale build). Extra arguments go to Playwright.
//
// PHOENIX_TEST_PENDING=<file> (set by .ci/run, which starts Phoenix in the background): wait until
// that file says `ready <url>` (then test against <url>) or `unavailable <reason>` (then skip).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { ensureBuild } from './ensure-build.mjs';

const SKIPPED = 'PHOENIX SUITE SKIPPED:';
const WAIT_MS = Number(process.env.PHOENIX_TEST_PENDING_TIMEOUT_MS ?? 15 * 60_000);

async function phoenixToTest() {
  const pending = process.env.PHOENIX_TEST_PENDING?.trim();
  if (pending && !process.env.PHOENIX_TEST_URL?.trim()) {
    const started = Date.now();
    let announced = false;
    while (!existsSync(pending)) {
      if (Date.now() - started > WAIT_MS) return { skip: `Phoenix was not ready after ${WAIT_MS / 60_000} minutes of preparation` };
      if (!announced) console.log('[phoenix] waiting for the Phoenix that .ci/run is preparing…');
      announced = true;
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
    const [state, ...rest] = readFileSync(pending, 'utf8').trim().split(' ');
    if (state !== 'ready') return { skip: `Phoenix could not be prepared on this machine (${rest.join(' ') || 'no reason given'})` };
    return { url: rest[0] };
  }
  const url = process.env.PHOENIX_TEST_URL?.trim();
  if (!url) return { skip: 'PHOENIX_TEST_URL is not set (start a Phoenix, e.g. `phoenix serve`, and set PHOENIX_TEST_URL=http://127.0.0.1:6006 to run it)' };
  return { url };
}

const target = await phoenixToTest();
if (target.skip) {
  console.log(`${SKIPPED} ${target.skip}`);
  process.exit(0);
}
const env = { ...process.env, PHOENIX_TEST_URL: target.url, NEXT_TELEMETRY_DISABLED: '1' };
const run = (args) => spawnSync(process.execPath, args, { stdio: 'inherit', env }).status ?? 1;

try {
  if (ensureBuild((line) => console.log(`[phoenix] ${line}`), env) === 'reused') console.log('[phoenix] reusing the .next build (newer than the sources)');
} catch (error) {
  console.error(`[phoenix] ${error.message}`);
  process.exit(1);
}
process.exit(run(['node_modules/@playwright/test/cli.js', 'test', '-c', 'playwright.phoenix.config.ts', ...process.argv.slice(2)]));
