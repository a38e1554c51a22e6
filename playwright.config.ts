import { defineConfig } from '@playwright/test';
import { chromiumProject } from './e2e/support/chromium-project';

/**
 * E2E: Playwright drives the real UI against `next build && next start` (offline model) and asserts
 * the spans that really arrive at our OTLP receiver, which accepts what Phoenix accepts (protobuf at
 * /v1/traces, Bearer key). The app exports to it the way a Phoenix user configures it.
 */
const APP_PORT = Number(process.env.E2E_APP_PORT ?? 3100);
const RECEIVER_PORT = Number(process.env.E2E_RECEIVER_PORT ?? 4319);
export const E2E = {
  appUrl: `http://127.0.0.1:${APP_PORT}`,
  /** The same build with a 60 s batch delay: only the per-turn flush can deliver its spans quickly. */
  slowBatchAppUrl: `http://127.0.0.1:${APP_PORT + 1}`,
  receiverUrl: `http://127.0.0.1:${RECEIVER_PORT}`,
  apiKey: 'e2e-phoenix-key',
  /** The trace inspector is on (reading the receiver) behind this token, as in a deploy that enables it. */
  inspectorToken: 'e2e-inspector-token-0123456789',
  /** Shared by both app servers, so a feedback token verifies on either (as across serverless instances). */
  feedbackSigningKey: 'e2e-feedback-signing-key-0123456789abcdef',
  projectName: 'traced-chat-e2e',
};

export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  // The real-Phoenix suite has its own config (playwright.phoenix.config.ts, npm run test:phoenix).
  testIgnore: `${__dirname}/e2e/phoenix/**`,
  globalSetup: './e2e/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: E2E.appUrl,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [chromiumProject],
  webServer: [
    // E2E_SKIP_BUILD=1 reuses the existing .next build (local iteration only; CI always builds).
    // Standalone output as well (what OpenNext needs), so `npm run test:serverless` reuses this build.
    appServer(`${process.env.E2E_SKIP_BUILD === '1' ? '' : 'NEXT_PRIVATE_STANDALONE=true npm run build && '}npx next start --hostname 127.0.0.1 --port ${APP_PORT}`, E2E.appUrl, 480_000, '200'),
    // Started after the first server is up, so the build exists.
    // Per-turn flush forced on: off is the default of `next start` on a long-running server.
    appServer(`npx next start --hostname 127.0.0.1 --port ${APP_PORT + 1}`, E2E.slowBatchAppUrl, 60_000, '60000', { TRACE_FLUSH_AFTER_TURN: '1' }),
  ],
});

function appServer(command: string, url: string, timeout: number, batchDelayMs: string, extra: Record<string, string> = {}) {
  return {
    command,
    url: `${url}/`,
    timeout,
    reuseExistingServer: false,
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
    env: appEnv({ OTEL_BSP_SCHEDULE_DELAY: batchDelayMs, ...extra }),
  };
}

/** The app exports to the receiver the way a Phoenix user configures it; no key, so the offline model. */
export function appEnv(extra: Record<string, string>): Record<string, string> {
  return {
    PHOENIX_COLLECTOR_ENDPOINT: E2E.receiverUrl,
    PHOENIX_API_KEY: E2E.apiKey,
    PHOENIX_PROJECT_NAME: E2E.projectName,
    OFFLINE_MODEL_DELAY_MS: '0',
    OPENAI_API_KEY: '',
    OTEL_EXPORTER_OTLP_ENDPOINT: '',
    OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: '',
    NEXT_TELEMETRY_DISABLED: '1',
    TRACE_INSPECTOR: '1', TRACE_INSPECTOR_TOKEN: E2E.inspectorToken, TRACE_INSPECTOR_URL: E2E.receiverUrl,
    FEEDBACK_SIGNING_KEY: E2E.feedbackSigningKey,
    ...extra,
  };
}
