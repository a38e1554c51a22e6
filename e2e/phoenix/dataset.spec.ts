import { expect, test } from '@playwright/test';
import { phoenixRest, uniqueProjectName, waitForPhoenixSpans, deletePhoenixProject, type PhoenixSpan } from './phoenix-api';
import { startPhoenixApp, type PhoenixApp } from './phoenix-app';
import { expectTurnTree } from './phoenix-checks';
import { openChat } from './chat-turns';

/**
 * 👎 → "+ dataset": the answer, the conversation before it and the comment become an example of a
 * Phoenix dataset, read back with Phoenix's own REST API (`GET /v1/datasets/{id}/examples`). The
 * example comes from the spans Phoenix stored, and only the browser that got the answer may add it.
 */
interface Example {
  id: string;
  input: { messages: { role: string; content?: unknown }[] };
  output: { answer: string; messages: unknown[] };
  metadata: Record<string, unknown>;
}

const dataset = uniqueProjectName('thumbs-down');
let app: PhoenixApp;
test.beforeAll(async () => {
  let turn = 0;
  app = await startPhoenixApp({ upstream: { words: () => [`Answer`, ` number`, ` ${++turn}.`] }, env: { PHOENIX_FEEDBACK_DATASET: dataset } });
});
test.afterAll(async () => {
  const found = await phoenixRest<{ data: { id: string }[] }>(`/v1/datasets?name=${encodeURIComponent(dataset)}`).catch(() => ({ data: [] }));
  for (const { id } of found.data) await phoenixRest(`/v1/datasets/${id}`, { method: 'DELETE' }).catch(() => undefined);
  if (app) await deletePhoenixProject(app.project).catch(() => undefined);
  await app?.stop();
});

async function examplesOf(name: string): Promise<Example[]> {
  const found = await phoenixRest<{ data: { id: string; name: string }[] }>(`/v1/datasets?name=${encodeURIComponent(name)}`);
  const id = found.data.find((d) => d.name === name)?.id;
  if (!id) return [];
  return (await phoenixRest<{ data: { examples: Example[] } }>(`/v1/datasets/${id}/examples`)).data.examples;
}

test('a thumbs-down answer with its comment becomes one example of the Phoenix dataset, built from its spans', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await openChat(page, app);
  for (const question of ['What is a span?', 'And what is a trace?']) {
    const count = await page.getByTestId('message-assistant').count();
    await page.getByTestId('chat-input').fill(question);
    await page.getByTestId('send-button').click();
    await expect(page.getByTestId('message-assistant')).toHaveCount(count + 1);
    await expect(page.getByTestId('message-assistant').last()).toHaveAttribute('data-status', 'done');
  }
  const answer = page.getByTestId('message-assistant').last();
  const traceId = (await answer.getByTestId('trace-id').getAttribute('data-trace-id'))!;
  const spans: PhoenixSpan[] = await waitForPhoenixSpans(app.project, traceId, (s) => s.length >= 2);
  const { root } = expectTurnTree(spans);

  await answer.getByTestId('feedback-down').click();
  await answer.getByTestId('feedback-comment').fill('should mention spans and parents');
  await answer.getByTestId('feedback-submit').click();
  await expect(answer.getByTestId('feedback-status')).toHaveAttribute('data-state', 'recorded');
  const [sent] = await Promise.all([
    page.waitForRequest((request) => request.url().endsWith('/api/feedback/dataset')),
    answer.getByTestId('add-to-dataset').click(),
  ]);
  // The browser sends ids, its token and the comment: nothing about the conversation itself.
  const body = sent.postDataJSON() as Record<string, string>;
  expect(Object.keys(body).sort()).toEqual(['comment', 'spanId', 'token', 'traceId']);
  await expect(answer.getByTestId('dataset-status')).toHaveAttribute('data-state', 'added');
  await expect(answer.getByTestId('dataset-status')).toContainText(dataset);

  const examples = await examplesOf(dataset);
  expect(examples).toHaveLength(1);
  const example = examples[0]!;
  expect(example.input.messages.map((m) => [m.role, m.content])).toEqual([
    ['system', expect.stringContaining('concise, friendly assistant')],
    ['user', 'What is a span?'],
    ['assistant', 'Answer number 1.'],
    ['user', 'And what is a trace?'],
  ]);
  expect(example.output.answer).toBe('Answer number 2.');
  expect(example.metadata).toMatchObject({
    comment: 'should mention spans and parents',
    trace_id: traceId,
    span_id: root.context.span_id,
    feedback: 'thumbs-down',
    model: 'gpt-4o-mini',
    session_id: root.attributes['session.id'],
  });

  // Adding it again (same browser, same token) updates the one example instead of creating a second.
  const again = await page.request.post(`${app.url}/api/feedback/dataset`, { data: { ...body, comment: 'wrong, and too short' } });
  expect(again.status()).toBe(200);
  expect(await again.json()).toMatchObject({ ok: true, dataset, created: false, updated: true });
  const updated = await examplesOf(dataset);
  expect(updated).toHaveLength(1);
  expect(updated[0]!.metadata.comment).toBe('wrong, and too short');

  // Another browser (no tc_uid of this user) may not add this answer, whatever it claims.
  const stranger = await browser.newContext();
  for (const token of [body.token, `v1.9999999999.${'A'.repeat(43)}`]) {
    const refused = await stranger.request.post(`${app.url}/api/feedback/dataset`, { data: { ...body, token } });
    expect(refused.status()).toBe(403);
    expect((await refused.json()).error.code).toBe('feedback_forbidden');
  }
  await stranger.close();
  expect(await examplesOf(dataset)).toHaveLength(1);
});
