import { expect, test } from '@playwright/test';
import { pollPhoenix, waitForPhoenixSpans } from './phoenix-api';
import { startPhoenixApp, type PhoenixApp } from './phoenix-app';
import { phoenixRestSessions, phoenixSession, phoenixSpanAnnotations, phoenixTrace } from './phoenix-queries';
import { expectTurnTree } from './phoenix-checks';
import { openChat, realisticUsage } from './chat-turns';

/**
 * A chat in the browser as Phoenix shows it: a session per chat ("New chat" starts another) with its
 * turns, tokens, user, first input and last output; 👍/👎 clicked under an answer lands as a HUMAN
 * `user_feedback` annotation on that answer's own turn span, not on another turn's.
 */
let app: PhoenixApp;
test.beforeAll(async () => {
  let turn = 0;
  app = await startPhoenixApp({ upstream: { words: () => [`Answer`, ` number`, ` ${++turn}.`], usage: realisticUsage } });
});
test.afterAll(async () => {
  await app?.stop();
});

test('a three-turn chat is one Phoenix session with its turns, tokens, user, first input and last output; feedback is on the rated answer', async ({ page }) => {
  test.setTimeout(120_000);
  await openChat(page, app);
  const sessionId = (await page.getByTestId('session-id').getAttribute('data-session-id'))!;
  const questions = ['First: what is a span?', 'Second: and a trace?', 'Third: and a session?'];
  const traces: string[] = [];
  const answers: string[] = [];
  const before = app.upstream.requests.length;
  for (const question of questions) {
    const count = await page.getByTestId('message-assistant').count();
    await page.getByTestId('chat-input').fill(question);
    await page.getByTestId('send-button').click();
    await expect(page.getByTestId('message-assistant')).toHaveCount(count + 1);
    const answer = page.getByTestId('message-assistant').last();
    await expect(answer).toHaveAttribute('data-status', 'done');
    answers.push((await answer.getByTestId('assistant-text').textContent())!);
    traces.push((await answer.getByTestId('trace-id').getAttribute('data-trace-id'))!);
  }
  expect(answers).toEqual(['Answer number 1.', 'Answer number 2.', 'Answer number 3.']);
  const userId = (await page.context().cookies()).find((c) => c.name === 'tc_uid')?.value;
  expect(userId).toMatch(/^[0-9a-f-]{36}$/);

  const roots: string[] = [];
  for (const traceId of traces) {
    const { root } = expectTurnTree(await waitForPhoenixSpans(app.project, traceId, (s) => s.length >= 2));
    expect(root.attributes).toMatchObject({ 'session.id': sessionId, 'user.id': userId });
    roots.push(root.context.span_id);
  }

  // Feedback: 👎 with a comment on the FIRST answer (a newer one exists), 👍 on the last.
  const first = page.getByTestId('message-assistant').first();
  await first.getByTestId('feedback-down').click();
  await first.getByTestId('feedback-comment').fill('too short for a first answer');
  await first.getByTestId('feedback-submit').click();
  await expect(first.getByTestId('feedback-status')).toHaveAttribute('data-state', 'recorded');
  const last = page.getByTestId('message-assistant').last();
  await last.getByTestId('feedback-up').click();
  await last.getByTestId('feedback-submit').click();
  await expect(last.getByTestId('feedback-status')).toHaveAttribute('data-state', 'recorded');

  const annotations = await pollPhoenix(() => phoenixSpanAnnotations(app.project, roots), (a) => a.length >= 2, 15_000, 'annotations');
  expect(annotations).toHaveLength(2);
  expect(annotations.find((a) => a.span_id === roots[0])).toMatchObject({
    name: 'user_feedback',
    annotator_kind: 'HUMAN',
    result: { label: 'thumbs-down', score: 0, explanation: 'too short for a first answer' },
    metadata: { trace_id: traces[0] },
  });
  expect(annotations.find((a) => a.span_id === roots[2])).toMatchObject({ name: 'user_feedback', annotator_kind: 'HUMAN', result: { label: 'thumbs-up', score: 1 } });
  expect(annotations.find((a) => a.span_id === roots[1]), 'the unrated answer has no annotation').toBeUndefined();
  // GraphQL shows the same annotation on the first turn's root span.
  const firstTrace = (await phoenixTrace(app.project, traces[0]!))!;
  expect(firstTrace.spans.edges.find((e) => e.node.spanId === roots[0])!.node.spanAnnotations).toEqual([
    { name: 'user_feedback', annotatorKind: 'HUMAN', label: 'thumbs-down', score: 0, explanation: 'too short for a first answer' },
  ]);

  // The session, as Phoenix aggregates it.
  const usages = app.upstream.requests.slice(before).map((r) => r.usage!);
  expect(usages).toHaveLength(3);
  const session = await pollPhoenix(() => phoenixSession(app.project, sessionId), (s) => s?.numTraces === 3, 15_000, 'session');
  expect(session).toMatchObject({
    sessionId,
    numTraces: 3,
    numTracesWithError: 0,
    userId: userId!,
    tokenUsage: {
      prompt: usages.reduce((sum, u) => sum + u.prompt_tokens, 0),
      completion: usages.reduce((sum, u) => sum + u.completion_tokens, 0),
      total: usages.reduce((sum, u) => sum + u.total_tokens, 0),
    },
    firstInput: { value: questions[0]! },
    lastOutput: { value: answers[2]! },
  });
  expect(session!.costSummary.total.cost).toBeGreaterThan(0);
  // Later turns carry the whole chat to the model: the third prompt had all earlier messages.
  expect(usages[2]!.prompt_tokens).toBeGreaterThan(usages[0]!.prompt_tokens);

  const rest = (await phoenixRestSessions(app.project)) as { session_id: string; traces: { trace_id: string }[]; token_count_total: number }[];
  const restSession = rest.find((s) => s.session_id === sessionId)!;
  expect(new Set(restSession.traces.map((t) => t.trace_id))).toEqual(new Set(traces));
  expect(restSession.token_count_total).toBe(session!.tokenUsage.total);

  // "New chat" starts a new session; its turn is not added to the old one.
  await page.getByTestId('new-chat').click();
  await expect(page.getByTestId('session-id')).not.toHaveAttribute('data-session-id', sessionId);
  const newSessionId = (await page.getByTestId('session-id').getAttribute('data-session-id'))!;
  await page.getByTestId('chat-input').fill('A new topic');
  await page.getByTestId('send-button').click();
  await expect(page.getByTestId('message-assistant').last()).toHaveAttribute('data-status', 'done');
  const newSession = await pollPhoenix(() => phoenixSession(app.project, newSessionId), (s) => s?.numTraces === 1, 15_000, 'new session');
  expect(newSession).toMatchObject({ userId: userId!, firstInput: { value: 'A new topic' } });
  expect((await phoenixSession(app.project, sessionId))!.numTraces).toBe(3);
});
