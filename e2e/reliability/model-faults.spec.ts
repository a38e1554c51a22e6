import { expect, test } from '@playwright/test';
import { startFakeOpenAI, type FakeOpenAI, type FakeOpenAIOptions } from '../../lib/ai/testing/fake-openai-server';
import { E2E, appEnv } from '../../playwright.config';
import { ChatPage } from '../support/chat-page';
import { spawnNext, traceIdOf } from '../support/spawn-next';
import { waitForTurnSpans } from '../support/turn-spans';

/**
 * Model faults through the real OpenAI provider against a fake upstream that misbehaves on request:
 * 401, 429, 500, a connection reset mid-stream, a stall past CHAT_STALL_TIMEOUT_MS. Each shows a
 * readable message in the UI's error banner, ends the turn span and one LLM span per upstream attempt
 * with ERROR + an `exception` event, and leaves no span open on the server.
 * Retries are explicit: CHAT_MODEL_MAX_RETRIES=1, so 429 and 500 are tried twice, 401 once.
 */
const PORT = Number(new URL(E2E.appUrl).port) + 12;
const APP = `http://127.0.0.1:${PORT}`;
const STALL_MS = 1500;

const CASES: { name: string; mode: FakeOpenAIOptions; attempts: number; banner: RegExp; exception: RegExp }[] = [
  { name: 'upstream 401', mode: { failWithStatus: 401, errorMessage: 'Incorrect API key provided.' }, attempts: 1, banner: /HTTP 401.*Incorrect API key/, exception: /Incorrect API key/ },
  { name: 'upstream 429', mode: { failWithStatus: 429, errorMessage: 'Rate limit reached.' }, attempts: 2, banner: /Rate limit reached/, exception: /Rate limit reached/ },
  { name: 'upstream 500', mode: { failWithStatus: 500 }, attempts: 2, banner: /fake upstream error 500/, exception: /fake upstream error 500/ },
  { name: 'connection reset mid-stream', mode: { resetAfterChunks: 2 }, attempts: 1, banner: /connection to the model provider was lost/, exception: /Failed to process successful response|terminated|socket|reset/i },
  { name: 'stall mid-stream', mode: { stallAfterChunks: 2 }, attempts: 1, banner: /stopped responding \(the model sent no data for 1500 ms\)/, exception: /no data for 1500 ms/ },
];

let upstream: FakeOpenAI;
let server: Awaited<ReturnType<typeof spawnNext>>;
test.beforeAll(async () => {
  upstream = await startFakeOpenAI({ words: ['One', ' two', ' three', ' four', ' five.'] });
  server = await spawnNext(
    'start',
    PORT,
    appEnv({
      OTEL_BSP_SCHEDULE_DELAY: '100',
      OPENAI_API_KEY: 'sk-fake-model-faults',
      OPENAI_BASE_URL: upstream.baseURL,
      CHAT_STALL_TIMEOUT_MS: String(STALL_MS),
      CHAT_MODEL_MAX_RETRIES: '1',
      TRACE_DIAGNOSTICS: '1',
    }),
  );
});
test.afterAll(async () => {
  server?.kill('SIGKILL');
  await upstream?.close();
});

for (const c of CASES) {
  test(`${c.name}: readable error in the UI, ERROR + exception on the turn and every attempt, no span left open`, async ({ page }) => {
    test.setTimeout(45_000);
    upstream.configure(c.mode);
    const before = upstream.requests.length;
    const chat = new ChatPage(page);
    await page.goto(APP);
    await expect(page.getByTestId('chat')).toHaveAttribute('data-hydrated', 'true');
    const responsePromise = page.waitForResponse((r) => r.url().endsWith('/api/chat'));
    await chat.send(`Trigger the ${c.name}`);
    await expect(page.getByTestId('error-message')).toHaveText(c.banner, { timeout: 20_000 });
    await expect(page.getByTestId('error-message')).not.toHaveText(/\n\s+at |sk-fake/);
    const traceId = traceIdOf((await responsePromise).headers()['traceresponse'])!;
    expect(upstream.requests.length - before, 'upstream requests (retries are explicit)').toBe(c.attempts);

    const { chain, all } = await waitForTurnSpans(traceId, 15_000, c.attempts);
    const llms = all.filter((s) => s.attributes['openinference.span.kind'] === 'LLM');
    for (const span of [chain, ...llms]) {
      expect(span.status.code, span.name).toBe(2);
      expect(span.attributes['stream.outcome'], span.name).toBe('error');
      const exception = span.events.find((e) => e.name === 'exception');
      expect(String(exception?.attributes['exception.message']), span.name).toMatch(c.exception);
      expect(span.endTimeUnixNano).toBeGreaterThan(span.startTimeUnixNano);
    }
    if (c.mode.stallAfterChunks) {
      // Cut off after the stall timeout, with what had streamed so far.
      expect(String(llms[0]!.attributes['output.value'])).toBe('One two');
      const ms = Number((chain.endTimeUnixNano - chain.startTimeUnixNano) / 1_000_000n);
      expect(ms).toBeGreaterThanOrEqual(STALL_MS - 50);
      expect(ms).toBeLessThan(STALL_MS + 5_000);
    }
    await expect.poll(async () => ((await (await fetch(`${APP}/api/diagnostics`)).json()) as { openSpans: number }).openSpans).toBe(0);
  });
}

test('after the faults, a healthy upstream answers normally', async ({ request }) => {
  upstream.configure({});
  const response = await request.post(`${APP}/api/chat`, { data: { id: 'after-faults', messages: [{ id: 'u1', role: 'user', parts: [{ type: 'text', text: 'Hi again' }] }] } });
  expect(response.status()).toBe(200);
  expect(await response.text()).toContain('five.');
  const { chain } = await waitForTurnSpans(traceIdOf(response.headers()['traceresponse'])!);
  expect(chain.attributes['stream.outcome']).toBe('completed');
});
