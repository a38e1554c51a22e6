import { SpanStatusCode } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { spanByKind, useInMemoryTracing } from '@/lib/tracing/testing/in-memory-tracing';
import { openSpanCount } from '@/lib/tracing/lifecycle/span-lifecycle';
import type { ChatMessage } from './chat-message';
import { streamChatTurn } from './stream-chat-turn';

const tracing = useInMemoryTracing();
beforeAll(() => {
  vi.stubEnv('OPENAI_API_KEY', '');
  vi.stubEnv('OFFLINE_MODEL_DELAY_MS', '0');
});
beforeEach(() => tracing.reset());

const ask = (text: string): ChatMessage[] => [{ id: 'u1', role: 'user', parts: [{ type: 'text', text }] }];

async function turnSpans(): Promise<{ chain: ReadableSpan; llm: ReadableSpan }> {
  await vi.waitFor(() => expect(tracing.spans().some((s) => s.attributes['openinference.span.kind'] === 'CHAIN')).toBe(true));
  const spans = tracing.spans();
  return { chain: spanByKind(spans, 'CHAIN'), llm: spanByKind(spans, 'LLM') };
}

/** Reads the UI message stream the route would send, as the browser would. */
async function readUiStream(stream: ReadableStream<unknown>, stopAfterTextChunks = Infinity, onStop?: () => void) {
  const chunks: { type: string; delta?: string; errorText?: string }[] = [];
  let texts = 0;
  for await (const chunk of stream as ReadableStream<{ type: string; delta?: string; errorText?: string }>) {
    chunks.push(chunk);
    if (chunk.type === 'text-delta' && ++texts === stopAfterTextChunks) onStop?.();
  }
  return chunks;
}

describe('streamChatTurn (offline model, real AI SDK)', () => {
  it('ends CHAIN and LLM OK with the full output, LLM nested under CHAIN', async () => {
    const { turn, result } = await streamChatTurn({ sessionId: 's1', messages: ask('Hello'), signal: new AbortController().signal });
    const chunks = await readUiStream(result.toUIMessageStream());
    const text = chunks.flatMap((c) => (c.type === 'text-delta' ? [c.delta] : [])).join('');
    const { chain, llm } = await turnSpans();
    expect(chain.spanContext().traceId).toBe(turn.traceId);
    expect(llm.parentSpanContext?.spanId).toBe(chain.spanContext().spanId);
    expect(chain.attributes).toMatchObject({ 'input.value': 'Hello', 'session.id': 's1', 'output.value': text });
    expect(llm.attributes['output.value']).toBe(text);
    expect(chain.status.code).toBe(SpanStatusCode.OK);
    expect(openSpanCount()).toBe(0);
  });

  it('ends both spans with ERROR when the provider fails before streaming (/fail)', async () => {
    const { result } = await streamChatTurn({ sessionId: 's1', messages: ask('/fail now'), signal: new AbortController().signal });
    const chunks = await readUiStream(result.toUIMessageStream({ onError: (e) => (e as Error).message }));
    expect(chunks.some((c) => c.type === 'error')).toBe(true);
    const { chain, llm } = await turnSpans();
    expect(chain.status.code).toBe(SpanStatusCode.ERROR);
    expect(llm.status.code).toBe(SpanStatusCode.ERROR);
    expect(llm.events.map((e) => e.name)).toContain('exception');
    expect(openSpanCount()).toBe(0);
  });

  it('ends both spans with ERROR on an error mid-stream (/fail-mid)', async () => {
    const { result } = await streamChatTurn({ sessionId: 's1', messages: ask('/fail-mid now'), signal: new AbortController().signal });
    await readUiStream(result.toUIMessageStream({ onError: (e) => (e as Error).message }));
    const { chain, llm } = await turnSpans();
    expect(chain.status.code).toBe(SpanStatusCode.ERROR);
    expect(llm.status.code).toBe(SpanStatusCode.ERROR);
    expect(String(llm.attributes['output.value']).length).toBeGreaterThan(0);
    expect(openSpanCount()).toBe(0);
  });

  it('ends both spans once as aborted, with the partial output, when the client goes away', async () => {
    const abort = new AbortController();
    const { result } = await streamChatTurn({ sessionId: 's1', messages: ask('/slow story'), signal: abort.signal });
    await readUiStream(result.toUIMessageStream(), 3, () => abort.abort(new Error('client closed')));
    const { chain, llm } = await turnSpans();
    for (const span of [chain, llm]) {
      expect(span.attributes['stream.outcome']).toBe('aborted');
      expect(String(span.attributes['output.value']).length).toBeGreaterThan(0);
    }
    expect(llm.attributes['llm.token_count.completion']).toBeUndefined();
    expect(tracing.spans()).toHaveLength(2);
    expect(openSpanCount()).toBe(0);
  });

  it('ends both spans as timeout (ERROR) when the turn exceeds its deadline', async () => {
    const { result } = await streamChatTurn({
      sessionId: 's1',
      messages: ask('/slow story'),
      signal: new AbortController().signal,
      timeoutMs: 400,
    });
    await readUiStream(result.toUIMessageStream());
    const { chain, llm } = await turnSpans();
    for (const span of [chain, llm]) {
      expect(span.attributes['stream.outcome']).toBe('timeout');
      expect(span.status.code).toBe(SpanStatusCode.ERROR);
    }
    expect(openSpanCount()).toBe(0);
  });

  it('opens no spans of ours with TRACING_MODE=off, and the turn still ends', async () => {
    vi.stubEnv('TRACING_MODE', 'off');
    try {
      const { turn, result } = await streamChatTurn({ sessionId: 's1', messages: ask('Hello'), signal: new AbortController().signal });
      const chunks = await readUiStream(result.toUIMessageStream());
      expect(chunks.some((c) => c.type === 'text-delta')).toBe(true);
      await turn.ended;
      expect(tracing.spans()).toHaveLength(0);
    } finally {
      vi.stubEnv('TRACING_MODE', '');
    }
  });
});
