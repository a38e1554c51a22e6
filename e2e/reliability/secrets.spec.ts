import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startFakeOpenAI, type FakeOpenAI } from '../../lib/ai/testing/fake-openai-server';
import { E2E, appEnv } from '../../playwright.config';
import { startRawCapture, type RawCapture } from '../support/raw-otlp-capture';
import { postChat } from '../support/read-chat-stream';
import { startNextCollecting } from '../support/spawn-next';

/**
 * A distinct, recognizable fake secret planted in every variable that holds one never appears in the
 * exported span bytes, the server's stdout and stderr, what clients receive, or the client bundle
 * (`.next/static`) — not even when the upstream's 401 error message echoes the `Authorization` header
 * it was sent and every other secret besides.
 */
const PORT = Number(new URL(E2E.appUrl).port) + 18;
const OPENAI_KEY = 'sk-test-PLANTED-openai-7f3a9c1d';
const PHOENIX_KEY = 'phx-PLANTED-phoenix-2b8d41e6';
/** Variable → its planted value (header lists hold their value inside `name=value`). */
const PLANTED: Record<string, string> = {
  ANTHROPIC_API_KEY: 'PLANTED-anthropic-91c2e7aa',
  GOOGLE_GENERATIVE_AI_API_KEY: 'PLANTED-google-5d0e3b19',
  RECEIVER_API_KEY: 'PLANTED-receiver-c4a81f60',
  TRACE_INSPECTOR_TOKEN: 'PLANTED-inspector-token-e83b2d07',
  FEEDBACK_SIGNING_KEY: 'PLANTED-feedback-signing-key-0a9f7c35b6e2',
  OTEL_EXPORTER_OTLP_HEADERS: 'PLANTED-otlp-header-3e6f08d4',
  OTEL_EXPORTER_OTLP_TRACES_HEADERS: 'PLANTED-otlp-traces-header-7b21c9e5',
  PHOENIX_CLIENT_HEADERS: 'PLANTED-phoenix-client-header-58d4a0f1',
};
const HEADER_LISTS = new Set(['OTEL_EXPORTER_OTLP_HEADERS', 'OTEL_EXPORTER_OTLP_TRACES_HEADERS', 'PHOENIX_CLIENT_HEADERS']);
const plantedEnv = Object.fromEntries(Object.entries(PLANTED).map(([name, value]) => [name, HEADER_LISTS.has(name) ? `x-planted-${name.length}=${value}` : value]));

let upstream: FakeOpenAI;
let capture: RawCapture;
test.beforeAll(async () => {
  upstream = await startFakeOpenAI({ words: ['All', ' good', ' here.'] });
  capture = await startRawCapture();
});
test.afterAll(async () => {
  await upstream.close();
  await capture.close();
});

function staticFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? staticFiles(path) : [path];
  });
}

test('API keys and Authorization values stay out of exported spans, logs, responses and the client bundle', async ({ request }) => {
  test.setTimeout(60_000);
  const { server, output } = await startNextCollecting(
    PORT,
    appEnv({
      OTEL_BSP_SCHEDULE_DELAY: '100',
      PHOENIX_COLLECTOR_ENDPOINT: capture.url,
      PHOENIX_API_KEY: PHOENIX_KEY,
      OPENAI_API_KEY: OPENAI_KEY,
      OPENAI_BASE_URL: upstream.baseURL,
      CHAT_MODEL_MAX_RETRIES: '0',
      OTEL_LOG_LEVEL: 'debug',
      ...plantedEnv,
    }),
  );
  const app = `http://127.0.0.1:${PORT}`;
  const clientSaw: string[] = [];
  try {
    const ok = await postChat(`${app}/api/chat`, 'secrets-ok', `Tell me something ${OPENAI_KEY.slice(0, 4)}`);
    expect(ok.text).toBe('All good here.');
    clientSaw.push(JSON.stringify(ok));

    // An upstream that echoes the credentials it got, as some providers' 401 bodies do.
    upstream.configure({
      failWithStatus: 401,
      errorMessage: (req) => `Incorrect API key provided: ${req.headers.authorization}; also saw ${[PHOENIX_KEY, ...Object.values(PLANTED)].join(' ')}`,
    });
    const failed = await postChat(`${app}/api/chat`, 'secrets-401', 'This will fail');
    expect(failed.error).toMatch(/HTTP 401.*Incorrect API key provided: Bearer \[REDACTED\]/);
    clientSaw.push(JSON.stringify(failed));
    const bad = await request.post(`${app}/api/chat`, { data: { id: 'x y', messages: [] } });
    clientSaw.push(await bad.text());
    // Error bodies of the other routes: a refused feedback, a denied inspector, a bad inspector token.
    const feedback = await request.post(`${app}/api/feedback`, { data: { traceId: 'a'.repeat(32), spanId: 'b'.repeat(16), rating: 'up', token: 'v1.1.x' } });
    clientSaw.push(await feedback.text());
    const inspector = await request.post(`${app}/traces`, { form: { token: 'not-the-token-at-all' }, maxRedirects: 0 });
    expect(inspector.status()).toBe(401);
    clientSaw.push(await inspector.text(), JSON.stringify(inspector.headers()));

    // The keys were really in use (this is not a vacuous pass).
    expect(upstream.requests.map((r) => r.headers.authorization)).toContain(`Bearer ${OPENAI_KEY}`);
    await expect.poll(() => capture.spans().filter((s) => s.attributes['openinference.span.kind'] === 'AGENT').length).toBe(2);
    await expect.poll(() => capture.bytes().includes('Incorrect API key provided')).toBe(true);
    await expect.poll(() => capture.bytes().includes('also saw [REDACTED]')).toBe(true);
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => (server.exitCode !== null ? resolve(null) : server.once('exit', resolve)));
  }

  const secrets = [OPENAI_KEY, PHOENIX_KEY, E2E.apiKey, ...Object.values(PLANTED)];
  const places: [string, string][] = [
    ['exported span bytes', capture.bytes().toString('latin1')],
    ['server stdout', output.stdout.join('')],
    ['server stderr', output.stderr.join('')],
    ['client responses', clientSaw.join('\n')],
  ];
  for (const [where, text] of places) {
    for (const secret of secrets) expect(text.includes(secret), `${secret} in ${where}`).toBe(false);
    expect(text, `an Authorization value in ${where}`).not.toMatch(/Bearer (?!\[REDACTED\])[A-Za-z0-9._~+/-]{6,}/);
  }

  // The client bundle: built with playwright.config's appEnv (the E2E Phoenix key, inspector token and
  // feedback signing key) in its environment; no secret value and no secret variable's name is in it.
  const files = staticFiles('.next/static');
  expect(files.length).toBeGreaterThan(0);
  const buildSecrets = [...secrets, E2E.inspectorToken, E2E.feedbackSigningKey];
  const names = new RegExp(`${['OPENAI_API_KEY', 'PHOENIX_API_KEY', ...Object.keys(PLANTED)].join('|')}|\\bsk-[A-Za-z0-9_-]{16,}`);
  for (const file of files) {
    const text = readFileSync(file, 'latin1');
    for (const secret of buildSecrets) expect(text.includes(secret), `${secret} in ${file}`).toBe(false);
    expect(text, file).not.toMatch(names);
  }
});
