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
  const chat = await openChat(page, app);
  const before = app.upstream.requests.length;
  const onScreen = await chat.ask('Hello from a real browser', 20_000);
  expect(onScreen).toBe('Traces are stored in Phoenix.');
  const traceId = await chat.lastTraceId();

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

test('an image attached in the browser: Phoenix has it as an image content part of the user message, with tokens and cost', async ({ page }) => {
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
  const chat = await openChat(page, app);
  const before = app.upstream.requests.length;
  await page.getByTestId('attach-image-input').setInputFiles({ name: 'dot.png', mimeType: 'image/png', buffer: png });
  await chat.ask('What is in this picture?', 20_000);
  const traceId = await chat.lastTraceId();
  expect(JSON.stringify(app.upstream.requests[before]!.body.messages)).toContain(png.toString('base64'));

  const { llms } = expectTurnTree(await waitForPhoenixSpans(app.project, traceId, (s) => s.length >= 2));
  const user = Object.entries(llms[0]!.attributes).find(([key, value]) => /^llm\.input_messages\.\d+\.message\.role$/.test(key) && value === 'user')![0].replace(/\.role$/, '');
  const parts = [0, 1].map((k) => ({
    type: llms[0]!.attributes[`${user}.contents.${k}.message_content.type`],
    url: llms[0]!.attributes[`${user}.contents.${k}.message_content.image.image.url`],
    text: llms[0]!.attributes[`${user}.contents.${k}.message_content.text`],
  }));
  expect(parts).toContainEqual({ type: 'image', url: `data:image/png;base64,${png.toString('base64')}`, text: undefined });
  expect(parts).toContainEqual({ type: 'text', url: undefined, text: 'What is in this picture?' });
  expect(String(llms[0]!.attributes['input.value'])).not.toContain(png.toString('base64'));
  const trace = (await phoenixTrace(app.project, traceId))!;
  const usage = app.upstream.requests[before]!.usage!;
  expectTokensEqualUsage(llms[0]!, gqlSpanOf(trace, llms[0]!.context.span_id), usage);
  turns.push({ traceId, cost: expectCostOfUsage(gqlSpanOf(trace, llms[0]!.context.span_id), usage, prices) });
});

test('six concurrent turns on both runtimes: each trace holds only its own session, question and answer', async () => {
  // Each answer names its question's tag, so a span carrying another turn's context would show.
  app.upstream.configure({
    words: (body) => [`Answer`, ` for`, ` ${/tag-(\w+)/.exec(JSON.stringify(body.messages))?.[1] ?? 'none'}.`],
    usage: realisticUsage,
    chunkDelayMs: 60,
  });
  const tags = ['a1', 'b2', 'c3', 'd4', 'e5', 'f6'];
  const results = await Promise.all(
    tags.map((tag, i) => postTurn(app, `concurrent-${tag}-${Date.now()}`, [userMessage(`Question tag-${tag}`)], RUNTIMES[i % 2]!)),
  );
  app.upstream.configure({ words: ['Traces', ' are', ' stored', ' in', ' Phoenix.'], usage: realisticUsage });
  for (const [i, result] of results.entries()) {
    const tag = tags[i]!;
    expect(streamedText(result.body)).toBe(`Answer for ${tag}.`);
    const { root, llms, all } = expectTurnTree(await waitForPhoenixSpans(app.project, result.traceId, (s) => s.length >= 2));
    expect(all).toHaveLength(2);
    for (const span of all) {
      expect(String(span.attributes['session.id']), span.name).toContain(`concurrent-${tag}-`);
      expect(span.attributes['metadata.runtime']).toBe(RUNTIMES[i % 2]);
    }
    expect(root.attributes['input.value']).toBe(`Question tag-${tag}`);
    expect(llms[0]!.attributes['output.value']).toBe(`Answer for ${tag}.`);
    expect(String(llms[0]!.attributes['input.value'])).toContain(`tag-${tag}`);
    const trace = (await phoenixTrace(app.project, result.traceId))!;
    const usage = app.upstream.requests.find((r) => JSON.stringify(r.body.messages).includes(`tag-${tag}`))!.usage!;
    turns.push({ traceId: result.traceId, cost: expectCostOfUsage(gqlSpanOf(trace, llms[0]!.context.span_id), usage, prices) });
  }
});

test("the project: one trace per turn, no orphan span, its cost the sum of its turns' costs; nothing left open", async () => {
  expect(turns).toHaveLength(10);
  const spans = await expectNoOrphansInProject(app.project);
  expect(new Set(spans.map((s) => s.context.trace_id))).toEqual(new Set(turns.map((t) => t.traceId)));
  const project = (await phoenixProject(app.project))!;
  expect(project.traceCount).toBe(turns.length);
  expect(project.costSummary.total.cost!).toBeCloseTo(turns.reduce((sum, t) => sum + t.cost, 0), 12);
  const usageTotal = app.upstream.requests.reduce((sum, r) => sum + (r.usage?.total_tokens ?? 0), 0);
  expect(project.costSummary.total.tokens).toBe(usageTotal);
  expect(await openSpans(app)).toBe(0);
});
