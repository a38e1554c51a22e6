import type { LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { SpanStatusCode, type Context } from '@opentelemetry/api';
import { MockLanguageModelV4 } from 'ai/test';
import { beforeEach, describe, expect, it } from 'vitest';
import { OpenInferenceSpanKind } from '../vocabulary/semconv';
import { startSpan } from './span-lifecycle';
import { useInMemoryTracing } from '../testing/in-memory-tracing';
import { traceLanguageModel } from './traced-model';

const tracing = useInMemoryTracing();
beforeEach(() => tracing.reset());

const usage = {
  inputTokens: { total: 11, noCache: 11, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 2, text: 2, reasoning: undefined },
};
const words: LanguageModelV4StreamPart[] = [
  { type: 'stream-start', warnings: [] },
  { type: 'text-start', id: 't' },
  { type: 'text-delta', id: 't', delta: 'Hello' },
  { type: 'text-delta', id: 't', delta: ' world' },
  { type: 'text-end', id: 't' },
];
const finish: LanguageModelV4StreamPart = { type: 'finish', usage, finishReason: { unified: 'stop', raw: 'stop' } };
const prompt = [{ role: 'user' as const, content: [{ type: 'text' as const, text: 'hi' }] }];

/** A stream the test feeds by hand, to control exactly when each part arrives. */
function manualStream() {
  let controller!: ReadableStreamDefaultController<LanguageModelV4StreamPart>;
  const stream = new ReadableStream<LanguageModelV4StreamPart>({ start: (c) => void (controller = c) });
  return { stream, controller };
}

function traced(doStream: MockLanguageModelV4['doStream']) {
  const parent = startSpan({ name: 'turn', kind: OpenInferenceSpanKind.CHAIN });
  const model = traceLanguageModel(new MockLanguageModelV4({ modelId: 'mock-1', doStream }), { provider: 'p', system: 's' }, parent.context as Context);
  return { parent, model };
}

async function drain(stream: ReadableStream<unknown>): Promise<unknown[]> {
  const parts: unknown[] = [];
  for await (const part of stream) parts.push(part);
  return parts;
}

const llmSpans = () => tracing.spans().filter((s) => s.attributes['openinference.span.kind'] === 'LLM');

describe('traceLanguageModel doStream', () => {
  it('sets output and counts when the stream closes, not before, and ends after the last chunk', async () => {
    const { stream, controller } = manualStream();
    const { parent, model } = traced(async () => ({ stream }));
    const result = await model.doStream({ prompt });
    const reader = result.stream.getReader();
    for (const part of [...words, finish]) controller.enqueue(part);
    for (let i = 0; i < 6; i++) await reader.read();
    expect(llmSpans()).toHaveLength(0); // all chunks read, stream not closed yet: span still open
    const lastChunkAt = Date.now();
    controller.close();
    expect((await reader.read()).done).toBe(true);
    const [span] = llmSpans();
    expect(span!.parentSpanContext?.spanId).toBe(parent.spanId);
    expect(span!.attributes).toMatchObject({
      'llm.model_name': 'mock-1',
      'llm.provider': 'p',
      'llm.system': 's',
      'llm.input_messages.0.message.content': 'hi',
      'output.value': 'Hello world',
      'llm.output_messages.0.message.content': 'Hello world',
      'llm.token_count.prompt': 11,
      'llm.token_count.completion': 2,
      'llm.token_count.total': 13,
      'llm.finish_reason': 'stop',
      'stream.outcome': 'completed',
    });
    expect(span!.status.code).toBe(SpanStatusCode.OK);
    const endMs = span!.endTime[0] * 1000 + span!.endTime[1] / 1e6;
    expect(endMs).toBeGreaterThanOrEqual(lastChunkAt - 1);
  });

  it('records time to first token as an event at the first text delta, and the offered tools', async () => {
    const { stream, controller } = manualStream();
    const { model } = traced(async () => ({ stream }));
    const tools = [{ type: 'function' as const, name: 'calculator', description: 'Adds', inputSchema: { type: 'object', properties: { expression: { type: 'string' } } } }];
    const result = await model.doStream({ prompt, tools });
    const reader = result.stream.getReader();
    controller.enqueue(words[0]!);
    await reader.read();
    await new Promise((resolve) => setTimeout(resolve, 30));
    const beforeFirst = Date.now();
    controller.enqueue(words[2]!);
    await reader.read();
    await new Promise((resolve) => setTimeout(resolve, 30));
    controller.enqueue(words[3]!);
    controller.enqueue(finish);
    controller.close();
    while (!(await reader.read()).done);
    const [span] = llmSpans();
    const events = span!.events.filter((e) => e.name === 'First Token Stream Event');
    expect(events).toHaveLength(1);
    const eventMs = events[0]!.time[0] * 1000 + events[0]!.time[1] / 1e6;
    expect(eventMs).toBeGreaterThanOrEqual(beforeFirst - 1);
    expect(eventMs).toBeLessThan(beforeFirst + 25); // the first delta, not the second one 30 ms later
    const ttft = events[0]!.attributes!['llm.time_to_first_token_ms'] as number;
    expect(ttft).toBeGreaterThanOrEqual(29);
    expect(JSON.parse(span!.attributes['llm.tools.0.tool.json_schema'] as string)).toEqual({
      type: 'function',
      function: { name: 'calculator', description: 'Adds', parameters: tools[0]!.inputSchema },
    });
  });

  it('records ERROR when the provider throws before streaming, and rethrows', async () => {
    const { model } = traced(async () => {
      throw new Error('401 unauthorized');
    });
    await expect(model.doStream({ prompt })).rejects.toThrow('401');
    const [span] = llmSpans();
    expect(span!.status).toEqual({ code: SpanStatusCode.ERROR, message: '401 unauthorized' });
    expect(span!.events[0]!.name).toBe('exception');
    expect(span!.attributes['output.value']).toBeUndefined();
  });

  it('records ERROR for an error part mid-stream, keeping the partial output and no counts', async () => {
    const { model } = traced(async () => ({
      stream: new ReadableStream({
        start(c) {
          for (const part of words.slice(0, 3)) c.enqueue(part);
          c.enqueue({ type: 'error', error: new Error('overloaded') });
          c.close();
        },
      }),
    }));
    await drain((await model.doStream({ prompt })).stream);
    const [span] = llmSpans();
    expect(span!.status.code).toBe(SpanStatusCode.ERROR);
    expect(span!.events.map((e) => e.name)).toContain('exception');
    expect(span!.attributes['output.value']).toBe('Hello');
    expect(span!.attributes['llm.token_count.prompt']).toBeUndefined();
    expect(span!.attributes['llm.token_count.total']).toBeUndefined();
  });

  it('records ERROR when the provider stream breaks (connection reset)', async () => {
    const { stream, controller } = manualStream();
    const { model } = traced(async () => ({ stream }));
    const out = (await model.doStream({ prompt })).stream;
    controller.enqueue(words[2]!);
    controller.error(new Error('ECONNRESET'));
    await expect(drain(out)).rejects.toThrow('ECONNRESET');
    const [span] = llmSpans();
    expect(span!.status).toEqual({ code: SpanStatusCode.ERROR, message: 'ECONNRESET' });
    expect(span!.attributes['output.value']).toBe('Hello');
  });

  it('ends once on abort, with the partial output, an abort marker and no invented counts', async () => {
    const { stream, controller } = manualStream();
    const { model } = traced(async () => ({ stream }));
    const abort = new AbortController();
    const out = (await model.doStream({ prompt, abortSignal: abort.signal })).stream.getReader();
    controller.enqueue(words[2]!);
    await out.read();
    abort.abort(new Error('client closed the connection'));
    controller.error(abort.signal.reason);
    await out.read().catch(() => undefined);
    await out.cancel().catch(() => undefined);
    const spans = llmSpans();
    expect(spans).toHaveLength(1);
    expect(spans[0]!.attributes).toMatchObject({
      'output.value': 'Hello',
      'stream.outcome': 'aborted',
      'stream.abort_reason': 'client closed the connection',
    });
    expect(spans[0]!.attributes['llm.token_count.completion']).toBeUndefined();
    expect(spans[0]!.events.map((e) => e.name)).toEqual(['First Token Stream Event', 'stream.aborted']);
  });

  it('marks a timeout as ERROR', async () => {
    const { stream } = manualStream();
    const { model } = traced(async () => ({ stream }));
    const timeout = new AbortController();
    await model.doStream({ prompt, abortSignal: timeout.signal });
    timeout.abort(new DOMException('The operation timed out.', 'TimeoutError'));
    const [span] = llmSpans();
    expect(span!.attributes['stream.outcome']).toBe('timeout');
    expect(span!.status.code).toBe(SpanStatusCode.ERROR);
  });

  it('ends as aborted when the consumer cancels the stream', async () => {
    const { stream, controller } = manualStream();
    const { model } = traced(async () => ({ stream }));
    const reader = (await model.doStream({ prompt })).stream.getReader();
    controller.enqueue(words[2]!);
    await reader.read();
    await reader.cancel();
    const [span] = llmSpans();
    expect(span!.attributes['stream.outcome']).toBe('aborted');
    expect(span!.attributes['output.value']).toBe('Hello');
  });
});

describe('traceLanguageModel doGenerate', () => {
  it('traces a non-streaming call', async () => {
    const parent = startSpan({ name: 'turn', kind: OpenInferenceSpanKind.CHAIN });
    const model = traceLanguageModel(
      new MockLanguageModelV4({
        doGenerate: {
          content: [{ type: 'text', text: 'done' }],
          finishReason: { unified: 'stop', raw: 'stop' },
          usage,
          warnings: [],
        },
      }),
      { provider: 'p', system: 's' },
      parent.context,
    );
    await model.doGenerate({ prompt });
    const [span] = llmSpans();
    expect(span!.attributes['output.value']).toBe('done');
    expect(span!.attributes['llm.token_count.total']).toBe(13);
  });
});
