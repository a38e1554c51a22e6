import { expect, test } from '@playwright/test';
import type { FakeOpenAIOptions } from '../../lib/ai/testing/fake-openai-server';
import { waitForPhoenixSpans, type PhoenixSpan } from './phoenix-api';
import { startPhoenixApp, PHOENIX_SUITE_MODEL, type PhoenixApp } from './phoenix-app';
import { phoenixModelPrices, phoenixSession, phoenixTrace } from './phoenix-queries';
import { expectCostOfUsage, expectTokensEqualUsage, expectTraceCostIsSumOfLlms, expectTurnTree, gqlSpanOf } from './phoenix-checks';
import { openChat, openSpans, postTurn, realisticUsage, streamedText, userMessage } from './chat-turns';
import { CHAT_ROUTE, RUNTIMES } from '../support/chat-page';
import { traceIdOf } from '../support/spawn-next';

/**
 * Turns that fail, as Phoenix stores them: the turn and each model attempt ERROR with an `exception`
 * event naming the cause, no invented token counts or cost, the partial output kept; a retry that
 * succeeds costs only the attempt that answered.
 * CHAT_MODEL_MAX_RETRIES=1: a 500 is tried twice.
 */
let app: PhoenixApp;
test.beforeAll(async () => {
  app = await startPhoenixApp({
    upstream: { words: ['One', ' two', ' three', ' four', ' five.'], usage: realisticUsage },
    env: { CHAT_MODEL_MAX_RETRIES: '1', CHAT_STALL_TIMEOUT_MS: '1500' },
  });
});
test.afterAll(async () => {
  await app?.stop();
});

function expectErrorSpan(span: PhoenixSpan, message: RegExp): void {
  expect(span.status_code, span.name).toBe('ERROR');
  expect(span.attributes['stream.outcome'], span.name).toBe('error');
  const exception = span.events.find((e) => e.name === 'exception');
  expect(exception, `${span.name} has an exception event`).toBeDefined();
  expect(String(exception!.attributes['exception.message']), span.name).toMatch(message);
}

const FAILURES: { name: string; mode: FakeOpenAIOptions; attempts: number; message: RegExp; partial?: string }[] = [
  { name: 'upstream HTTP 500 (retried once)', mode: { failWithStatus: 500, errorMessage: 'The server had an error' }, attempts: 2, message: /The server had an error/ },
  { name: 'connection reset mid-stream', mode: { resetAfterChunks: 2 }, attempts: 1, message: /terminated|socket|reset|Failed to process/i, partial: 'One two' },
  { name: 'error event mid-stream', mode: { errorEventAfterChunks: 3, errorMessage: 'The model overloaded mid-answer' }, attempts: 1, message: /overloaded mid-answer/, partial: 'One two three' },
  { name: 'stall mid-stream', mode: { stallAfterChunks: 2 }, attempts: 1, message: /no data for 1500 ms/, partial: 'One two' },
];

for (const failure of FAILURES) {
  test(`${failure.name}: turn and every attempt ERROR with the exception, no tokens or cost invented${failure.partial ? ', partial output kept' : ''}`, async () => {
    app.upstream.configure({ ...failure.mode, usage: realisticUsage });
    const before = app.upstream.requests.length;
    const turn = await postTurn(app, `error-${Date.now()}`, [userMessage(`Trigger: ${failure.name}`)]);
    expect(turn.status).toBe(200); // the stream started; the error is a part of it
    expect(app.upstream.requests.length - before).toBe(failure.attempts);

    const spans = await waitForPhoenixSpans(app.project, turn.traceId, (s) => s.filter((x) => x.span_kind === 'LLM').length >= failure.attempts && s.some((x) => x.parent_id === null));
    const { root, llms } = expectTurnTree(spans);
    expect(llms).toHaveLength(failure.attempts);
    expectErrorSpan(root, failure.message);
    for (const llm of llms) {
      expectErrorSpan(llm, failure.message);
      // Unknown is not zero: the provider reported no usage, so there are no counts.
      expect(llm.attributes['llm.token_count.total'], `${llm.name} has no invented token count`).toBeUndefined();
    }
    if (failure.partial) {
      expect(streamedText(turn.body)).toBe(failure.partial);
      expect(llms[0]!.attributes['output.value'], 'the partial output is on the LLM span').toBe(failure.partial);
      expect(root.attributes['output.value'], 'the partial output is on the turn span').toBe(failure.partial);
    }
    const trace = (await phoenixTrace(app.project, turn.traceId))!;
    expect(trace.spans.edges.every((e) => e.node.statusCode === 'ERROR')).toBe(true);
    expect(trace.costSummary.total.cost ?? 0, 'a failed call costs nothing in Phoenix').toBe(0);
    await expect.poll(() => openSpans(app)).toBe(0);
  });
}

test('a 500 that succeeds on retry: two LLM spans (ERROR, then OK), the turn OK, tokens and cost only from the attempt that answered', async () => {
  app.upstream.configure({ failWithStatus: 500, failTimes: 1, usage: realisticUsage });
  const before = app.upstream.requests.length;
  const turn = await postTurn(app, `retry-${Date.now()}`, [userMessage('Retry me')]);
  expect(streamedText(turn.body)).toBe('One two three four five.');
  const requests = app.upstream.requests.slice(before);
  expect(requests).toHaveLength(2);
  expect(requests[0]!.usage).toBeUndefined();

  const spans = await waitForPhoenixSpans(app.project, turn.traceId, (s) => s.filter((x) => x.span_kind === 'LLM').length >= 2);
  const { root, llms } = expectTurnTree(spans);
  expect(root.status_code).toBe('OK');
  expect(llms.map((s) => s.status_code)).toEqual(['ERROR', 'OK']);
  expect(llms[0]!.attributes['llm.token_count.total']).toBeUndefined();
  const trace = (await phoenixTrace(app.project, turn.traceId))!;
  expectTokensEqualUsage(llms[1]!, gqlSpanOf(trace, llms[1]!.context.span_id), requests[1]!.usage!);
  const cost = expectCostOfUsage(gqlSpanOf(trace, llms[1]!.context.span_id), requests[1]!.usage!, await phoenixModelPrices(PHOENIX_SUITE_MODEL));
  expectTraceCostIsSumOfLlms(trace);
  expect(trace.costSummary.total.cost).toBeCloseTo(cost, 12);
});

test('an error in the browser: the banner shows, Phoenix has the ERROR turn, and its session counts a trace with error', async ({ page }) => {
  app.upstream.configure({ failWithStatus: 500, errorMessage: 'The server had an error' });
  await openChat(page, app);
  const sessionId = (await page.getByTestId('session-id').getAttribute('data-session-id'))!;
  const response = page.waitForResponse((r) => r.url().endsWith('/api/chat'));
  await page.getByTestId('chat-input').fill('This will fail');
  await page.getByTestId('send-button').click();
  await expect(page.getByTestId('error-message')).toContainText('The server had an error', { timeout: 30_000 });
  const traceId = /^00-([0-9a-f]{32})-/.exec((await response).headers()['traceresponse'] ?? '')![1]!;
  const { root } = expectTurnTree(await waitForPhoenixSpans(app.project, traceId, (s) => s.filter((x) => x.span_kind === 'LLM').length >= 2));
  expectErrorSpan(root, /The server had an error/);
  await expect.poll(async () => (await phoenixSession(app.project, sessionId))?.numTracesWithError).toBe(1);
});

for (const runtime of RUNTIMES) {
  test(`[${runtime}] the turn deadline passes while the client has stopped reading: both spans end as timeout (ERROR), none left open`, async () => {
    // A client that stays connected but reads no more (a frozen tab, a stuck proxy): the stream backs up.
    const slow = await startPhoenixApp({ project: app.project, upstream: { words: Array.from({ length: 3000 }, (_, i) => ` word${i} ${'x'.repeat(1000)}`), chunkDelayMs: 3 }, env: { CHAT_TURN_TIMEOUT_MS: '4000' } });
    try {
      const response = await fetch(`${slow.url}${CHAT_ROUTE[runtime]}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ id: `deadline-${runtime}-${Date.now()}`, messages: [userMessage('Stream a lot')] }),
      });
      const traceId = traceIdOf(response.headers.get('traceresponse') ?? undefined)!;
      await response.body!.getReader().read(); // one chunk, then nothing more is read
      const spans = await waitForPhoenixSpans(app.project, traceId, (s) => s.length >= 2, 25_000);
      const { root, llms } = expectTurnTree(spans);
      for (const span of [root, llms[0]!]) {
        expect(span.status_code, span.name).toBe('ERROR');
        expect(span.attributes['stream.outcome'], span.name).toBe('timeout');
      }
      // None left open in the app either (its diagnostics count; the edge sandbox keeps its own).
      if (runtime === 'nodejs') await expect.poll(() => openSpans(slow)).toBe(0);
    } finally {
      await slow.stop();
    }
  });
}
