import { stripVTControlCharacters } from 'node:util';
import { expect, test, type Page } from '@playwright/test';
import { waitForPhoenixSpans, type PhoenixSpan } from './phoenix-api';
import { startPhoenixApp, type PhoenixApp } from './phoenix-app';
import { phoenixTrace } from './phoenix-queries';
import { expectTurnTree } from './phoenix-checks';
import { openChat, openSpans, userMessage } from './chat-turns';
import { CHAT_ROUTE, RUNTIMES, type Runtime } from '../support/chat-page';

/**
 * Stop, as Phoenix stores it: the turn and its LLM span are `aborted` (a `stream.aborted` event, not
 * ERROR) with exactly the partial text the user saw as output — after some tokens, and before the
 * first one (then the LLM span still has its outcome and event, not a bare force-ended span).
 */
const WORDS = Array.from({ length: 30 }, (_, i) => (i === 0 ? 'Word1' : ` word${i + 1}`));
/**
 * Next's own log when a client leaves an edge POST mid-stream: `finalize()` in
 * next/dist/server/body-streams.js copies a Readable's `_events`/`_destroy` onto the Node request, so
 * Node's `aborted` (ECONNRESET) destroy of it becomes an unhandled `error` event.
 */
const NEXT_EDGE_DISCONNECT_LOG = /⨯ uncaughtException: +Error: aborted\n(?: +at .*\n)+ *code: 'ECONNRESET'\n\}/g;
let app: PhoenixApp;
test.beforeAll(async () => {
  app = await startPhoenixApp({ upstream: { words: WORDS, chunkDelayMs: 400 } });
});
test.afterAll(async () => {
  await app?.stop();
});

function expectAborted(span: PhoenixSpan): void {
  expect(span.status_code, `${span.name} is not ERROR after Stop`).not.toBe('ERROR');
  expect(span.attributes['stream.outcome'], `${span.name} outcome`).toBe('aborted');
  expect(span.events.map((e) => e.name), `${span.name} events`).toContain('stream.aborted');
}

async function sendAndStop(page: Page, text: string, waitForText: boolean, runtime: Runtime = 'nodejs'): Promise<{ traceId: string; onScreen: string }> {
  const response = page.waitForResponse((r) => r.url().endsWith(CHAT_ROUTE[runtime]));
  await page.getByTestId('chat-input').fill(text);
  await page.getByTestId('send-button').click();
  const traceId = /^00-([0-9a-f]{32})-/.exec((await response).headers()['traceresponse'] ?? '')![1]!;
  const answer = page.getByTestId('message-assistant').last();
  if (waitForText) await expect(answer.getByTestId('assistant-text')).toContainText('word3');
  else await page.waitForTimeout(300);
  await page.getByTestId('stop-button').click();
  await expect(answer.getByTestId('stopped-label')).toBeVisible();
  const onScreen = (await answer.getByTestId('assistant-text').textContent().catch(() => '')) ?? '';
  return { traceId, onScreen };
}

for (const runtime of RUNTIMES) test(`[${runtime}] Stop after a few words in the browser: turn and LLM span aborted (not ERROR), the partial text on screen is their output`, async ({ page }) => {
  app.upstream.configure({ words: WORDS, chunkDelayMs: 400 });
  await openChat(page, app, runtime);
  const { traceId, onScreen } = await sendAndStop(page, 'Tell me a long story', true, runtime);
  expect(onScreen).toMatch(/^Word1 word2 word3/);
  expect(onScreen.length).toBeLessThan(WORDS.join('').length);

  const spans = await waitForPhoenixSpans(app.project, traceId, (s) => s.length >= 2);
  const { root, llms } = expectTurnTree(spans);
  expect(llms).toHaveLength(1);
  // The text the user saw, plus at most the one chunk that was on its way when Stop was clicked.
  const output = String(llms[0]!.attributes['output.value']);
  expect(output.startsWith(onScreen), `LLM output ${JSON.stringify(output)} starts with the text on screen`).toBe(true);
  expect(output.length - onScreen.length).toBeLessThanOrEqual(' word10'.length);
  for (const span of [root, llms[0]!]) {
    expectAborted(span);
    expect(span.attributes['output.value'], `${span.name} output`).toBe(output);
  }
  expect(llms[0]!.attributes['llm.output_messages.0.message.content']).toBe(output);
  expect(llms[0]!.events.map((e) => e.name)).toContain('First Token Stream Event');
  const trace = (await phoenixTrace(app.project, traceId))!;
  expect(trace.spans.edges.map((e) => e.node.statusCode)).not.toContain('ERROR');
  if (runtime === 'nodejs') await expect.poll(() => openSpans(app)).toBe(0);
});

test('Stop before the first token: both spans aborted with the stream.aborted event, the LLM span not left bare', async ({ page }) => {
  app.upstream.configure({ words: WORDS, firstByteDelayMs: 3_000 });
  await openChat(page, app);
  const { traceId } = await sendAndStop(page, 'Answer slowly', false);
  const spans = await waitForPhoenixSpans(app.project, traceId, (s) => s.length >= 2);
  const { root, llms } = expectTurnTree(spans);
  expect(llms).toHaveLength(1);
  expectAborted(root);
  expectAborted(llms[0]!);
  expect(llms[0]!.attributes['llm.model_name'], 'start-time attributes are there').toBe('gpt-4o-mini');
  expect(llms[0]!.attributes['output.value'] ?? '', 'no output was generated').toBe('');
  expect(llms[0]!.attributes['llm.token_count.total'], 'no usage was reported: no invented count').toBeUndefined();
  await expect.poll(() => openSpans(app)).toBe(0);
});

for (const runtime of RUNTIMES) {
  test(`[${runtime}] the first turn after a cold start, its client disconnecting mid-stream (HTTP): both spans aborted with the partial output`, async () => {
    // A fresh server: on the edge runtime the first turn also brings up the tracer.
    const cold = await startPhoenixApp({ project: app.project, upstream: { words: WORDS, chunkDelayMs: 200 } });
    try {
      const controller = new AbortController();
      const response = await fetch(`${cold.url}${CHAT_ROUTE[runtime]}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ id: `${runtime}-stop-${Date.now()}`, messages: [userMessage(`Stream to me (${runtime})`)] }),
        signal: controller.signal,
      });
      const traceId = /^00-([0-9a-f]{32})-/.exec(response.headers.get('traceresponse') ?? '')![1]!;
      const reader = response.body!.getReader();
      let received = '';
      while (!received.includes('word4')) received += new TextDecoder().decode((await reader.read()).value);
      controller.abort();
      const spans = await waitForPhoenixSpans(cold.project, traceId, (s) => s.length >= 2);
      const { root, llms } = expectTurnTree(spans);
      for (const span of [root, llms[0]!]) {
        expectAborted(span);
        expect(String(span.attributes['output.value'])).toMatch(/^Word1 word2 word3 word4/);
      }
      expect(root.attributes['metadata.runtime']).toBe(runtime);
      // The disconnect reached the handler's request.signal (Next's ResponseAborted), on the edge too.
      expect(root.attributes['stream.abort_reason']).toBe('ResponseAborted');
      // A client going away is normal: the server reports no uncaught exception for it — except the
      // one Next itself logs on the edge, which app code cannot prevent (docs/deployment.md, "Edge runtime").
      const stderr = stripVTControlCharacters(cold.output.stderr.join(''));
      expect(runtime === 'edge' ? stderr.replace(NEXT_EDGE_DISCONNECT_LOG, '') : stderr).not.toMatch(/uncaughtException/);
    } finally {
      await cold.stop();
    }
  });
}
