import { defineConfig } from '@playwright/test';

/**
 * `npm run test:serverless`: the app as the serverless adapters build it (OpenNext for AWS Lambda and
 * Cloudflare Workers) and Next's own build under a Vercel-style request context, each run in a local
 * harness that freezes or disposes the function the moment the platform would; spans are checked at
 * the receiver at that moment. No browser: turns go through HTTP (or the Lambda event).
 */
const RECEIVER_PORT = Number(process.env.SERVERLESS_RECEIVER_PORT ?? 4578);
export const SERVERLESS = {
  receiverUrl: `http://127.0.0.1:${RECEIVER_PORT}`,
  apiKey: 'serverless-phoenix-key',
  /** First of the ports the harnesses use: basePort+0..+1 and +10..+11 and +20..+21 workerd (app, inspector), +30 settle reports, +40 Next. */
  basePort: Number(process.env.SERVERLESS_APP_PORT ?? 4010),
};

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  globalSetup: './global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 120_000,
  reporter: [['list']],
});
