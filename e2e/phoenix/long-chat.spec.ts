import { expect, test } from '@playwright/test';
import { RUNTIMES } from '../support/chat-page';
import { waitForPhoenixSpans } from './phoenix-api';
import { startPhoenixApp, PHOENIX_SUITE_MODEL, type PhoenixApp } from './phoenix-app';
import { phoenixModelPrices, phoenixTrace } from './phoenix-queries';
import { expectCostOfUsage, expectTokensEqualUsage, expectTraceCostIsSumOfLlms, expectTurnTree, gqlSpanOf } from './phoenix-checks';
import { longChat, postTurn, realisticUsage, streamedText, userMessage, type UiMessage } from './chat-turns';

/**
 * Long chats, as Phoenix stores them: with 60+ earlier messages (and up to the 100 the API accepts)
 * the answer, its token counts, finish reason, outcome and cost are all on the LLM span — the
 * close-time attributes must survive however long the prompt is — and the newest message of the
 * prompt is recorded. The same for one long pasted document.
 */
const ANSWER = 'Here is a summary of our long conversation.';
let app: PhoenixApp;
test.beforeAll(async () => {
  app = await startPhoenixApp({ upstream: { words: ANSWER.split(/(?= )/), usage: realisticUsage } });
});
test.afterAll(async () => {
  await app?.stop();
});

async function expectCompleteTurn(messages: UiMessage[], runtime: (typeof RUNTIMES)[number], newest: string): Promise<void> {
  const before = app.upstream.requests.length;
  const turn = await postTurn(app, `long-${runtime}-${Date.now()}`, messages, runtime);
  expect(turn.status, turn.body.slice(0, 300)).toBe(200);
  expect(streamedText(turn.body)).toBe(ANSWER);
  const usage = app.upstream.requests[before]!.usage!;
  expect((app.upstream.requests[before]!.body.messages as unknown[]).length, 'the model got the whole chat').toBe(messages.length + 1);

  const spans = await waitForPhoenixSpans(app.project, turn.traceId, (s) => s.length >= 2);
  const { root, llms } = expectTurnTree(spans);
  const llm = llms[0]!;
  expect(root.attributes).toMatchObject({ 'output.value': ANSWER, 'stream.outcome': 'completed' });
  // The close-time attributes, each checked on its own so a report names every one that is missing.
  expect.soft(llm.attributes['output.value'], 'output.value').toBe(ANSWER);
  expect.soft(llm.attributes['llm.output_messages.0.message.content'], 'output message').toBe(ANSWER);
  expect.soft(llm.attributes['llm.finish_reason'], 'finish reason').toBe('stop');
  expect.soft(llm.attributes['stream.outcome'], 'stream.outcome').toBe('completed');
  expect.soft(llm.events.map((e) => e.name), 'first-token event').toContain('First Token Stream Event');
  expect.soft(llm.attributes['llm.token_count.prompt'], 'prompt tokens').toBe(usage.prompt_tokens);
  expect.soft(llm.attributes['llm.token_count.completion'], 'completion tokens').toBe(usage.completion_tokens);
  // The prompt as recorded: contiguous message indexes, and the newest message (the question) among them.
  const roles = Object.keys(llm.attributes).filter((key) => /^llm\.input_messages\.\d+\.message\.role$/.test(key));
  const indexes = roles.map((key) => Number(key.split('.')[2])).sort((a, b) => a - b);
  expect(indexes).toEqual(indexes.map((_, i) => i));
  const contents = indexes.map((i) => llm.attributes[`llm.input_messages.${i}.message.content`]);
  // (A very long message may be cut at the attribute length limit, OTEL_SPAN_ATTRIBUTE_VALUE_LENGTH_LIMIT.)
  const last = String(contents.at(-1));
  expect(newest.startsWith(last) && last.length >= Math.min(newest.length, 1000), 'the newest message of the prompt is recorded last').toBe(true);
  expect(llm.attributes['llm.model_name']).toBe(PHOENIX_SUITE_MODEL);

  const trace = (await phoenixTrace(app.project, turn.traceId))!;
  const gql = gqlSpanOf(trace, llm.context.span_id);
  expectTokensEqualUsage(llm, gql, usage);
  expectCostOfUsage(gql, usage, await phoenixModelPrices(PHOENIX_SUITE_MODEL));
  expectTraceCostIsSumOfLlms(trace);
}

for (const runtime of RUNTIMES) {
  test(`[${runtime}] 64 earlier messages: output, tokens, finish reason, outcome and cost all in Phoenix`, async () => {
    await expectCompleteTurn(longChat(64, 'Now summarise everything.'), runtime, 'Now summarise everything.');
  });
}

test('[nodejs] 99 earlier messages of 1,000 characters (the most the API accepts): still complete in Phoenix', async () => {
  await expectCompleteTurn(longChat(99, 'And the hundredth message.', 1000), 'nodejs', 'And the hundredth message.');
});

test('[nodejs] a pasted 150,000-character document: accepted, and complete in Phoenix', async () => {
  const document = `Please summarise this log:\n${'2026-12-01T10:00:00Z INFO request served in 12 ms\n'.repeat(3000)}`.slice(0, 150_000);
  await expectCompleteTurn([userMessage('Hi'), { id: 'a1', role: 'assistant', parts: [{ type: 'text', text: 'Hello!' }] }, userMessage(document)], 'nodejs', document);
});
