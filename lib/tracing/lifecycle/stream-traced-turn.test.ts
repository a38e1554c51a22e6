/** The one traced turn on its own: what a route handler of someone else's app gets (the guide's path). */
import { SpanStatusCode } from '@opentelemetry/api';
import { simulateReadableStream, type ModelMessage } from 'ai';
import { MockLanguageModelV4 } from 'ai/test';
import { beforeEach, describe, expect, it } from 'vitest';
import { forceEndedSpans, useInMemoryTracing } from '../testing/in-memory-tracing';
import { openSpanCount } from './span-lifecycle';
import { lastUserText, streamTracedTurn } from './stream-traced-turn';

const tracing = useInMemoryTracing();
beforeEach(() => tracing.reset());

const usage = { inputTokens: { total: 3, noCache: 3, cacheRead: undefined, cacheWrite: undefined }, outputTokens: { total: 2, text: 2, reasoning: undefined } };
const messages: ModelMessage[] = [
  { role: 'user', content: 'first question' },
  { role: 'assistant', content: 'an answer' },
  { role: 'user', content: [{ type: 'text', text: 'second ' }, { type: 'text', text: 'question' }] },
];

function model(chunkDelayInMs: number, deltas = ['Hello', ' there']) {
  return new MockLanguageModelV4({
    modelId: 'mock-1',
    doStream: async () => ({
      stream: simulateReadableStream({
        chunkDelayInMs,
        chunks: [
          { type: 'text-start', id: 't' },
          ...deltas.map((delta) => ({ type: 'text-delta' as const, id: 't', delta })),
          { type: 'text-end', id: 't' },
          { type: 'finish', finishReason: { unified: 'stop', raw: 'stop' }, usage },
        ],
      }),
    }),
  });
}

const byKind = (kind: string) => tracing.spans().filter((span) => span.attributes['openinference.span.kind'] === kind);

describe('streamTracedTurn', () => {
  it('is one CHAIN turn with its LLM span, output and token counts set when the stream closes', async () => {
    const { turn, result } = streamTracedTurn({ sessionId: 's-1', messages, model: model(0), identity: { provider: 'openai', system: 'openai' } });
    expect(await result.text).toBe('Hello there');
    await turn.ended;
    const [chain] = byKind('CHAIN');
    const [llm] = byKind('LLM');
    expect(chain!.attributes).toMatchObject({ 'input.value': 'second question', 'output.value': 'Hello there', 'session.id': 's-1', 'stream.outcome': 'completed' });
    expect(llm!.attributes).toMatchObject({ 'llm.model_name': 'mock-1', 'llm.provider': 'openai', 'llm.token_count.prompt': 3, 'llm.token_count.completion': 2, 'output.value': 'Hello there' });
    expect(llm!.parentSpanContext?.spanId).toBe(chain!.spanContext().spanId);
    expect(forceEndedSpans(tracing.spans())).toEqual([]);
  });

  it("ends the turn as aborted with the partial output when the response is cancelled (clientGone), nobody reading on", async () => {
    const { turn, result, clientGone } = streamTracedTurn({
      sessionId: 's-2',
      messages,
      model: model(30, ['one ', 'two ', 'three ', 'four ', 'five ']),
      identity: { provider: 'openai', system: 'openai' },
      timeoutMs: 60_000,
    });
    const reader = result.textStream.getReader();
    await reader.read();
    clientGone();
    await turn.ended;
    expect(openSpanCount()).toBe(0);
    const [chain] = byKind('CHAIN');
    const [llm] = byKind('LLM');
    expect(llm!.attributes['stream.outcome']).toBe('aborted');
    expect(chain!.attributes['stream.outcome']).toBe('aborted');
    expect(String(chain!.attributes['output.value'])).toMatch(/^one /);
    expect(Number(llm!.endTime[0]) * 1e9 + llm!.endTime[1]).toBeLessThanOrEqual(Number(chain!.endTime[0]) * 1e9 + chain!.endTime[1]);
  });

  it('ends the turn as timeout (ERROR) at its deadline', async () => {
    const { turn } = streamTracedTurn({ sessionId: 's-3', messages, model: model(200, ['slow ', 'slow ', 'slow ']), identity: { provider: 'p', system: 's' }, timeoutMs: 50 });
    await turn.ended;
    const [chain] = byKind('CHAIN');
    expect(chain!.attributes['stream.outcome']).toBe('timeout');
    expect(chain!.status.code).toBe(SpanStatusCode.ERROR);
  });
});

describe('lastUserText', () => {
  it('is the text of the last user message, string or parts', () => {
    expect(lastUserText(messages)).toBe('second question');
    expect(lastUserText([{ role: 'user', content: 'only' }])).toBe('only');
    expect(lastUserText([])).toBe('');
  });
});
