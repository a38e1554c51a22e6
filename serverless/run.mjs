// `npm run test:serverless`: builds what the serverless harnesses run, then runs them.
// - Next's build: reused when `.next/standalone` exists (a `next build` with NEXT_PRIVATE_STANDALONE=true,
//   which is what OpenNext runs itself); otherwise built once here, standalone.
// - AWS: `open-next build` without a second next build, moved to `.open-next-aws/` (both adapters write `.open-next/`).
// - Cloudflare: `opennextjs-cloudflare build --skipNextBuild` into `.open-next/`.
// SERVERLESS_SKIP_BUILD=1 reuses all three outputs as they are (local iteration).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name) => path.join(root, 'node_modules/.bin', name);
const run = (label, command, args, env = {}) => {
  const started = Date.now();
  console.log(`==> ${label}`);
  execFileSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env } });
  console.log(`==> ${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
};

if (process.env.SERVERLESS_SKIP_BUILD !== '1') {
  if (!existsSync(path.join(root, '.next/standalone'))) {
    run('next build (standalone)', 'npm', ['run', 'build'], { NEXT_PRIVATE_STANDALONE: 'true' });
  }
  run('OpenNext build for AWS Lambda', bin('open-next'), ['build', '--config-path', 'serverless/aws/open-next.config.ts'], { SKIP_NEXT_BUILD: '1' });
  rmSync(path.join(root, '.open-next-aws'), { recursive: true, force: true });
  renameSync(path.join(root, '.open-next'), path.join(root, '.open-next-aws'));
  run('OpenNext build for Cloudflare Workers', bin('opennextjs-cloudflare'), [
    'build', '--skipNextBuild', '-c', 'serverless/cloudflare/wrangler.jsonc', '--openNextConfigPath', 'serverless/cloudflare/open-next.config.ts',
  ]);
}
// The Phoenix checks (serverless/phoenix.spec.ts) also run against the Phoenix .ci/run prepared, once
// its PHOENIX_TEST_PENDING file says `ready <url>` (the Phoenix suite before this one waited for it).
const phoenixEnv = {};
const pending = process.env.PHOENIX_TEST_PENDING?.trim();
if (!process.env.PHOENIX_TEST_URL && pending && existsSync(pending)) {
  const [state, url] = readFileSync(pending, 'utf8').trim().split(' ');
  if (state === 'ready' && url) phoenixEnv.PHOENIX_TEST_URL = url;
}
run('serverless tests', bin('playwright'), ['test', '-c', 'serverless/playwright.config.ts', ...process.argv.slice(2)], phoenixEnv);
