/** The LLM span's lifecycle before the provider answers, and when its turn ends first. */
import type { LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { SpanStatusCode } from '@opentelemetry/api';
import { MockLanguageModelV4 } from 'ai/test';
import { beforeEach, describe, expect, it } from 'vitest';
import { OpenInferenceSpanKind } from '../vocabulary/semconv';
import { openSpanCount, startSpan } from './span-lifecycle';
import { forceEndedSpans, useInMemoryTracing } from '../testing/in-memory-tracing';
import { traceLanguageModel } from './traced-model';

const tracing = useInMemoryTracing();
beforeEach(() => tracing.reset());
const prompt = [{ role: 'user' as const, content: [{ type: 'text' as const, text: 'hi' }] }];
const llm = () => tracing.spans().find((s) => s.attributes['openinference.span.kind'] === 'LLM')!;

function turnWith(doStream: MockLanguageModelV4['doStream']) {
  const turn = startSpan({ name: 'turn', kind: OpenInferenceSpanKind.AGENT });
  const model = traceLanguageModel(new MockLanguageModelV4({ modelId: 'mock-1', doStream }), { provider: 'p', system: 's' }, turn.context);
  return { turn, model };
}

describe('the LLM span before the first byte', () => {
  it('ends as aborted the moment the signal fires, even if the provider never answers', async () => {
    const abort = new AbortController();
    const { turn, model } = turnWith(() => new Promise(() => {})); // ignores the signal
    void model.doStream({ prompt, abortSignal: abort.signal });
    await Promise.resolve();
    expect(llm()).toBeUndefined();
    abort.abort(new Error('user pressed Stop'));
    expect(llm().attributes).toMatchObject({ 'stream.outcome': 'aborted', 'stream.abort_reason': 'user pressed Stop' });
    expect(llm().attributes['output.value']).toBeUndefined();
    turn.end({ type: 'aborted', reason: 'user pressed Stop' });
    expect(forceEndedSpans(tracing.spans())).toEqual([]);
  });

  it('ends as timeout (ERROR) when the deadline fires first', async () => {
    const abort = new AbortController();
    const { turn, model } = turnWith(() => new Promise(() => {}));
    void model.doStream({ prompt, abortSignal: abort.signal });
    abort.abort(new DOMException('The turn exceeded its 100 ms deadline.', 'TimeoutError'));
    expect(llm().attributes['stream.outcome']).toBe('timeout');
    expect(llm().status.code).toBe(SpanStatusCode.ERROR);
    turn.end({ type: 'timeout', reason: 'deadline' });
  });

  it('is ended by its turn, with its partial output and first-token event, when the turn ends first', async () => {
    let controller!: ReadableStreamDefaultController<LanguageModelV4StreamPart>;
    const stream = new ReadableStream<LanguageModelV4StreamPart>({ start: (c) => void (controller = c) });
    const { turn, model } = turnWith(async () => ({ stream }));
    const result = await model.doStream({ prompt });
    const reader = result.stream.getReader();
    controller.enqueue({ type: 'text-delta', id: 't', delta: 'Half an' });
    await reader.read();
    turn.end({ type: 'error', error: new Error('the turn failed') });
    expect(openSpanCount()).toBe(0);
    const [first, second] = tracing.spans();
    expect(first!.name).toBe('llm mock-1'); // child first
    expect(second!.name).toBe('turn');
    expect(first!.attributes).toMatchObject({ 'output.value': 'Half an', 'stream.outcome': 'error' });
    expect(first!.events.map((e) => e.name)).toContain('First Token Stream Event');
    // The provider's stream closing later changes nothing.
    controller.close();
    await reader.read();
    expect(tracing.spans()).toHaveLength(2);
    expect(forceEndedSpans(tracing.spans())).toEqual([]);
  });
});
