import { expect, test } from '@playwright/test';
import type { FakeRequestBody } from '../../lib/ai/testing/fake-openai-server';
import { waitForPhoenixSpans } from './phoenix-api';
import { startPhoenixApp, PHOENIX_SUITE_MODEL, type PhoenixApp } from './phoenix-app';
import { phoenixModelPrices, phoenixTrace } from './phoenix-queries';
import { expectCostOfUsage, expectTokensEqualUsage, expectTraceCostIsSumOfLlms, expectTurnTree, gqlSpanOf } from './phoenix-checks';
import { openChat, realisticUsage } from './chat-turns';

/**
 * A tool turn in the browser, as Phoenix stores it: AGENT → LLM (asks for the calculator), TOOL (runs
 * it), LLM (answers with its result), in that order; the tool call's id links the LLM's request to
 * the TOOL span; each LLM span has the provider's usage and its cost, and the trace's cost is exactly
 * the two LLM calls'.
 */
type Message = { role: string; content?: unknown; tool_call_id?: string };
const lastMessage = (body: FakeRequestBody) => (body.messages as Message[]).at(-1)!;

let app: PhoenixApp;
test.beforeAll(async () => {
  app = await startPhoenixApp({
    upstream: {
      usage: realisticUsage,
      toolCalls: (body) => {
        const last = lastMessage(body);
        if (last.role !== 'user' || !JSON.stringify(last.content).includes('calculate')) return undefined;
        return [{ name: 'calculator', arguments: JSON.stringify({ expression: JSON.stringify(last.content).includes('1/0') ? '1/0' : '17*23' }) }];
      },
      words: (body) => {
        const last = lastMessage(body);
        if (last.role !== 'tool') return ['I', ' can', ' calculate', ' things.'];
        if (!String(last.content).includes('"result"')) return ['The', ' calculator', ' could', ' not', ' do', ' that.'];
        const { result } = JSON.parse(String(last.content)) as { result: number };
        return ['17', ' × 23', ` = ${result}.`];
      },
    },
  });
});
test.afterAll(async () => {
  await app?.stop();
});

test('calculate 17*23 in the browser: AGENT → LLM, TOOL, LLM in Phoenix, linked by the tool call id, cost = both LLM calls', async ({ page }) => {
  const chat = await openChat(page, app);
  const before = app.upstream.requests.length;
  await chat.ask('Please calculate 17*23', 20_000);
  await expect(chat.lastAnswer.getByTestId('tool-output')).toContainText('391');
  await expect(chat.lastAnswerText).toHaveText('17 × 23 = 391.');
  const traceId = await chat.lastTraceId();

  const requests = app.upstream.requests.slice(before);
  expect(requests).toHaveLength(2);
  const callId = requests[0]!.toolCalls![0]!.id;

  const spans = await waitForPhoenixSpans(app.project, traceId, (s) => s.length >= 4);
  const { root, llms, tools, all } = expectTurnTree(spans);
  expect(all).toHaveLength(4);
  expect(llms).toHaveLength(2);
  expect(tools).toHaveLength(1);
  const [ask, answerLlm] = llms as [typeof root, typeof root];
  const tool = tools[0]!;
  for (const span of [ask, tool, answerLlm]) {
    expect(span.parent_id, `${span.name} is a child of the turn`).toBe(root.context.span_id);
    expect(span.status_code).toBe('OK');
  }
  // In order: the model asks, the tool runs, the model answers.
  expect(Date.parse(ask.end_time)).toBeLessThanOrEqual(Date.parse(tool.start_time));
  expect(Date.parse(tool.end_time)).toBeLessThanOrEqual(Date.parse(answerLlm.start_time));

  expect(ask.attributes).toMatchObject({
    'llm.finish_reason': 'tool-calls',
    'llm.output_messages.0.message.role': 'assistant',
    'llm.output_messages.0.message.tool_calls.0.tool_call.id': callId,
    'llm.output_messages.0.message.tool_calls.0.tool_call.function.name': 'calculator',
    'llm.output_messages.0.message.tool_calls.0.tool_call.function.arguments': '{"expression":"17*23"}',
    'stream.outcome': 'completed',
  });
  // A step that only calls a tool has no text: no empty output attributes.
  expect.soft(ask.attributes['output.value'], 'no empty output.value on a tool-call-only step').not.toBe('');
  expect.soft(ask.attributes['llm.output_messages.0.message.content'], 'no empty message content on a tool-call-only step').not.toBe('');

  expect(tool.name).toBe('tool calculator');
  expect(tool.attributes).toMatchObject({ 'tool.name': 'calculator', 'input.value': '{"expression":"17*23"}' });
  expect.soft(tool.attributes['tool.id'], 'tool.id on the TOOL span (the spec attribute) is the call id').toBe(callId);
  expect(JSON.parse(String(tool.attributes['output.value']))).toMatchObject({ result: 391 });
  expect(tool.attributes['llm.token_count.total'], 'a TOOL span carries no tokens').toBeUndefined();

  expect(answerLlm.attributes).toMatchObject({ 'output.value': '17 × 23 = 391.', 'llm.finish_reason': 'stop' });
  const toolMessage = Object.entries(answerLlm.attributes).find(([key, value]) => /^llm\.input_messages\.\d+\.message\.role$/.test(key) && value === 'tool');
  expect(toolMessage, 'the answering LLM call got the tool result').toBeDefined();
  expect(answerLlm.attributes[toolMessage![0].replace(/role$/, 'tool_call_id')]).toBe(callId);
  expect(root.attributes['output.value']).toBe('17 × 23 = 391.');

  const prices = await phoenixModelPrices(PHOENIX_SUITE_MODEL);
  const trace = (await phoenixTrace(app.project, traceId))!;
  for (const [i, llm] of [ask, answerLlm].entries()) {
    const gql = gqlSpanOf(trace, llm.context.span_id);
    expect(llm.attributes['llm.model_name']).toBe(PHOENIX_SUITE_MODEL);
    expectTokensEqualUsage(llm, gql, requests[i]!.usage!);
    expectCostOfUsage(gql, requests[i]!.usage!, prices);
  }
  expectTraceCostIsSumOfLlms(trace);
  expect(trace.costSummary.total.tokens).toBe(requests[0]!.usage!.total_tokens + requests[1]!.usage!.total_tokens);
});

test('a tool that throws (calculate 1/0): its TOOL span is ERROR with the exception in Phoenix, the model answers and the turn is OK', async ({ page }) => {
  const chat = await openChat(page, app);
  await chat.ask('Please calculate 1/0', 20_000);
  await expect(chat.lastAnswerText).toHaveText('The calculator could not do that.');
  const traceId = await chat.lastTraceId();

  const spans = await waitForPhoenixSpans(app.project, traceId, (s) => s.length >= 4);
  const { root, llms, tools } = expectTurnTree(spans);
  expect(llms).toHaveLength(2);
  expect(tools).toHaveLength(1);
  const tool = tools[0]!;
  expect(tool.parent_id).toBe(root.context.span_id);
  expect(tool.status_code).toBe('ERROR');
  expect(tool.attributes).toMatchObject({ 'tool.name': 'calculator', 'input.value': '{"expression":"1/0"}', 'stream.outcome': 'error' });
  const exception = tool.events.find((event) => event.name === 'exception');
  expect(String(exception?.attributes['exception.message'])).toBe('division by zero');
  // The AI SDK hands the error to the model, which answers: the turn and both LLM calls succeed.
  for (const span of [root, ...llms]) expect(span.status_code, span.name).toBe('OK');
  expect(root.attributes['output.value']).toBe('The calculator could not do that.');
});
