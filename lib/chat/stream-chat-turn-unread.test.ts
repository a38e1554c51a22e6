/**
 * A turn whose stream nobody reads any more (the client went away, or stopped reading) still ends
 * itself — both spans, child first — on its own abort: the request's signal, the deadline, or the
 * response stream being cancelled. streamText calls onAbort only when its stream is pulled.
 */
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { describe, expect, it } from 'vitest';
import { spanByKind } from '@/lib/tracing/testing/in-memory-tracing';
import { abortOnCancel } from '../tracing/lifecycle/abort-on-cancel';
import { streamChatTurn, type ChatTurnInput } from './stream-chat-turn';
import { ask, useOfflineTurnTracing } from './testing/offline-turn-tracing';

const { endedSpans } = useOfflineTurnTracing();

/** Starts a `/slow` turn, reads its response until some text arrived, then stops reading. */
async function turnReadThenLeft(input: Partial<ChatTurnInput> = {}, { watchCancel = true } = {}) {
  const { turn, result, clientGone } = await streamChatTurn({ sessionId: 's', messages: ask('/slow story'), signal: new AbortController().signal, ...input });
  const response = watchCancel ? abortOnCancel(result.toUIMessageStreamResponse(), clientGone) : result.toUIMessageStreamResponse();
  const reader = response.body!.getReader();
  let received = '';
  while (!/"delta":"[^"]*\w/.test(received)) received += new TextDecoder().decode((await reader.read()).value);
  return { turn, reader };
}


function expectBoth(spans: ReadableSpan[], outcome: string): void {
  const llm = spanByKind(spans, 'LLM');
  const turn = spanByKind(spans, 'AGENT');
  for (const span of [llm, turn]) {
    expect(span.attributes['stream.outcome'], span.name).toBe(outcome);
    expect(String(span.attributes['output.value'] ?? ''), `${span.name} keeps the partial output`).not.toBe('');
  }
  expect(turn.attributes['output.value']).toBe(llm.attributes['output.value']);
}

describe('a turn nobody reads any more ends itself', () => {
  it('on the request signal', async () => {
    const request = new AbortController();
    const { turn } = await turnReadThenLeft({ signal: request.signal, tools: {} });
    request.abort(new Error('client closed'));
    expectBoth(await endedSpans(turn.ended), 'aborted');
  });

  it('on its deadline', async () => {
    const { turn } = await turnReadThenLeft({ timeoutMs: 400, tools: {} });
    expectBoth(await endedSpans(turn.ended), 'timeout');
  });

  it('on its deadline after its response stream was cancelled (streamText then never calls onAbort)', async () => {
    const { turn, reader } = await turnReadThenLeft({ timeoutMs: 400, tools: {} }, { watchCancel: false });
    await reader.cancel(new Error('connection reset'));
    expectBoth(await endedSpans(turn.ended), 'timeout');
  });

  it('when its response stream is cancelled, even if the request signal never fires', async () => {
    const { turn, reader } = await turnReadThenLeft({ tools: {} });
    await reader.cancel(new Error('connection reset'));
    const spans = await endedSpans(turn.ended);
    expectBoth(spans, 'aborted');
    expect(spanByKind(spans, 'AGENT').attributes['stream.abort_reason']).toBe('The client disconnected.');
  });
});
