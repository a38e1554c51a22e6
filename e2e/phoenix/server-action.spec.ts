import { expect, test } from '@playwright/test';
import { pollPhoenix, waitForPhoenixSpans } from './phoenix-api';
import { startPhoenixApp, PHOENIX_SUITE_MODEL, type PhoenixApp } from './phoenix-app';
import { phoenixModelPrices, phoenixSession, phoenixTrace } from './phoenix-queries';
import { expectCostOfUsage, expectTokensEqualUsage, expectTraceCostIsSumOfLlms, expectTurnTree, gqlSpanOf } from './phoenix-checks';
import { openChat, realisticUsage } from './chat-turns';

/**
 * "Suggest follow-ups" (a server action streaming a completion) as Phoenix stores it: its own trace
 * with a CHAIN root and one LLM child, tokens and cost, in the same session and for the same user as
 * the chat it was asked from.
 */
let app: PhoenixApp;
test.beforeAll(async () => {
  app = await startPhoenixApp({
    upstream: {
      usage: realisticUsage,
      words: (body) => (JSON.stringify(body.messages).includes('follow-up') ? ['1. What', ' is', ' a span?'] : ['Spans', ' nest.']),
    },
  });
});
test.afterAll(async () => {
  await app?.stop();
});

test('Suggest follow-ups in the browser: a CHAIN trace with its LLM call, tokens and cost, in the chat session', async ({ page }) => {
  await openChat(page, app);
  const sessionId = (await page.getByTestId('session-id').getAttribute('data-session-id'))!;
  await page.getByTestId('chat-input').fill('Tell me about spans');
  await page.getByTestId('send-button').click();
  await expect(page.getByTestId('message-assistant').last()).toHaveAttribute('data-status', 'done');
  const before = app.upstream.requests.length;
  await page.getByTestId('suggest-button').click();
  const suggestions = page.getByTestId('suggestions');
  await expect(suggestions).toHaveAttribute('data-status', 'done');
  await expect(page.getByTestId('suggestions-text')).toHaveText('1. What is a span?');
  const traceId = (await suggestions.getByTestId('trace-id').getAttribute('data-trace-id'))!;

  const spans = await waitForPhoenixSpans(app.project, traceId, (s) => s.length >= 2);
  const { root, llms, all } = expectTurnTree(spans, 'CHAIN', 'suggest follow-ups');
  expect(all).toHaveLength(2);
  const userId = (await page.context().cookies()).find((c) => c.name === 'tc_uid')?.value;
  expect(root.attributes).toMatchObject({ 'session.id': sessionId, 'user.id': userId, 'output.value': '1. What is a span?', 'stream.outcome': 'completed' });
  expect(llms[0]!.attributes).toMatchObject({ 'output.value': '1. What is a span?', 'llm.model_name': PHOENIX_SUITE_MODEL, 'metadata.route': 'action:suggestFollowUps' });
  const usage = app.upstream.requests[before]!.usage!;
  const trace = (await phoenixTrace(app.project, traceId))!;
  expect(trace.rootSpan?.spanKind).toBe('chain');
  const gql = gqlSpanOf(trace, llms[0]!.context.span_id);
  expectTokensEqualUsage(llms[0]!, gql, usage);
  expectCostOfUsage(gql, usage, await phoenixModelPrices(PHOENIX_SUITE_MODEL));
  expectTraceCostIsSumOfLlms(trace);
  const session = await pollPhoenix(() => phoenixSession(app.project, sessionId), (s) => s?.numTraces === 2, 15_000, 'session');
  expect(session).toMatchObject({ userId, firstInput: { value: 'Tell me about spans' } });
});
