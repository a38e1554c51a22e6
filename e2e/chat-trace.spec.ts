import { expect, test } from '@playwright/test';
import { countPromptTokens, countTextTokens } from '../lib/ai/token-count';
import { SYSTEM_PROMPT } from '../lib/ai/system-prompt';
import { E2E } from '../playwright.config';
import { fetchRequests } from '../receiver/api';
import { CHAT_ROUTE, ChatPage, RUNTIMES } from './support/chat-page';
import { endMs, startMs, waitForTurnSpans } from './support/turn-spans';

const userTurn = (text: string) => ({ role: 'user' as const, content: [{ type: 'text' as const, text }] });

for (const runtime of RUNTIMES) {
  test(`[${runtime}] a chat turn streams an answer and exports AGENT + LLM spans set when the stream closed`, async ({ page }) => {
    const chat = new ChatPage(page);
    await chat.open(runtime);
    const question = 'What does this app trace?';
    const responsePromise = page.waitForResponse((r) => r.url().endsWith(CHAT_ROUTE[runtime]) && r.request().method() === 'POST');
    const answer = await chat.ask(question);
    const response = await responsePromise;
    expect(answer.length).toBeGreaterThan(20);
    await expect(chat.lastAnswer.getByTestId('answer-runtime')).toHaveText(runtime === 'edge' ? 'edge' : 'node');

    const traceId = await chat.lastTraceId();
    const { chain, llm } = await waitForTurnSpans(traceId);
    expect(response.headers()['traceresponse']).toBe(`00-${traceId}-${chain.spanId}-01`);

    // The turn span is the root of its own trace; the LLM span is its child.
    expect(chain.parentSpanId).toBeUndefined();
    expect(llm.parentSpanId).toBe(chain.spanId);
    expect(chain.attributes).toMatchObject({
      'openinference.span.kind': 'AGENT',
      'input.value': question,
      'input.mime_type': 'text/plain',
      'output.value': answer,
      'output.mime_type': 'text/plain',
      'stream.outcome': 'completed',
    });
    expect(chain.attributes['session.id']).toBe(await page.getByTestId('session-id').getAttribute('data-session-id'));
    expect(chain.status.code).toBe(1);

    // The LLM span: model, provider, the whole prompt incl. system, the output on screen, real counts.
    const expectedPrompt = countPromptTokens([{ role: 'system', content: SYSTEM_PROMPT }, userTurn(question)]);
    expect(llm.attributes).toMatchObject({
      'openinference.span.kind': 'LLM',
      'llm.model_name': 'offline-echo-1',
      'llm.provider': 'offline',
      'llm.system': 'offline',
      'llm.input_messages.0.message.role': 'system',
      'llm.input_messages.0.message.content': SYSTEM_PROMPT,
      'llm.input_messages.1.message.role': 'user',
      'llm.input_messages.1.message.content': question,
      'llm.output_messages.0.message.role': 'assistant',
      'llm.output_messages.0.message.content': answer,
      'output.value': answer,
      'llm.finish_reason': 'stop',
      'llm.token_count.prompt': expectedPrompt,
      'llm.token_count.completion': countTextTokens(answer),
      'llm.token_count.total': expectedPrompt + countTextTokens(answer),
    });
    for (const key of ['llm.token_count.prompt', 'llm.token_count.completion', 'llm.token_count.total']) {
      expect(llm.attributeTypes[key], key).toBe('int');
    }
    expect(JSON.parse(String(llm.attributes['llm.invocation_parameters']))).toMatchObject({ model: 'offline-echo-1' });
    expect(llm.status.code).toBe(1);
    expect(endMs(llm)).toBeLessThanOrEqual(endMs(chain));

    // Exported the way Phoenix ingests it: protobuf, bearer key, project name as a resource attribute.
    expect(llm.resource['openinference.project.name']).toBe(E2E.projectName);
    expect(llm.resource['process.runtime.name']).toBe(runtime);
    const requests = await fetchRequests(E2E.receiverUrl);
    expect(requests.length).toBeGreaterThan(0);
    for (const r of requests) {
      expect(r.contentType).toBe('application/x-protobuf');
      // Accepted only with `Authorization: Bearer <key>` (the receiver answers 401 otherwise); the
      // record itself keeps no credentials.
      expect(r.headers['authorization']).toBeUndefined();
    }
  });
}

test('the second turn sends the whole conversation as the LLM prompt', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.open();
  const first = await chat.ask('Hello there');
  const answer = await chat.ask('And a follow-up question?');
  const { llm } = await waitForTurnSpans(await chat.lastTraceId());
  expect(llm.attributes).toMatchObject({
    'llm.input_messages.1.message.content': 'Hello there',
    'llm.input_messages.2.message.role': 'assistant',
    'llm.input_messages.2.message.content': first,
    'llm.input_messages.3.message.content': 'And a follow-up question?',
    'output.value': answer,
  });
  expect(llm.attributes['llm.input_messages.4.message.role']).toBeUndefined();
});

for (const runtime of RUNTIMES) {
  // On the edge runtime the request's root span ends when the handler returns: a turn span nested in
  // it would be force-ended by @vercel/otel long before the stream finishes. This proves it is not.
  test(`[${runtime}] the LLM span lives until the last streamed chunk`, async ({ page }) => {
    test.setTimeout(90_000); // /slow streams at ≥150 ms per word
    const chat = new ChatPage(page);
    await chat.open(runtime);
    await chat.recordTextChanges();
    const answer = await chat.ask('/slow Walk me through the span lifecycle', 60_000);
    const changes = (await chat.textChanges()).filter((change) => change.length > 0);
    const { chain, llm } = await waitForTurnSpans(await chat.lastTraceId());
    expect(llm.attributes['output.value']).toBe(answer);
    expect(llm.attributes['llm.token_count.completion']).toBe(countTextTokens(answer));
    // Words arrive ≥150 ms apart: by the time the next-to-last chunk was on screen the span was still open.
    expect(changes.length).toBeGreaterThan(10);
    const penultimate = changes[changes.length - 2]!.at;
    expect(endMs(llm)).toBeGreaterThanOrEqual(penultimate);
    expect(endMs(llm) - startMs(llm)).toBeGreaterThanOrEqual(changes[changes.length - 1]!.at - changes[0]!.at - 150); // browser vs server clock reading, under load
    expect(endMs(chain)).toBeGreaterThanOrEqual(endMs(llm));
    expect(llm.resource['process.runtime.name']).toBe(runtime);
  });
}

test('New chat starts a new session: empty list, new session id on the next turn', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.open();
  await chat.ask('First session question');
  const firstSession = await page.getByTestId('session-id').getAttribute('data-session-id');
  const { chain: firstChain } = await waitForTurnSpans(await chat.lastTraceId());
  expect(firstChain.attributes['session.id']).toBe(firstSession);

  await page.getByTestId('new-chat').click();
  await expect(page.getByTestId('message-assistant')).toHaveCount(0);
  const secondSession = await page.getByTestId('session-id').getAttribute('data-session-id');
  expect(secondSession).not.toBe(firstSession);
  await chat.ask('Second session question');
  const { chain, llm } = await waitForTurnSpans(await chat.lastTraceId());
  expect(chain.attributes['session.id']).toBe(secondSession);
  expect(llm.attributes['llm.input_messages.2.message.role']).toBeUndefined(); // the old conversation is gone
});
