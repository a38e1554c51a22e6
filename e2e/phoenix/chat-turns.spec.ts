import { expect, test } from '@playwright/test';
import { RUNTIMES } from '../support/chat-page';
import { waitForPhoenixSpans } from './phoenix-api';
import { startPhoenixApp, PHOENIX_SUITE_MODEL, type PhoenixApp } from './phoenix-app';
import { phoenixModelPrices, phoenixProject, phoenixTrace, type TokenPrice } from './phoenix-queries';
import { expectCostOfUsage, expectNoOrphansInProject, expectTokensEqualUsage, expectTraceCostIsSumOfLlms, expectTurnTree, gqlSpanOf } from './phoenix-checks';
import { openChat, openSpans, postTurn, realisticUsage, streamedText, userMessage } from './chat-turns';

/**
 * Plain chat turns, over HTTP on both runtimes and typed in the browser, as Phoenix stores them: one
 * root per turn (the AGENT turn span) with its LLM child, the text the user saw as output, tokens equal
 * to what the provider reported, a cost from Phoenix's price table, the trace's cost the sum of its
 * LLM spans', and the project's totals the sum of its traces.
 */
let app: PhoenixApp;
let prices: TokenPrice[];
const turns: { traceId: string; cost: number }[] = [];

test.beforeAll(async () => {
  app = await startPhoenixApp({ upstream: { words: ['Traces', ' are', ' stored', ' in', ' Phoenix.'], usage: realisticUsage } });
  prices = await phoenixModelPrices(PHOENIX_SUITE_MODEL);
});
test.afterAll(async () => {
  await app?.stop();
});

for (const runtime of RUNTIMES) {
  test(`[${runtime}] an HTTP turn: one AGENT root with one LLM child, output, tokens = provider usage, cost from the price table`, async () => {
    const before = app.upstream.requests.length;
    const turn = await postTurn(app, `http-${runtime}-${Date.now()}`, [userMessage(`What does Phoenix store? (${runtime})`)], runtime);
    expect(turn.status).toBe(200);
    expect(streamedText(turn.body)).toBe('Traces are stored in Phoenix.');
    const usage = app.upstream.requests[before]!.usage!;
    expect(app.upstream.requests).toHaveLength(before + 1);

    const spans = await waitForPhoenixSpans(app.project, turn.traceId, (s) => s.length >= 2);
    const { root, llms, all } = expectTurnTree(spans);
    expect(all).toHaveLength(2);
    expect(root.context.span_id).toBe(turn.spanId);
    expect(root.status_code).toBe('OK');
    expect(root.attributes).toMatchObject({ 'input.value': `What does Phoenix store? (${runtime})`, 'output.value': 'Traces are stored in Phoenix.', 'stream.outcome': 'completed' });
    expect(root.attributes['llm.token_count.total'], 'tokens live only on LLM spans').toBeUndefined();
    const llm = llms[0]!;
    expect(llm.parent_id).toBe(root.context.span_id);
    expect(llm.status_code).toBe('OK');
    expect(llm.attributes).toMatchObject({
      'llm.model_name': PHOENIX_SUITE_MODEL,
      'llm.provider': 'openai',
      'output.value': 'Traces are stored in Phoenix.',
      'llm.output_messages.0.message.role': 'assistant',
      'llm.output_messages.0.message.content': 'Traces are stored in Phoenix.',
      'llm.finish_reason': 'stop',
      'stream.outcome': 'completed',
      'metadata.runtime': runtime,
    });
    expect(llm.events.map((e) => e.name)).toContain('First Token Stream Event');

    const trace = (await phoenixTrace(app.project, turn.traceId))!;
    expect(trace.rootSpan).toEqual({ spanId: turn.spanId, spanKind: 'agent' });
    const gqlLlm = gqlSpanOf(trace, llm.context.span_id);
    expectTokensEqualUsage(llm, gqlLlm, usage);
    const cost = expectCostOfUsage(gqlLlm, usage, prices);
    expectTraceCostIsSumOfLlms(trace);
    turns.push({ traceId: turn.traceId, cost });
  });
}

test('a turn typed in the browser: Phoenix holds the trace the UI shows, with the text on screen as output', async ({ page }) => {
  await openChat(page, app);
  const before = app.upstream.requests.length;
  await page.getByTestId('chat-input').fill('Hello from a real browser');
  await page.getByTestId('send-button').click();
  const answer = page.getByTestId('message-assistant').last();
  await expect(answer).toHaveAttribute('data-status', 'done');
  const onScreen = (await answer.getByTestId('assistant-text').textContent())!;
  expect(onScreen).toBe('Traces are stored in Phoenix.');
  const traceId = (await answer.getByTestId('trace-id').getAttribute('data-trace-id'))!;

  const spans = await waitForPhoenixSpans(app.project, traceId, (s) => s.length >= 2);
  const { root, llms } = expectTurnTree(spans);
  expect(llms).toHaveLength(1);
  expect(root.attributes['output.value']).toBe(onScreen);
  expect(llms[0]!.attributes['output.value']).toBe(onScreen);
  const trace = (await phoenixTrace(app.project, traceId))!;
  const usage = app.upstream.requests[before]!.usage!;
  expectTokensEqualUsage(llms[0]!, gqlSpanOf(trace, llms[0]!.context.span_id), usage);
  turns.push({ traceId, cost: expectCostOfUsage(gqlSpanOf(trace, llms[0]!.context.span_id), usage, prices) });
  expectTraceCostIsSumOfLlms(trace);
});

test("the project: one trace per turn, no orphan span, its cost the sum of its turns' costs; nothing left open", async () => {
  expect(turns).toHaveLength(3);
  const spans = await expectNoOrphansInProject(app.project);
  expect(new Set(spans.map((s) => s.context.trace_id))).toEqual(new Set(turns.map((t) => t.traceId)));
  const project = (await phoenixProject(app.project))!;
  expect(project.traceCount).toBe(turns.length);
  expect(project.costSummary.total.cost!).toBeCloseTo(turns.reduce((sum, t) => sum + t.cost, 0), 12);
  const usageTotal = app.upstream.requests.reduce((sum, r) => sum + (r.usage?.total_tokens ?? 0), 0);
  expect(project.costSummary.total.tokens).toBe(usageTotal);
  expect(await openSpans(app)).toBe(0);
});
