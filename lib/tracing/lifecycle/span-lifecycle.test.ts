import { SpanStatusCode, trace } from '@opentelemetry/api';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { OpenInferenceSpanKind } from '../vocabulary/semconv';
import { endAllOpenSpans, openSpanCount, outcomeOfAbort, startSpan, withSpan } from './span-lifecycle';
import { useInMemoryTracing } from '../testing/in-memory-tracing';

const tracing = useInMemoryTracing();
beforeEach(() => tracing.reset());

describe('startSpan / end', () => {
  it('ends a span exactly once, however often end is called', () => {
    const span = startSpan({ name: 'x', kind: OpenInferenceSpanKind.CHAIN });
    expect(span.end({ type: 'ok' }, { 'output.value': 'first' })).toBe(true);
    expect(span.end({ type: 'error', error: new Error('late') }, { 'output.value': 'second' })).toBe(false);
    const spans = tracing.spans();
    expect(spans).toHaveLength(1);
    expect(spans[0]!.attributes['openinference.span.kind']).toBe('CHAIN');
    expect(spans[0]!.attributes['output.value']).toBe('first');
    expect(spans[0]!.status.code).toBe(SpanStatusCode.OK);
    expect(spans[0]!.events).toHaveLength(0);
  });

  it('records ERROR with an exception event', () => {
    startSpan({ name: 'x', kind: OpenInferenceSpanKind.LLM }).end({ type: 'error', error: new TypeError('boom') });
    const [span] = tracing.spans();
    expect(span!.status).toEqual({ code: SpanStatusCode.ERROR, message: 'boom' });
    expect(span!.events[0]!.name).toBe('exception');
    expect(span!.events[0]!.attributes?.['exception.type']).toBe('TypeError');
    expect(span!.attributes['stream.outcome']).toBe('error');
  });

  it('marks aborts with an attribute and an event, without an error status', () => {
    startSpan({ name: 'x', kind: OpenInferenceSpanKind.LLM }).end({ type: 'aborted', reason: 'client closed' });
    const [span] = tracing.spans();
    expect(span!.status.code).toBe(SpanStatusCode.UNSET);
    expect(span!.attributes['stream.outcome']).toBe('aborted');
    expect(span!.events.map((e) => e.name)).toEqual(['stream.aborted']);
  });

  it('starts a new trace unless given a parent, and nests under an explicit parent', () => {
    const root = startSpan({ name: 'root', kind: OpenInferenceSpanKind.CHAIN });
    const child = startSpan({ name: 'child', kind: OpenInferenceSpanKind.LLM, parent: root.context });
    const other = startSpan({ name: 'other', kind: OpenInferenceSpanKind.CHAIN });
    child.end({ type: 'ok' });
    root.end({ type: 'ok' });
    other.end({ type: 'ok' });
    const [c, r, o] = tracing.spans();
    expect(c!.parentSpanContext?.spanId).toBe(r!.spanContext().spanId);
    expect(c!.spanContext().traceId).toBe(r!.spanContext().traceId);
    expect(r!.parentSpanContext).toBeUndefined();
    expect(o!.spanContext().traceId).not.toBe(r!.spanContext().traceId);
  });

  it('tracks open spans and can end them all (shutdown)', () => {
    const before = openSpanCount();
    startSpan({ name: 'a', kind: OpenInferenceSpanKind.CHAIN });
    startSpan({ name: 'b', kind: OpenInferenceSpanKind.LLM });
    expect(openSpanCount()).toBe(before + 2);
    expect(endAllOpenSpans({ type: 'aborted', reason: 'shutdown' })).toBe(before + 2);
    expect(openSpanCount()).toBe(0);
  });

  it('ends children before their parents on shutdown (a root ending force-ends its open children)', () => {
    const parent = startSpan({ name: 'turn', kind: OpenInferenceSpanKind.AGENT });
    const child = startSpan({ name: 'llm', kind: OpenInferenceSpanKind.LLM, parent: parent.context });
    child.finalStateOnInterrupt = () => ({ attributes: { 'output.value': 'partial so far' } });
    endAllOpenSpans({ type: 'aborted', reason: 'shutdown' });
    // The exporter receives spans in the order they ended.
    const ended = tracing.spans().filter((span) => span.name === 'turn' || span.name === 'llm');
    expect(ended.map((span) => span.name)).toEqual(['llm', 'turn']);
    expect(ended[0]!.attributes['output.value']).toBe('partial so far');
  });
});

describe('withSpan', () => {
  it('makes the span active, ends it OK and returns the result', async () => {
    const result = await withSpan({ name: 'w', kind: OpenInferenceSpanKind.CHAIN }, async (span) => {
      expect(trace.getActiveSpan()?.spanContext().spanId).toBe(span.spanId);
      return 42;
    });
    expect(result).toBe(42);
    expect(tracing.spans()[0]!.status.code).toBe(SpanStatusCode.OK);
  });

  it('records the exception, sets ERROR, ends and rethrows', async () => {
    await expect(
      withSpan({ name: 'w', kind: OpenInferenceSpanKind.TOOL }, () => {
        throw new Error('nope');
      }),
    ).rejects.toThrow('nope');
    const [span] = tracing.spans();
    expect(span!.status.code).toBe(SpanStatusCode.ERROR);
    expect(span!.events[0]!.name).toBe('exception');
  });
});

describe('outcomeOfAbort', () => {
  it('tells timeouts from aborts', () => {
    const timeout = new AbortController();
    timeout.abort(new DOMException('The operation timed out.', 'TimeoutError'));
    expect(outcomeOfAbort(timeout.signal)).toEqual({ type: 'timeout', reason: 'The operation timed out.' });
    const stop = new AbortController();
    stop.abort();
    expect(outcomeOfAbort(stop.signal).type).toBe('aborted');
  });

  it('ends its open children (and theirs) first, with the same outcome and their own final state', () => {
    const turn = startSpan({ name: 'turn', kind: OpenInferenceSpanKind.AGENT });
    const done = startSpan({ name: 'done', kind: OpenInferenceSpanKind.LLM, parent: turn.context });
    done.end({ type: 'ok' }, { 'output.value': 'finished' });
    const tool = startSpan({ name: 'tool', kind: OpenInferenceSpanKind.TOOL, parent: turn.context });
    const inner = startSpan({ name: 'inner', kind: OpenInferenceSpanKind.LLM, parent: tool.context });
    inner.finalStateOnInterrupt = () => ({
      attributes: { 'output.value': 'half an answer' },
      events: [{ name: 'First Token Stream Event', time: Date.now() }],
    });
    expect(turn.end({ type: 'aborted', reason: 'user pressed Stop' })).toBe(true);
    expect(openSpanCount()).toBe(0);
    const spans = tracing.spans();
    expect(spans.map((s) => s.name)).toEqual(['done', 'inner', 'tool', 'turn']);
    const byName = Object.fromEntries(spans.map((s) => [s.name, s]));
    expect(byName.done!.attributes['stream.outcome']).toBe('completed');
    for (const name of ['inner', 'tool', 'turn']) {
      expect(byName[name]!.attributes).toMatchObject({ 'stream.outcome': 'aborted', 'stream.abort_reason': 'user pressed Stop' });
    }
    expect(byName.inner!.attributes['output.value']).toBe('half an answer');
    expect(byName.inner!.events.map((e) => e.name)).toEqual(['First Token Stream Event', 'stream.aborted']);
    const end = (name: string) => BigInt(byName[name]!.endTime[0]) * 1_000_000_000n + BigInt(byName[name]!.endTime[1]);
    expect(end('inner')).toBeLessThanOrEqual(end('tool'));
    expect(end('tool')).toBeLessThanOrEqual(end('turn'));
  });

  it('does not trace work that starts after its parent ended (it could only end after it)', () => {
    const turn = startSpan({ name: 'turn', kind: OpenInferenceSpanKind.AGENT });
    turn.end({ type: 'aborted', reason: 'Stop' });
    const late = startSpan({ name: 'late tool', kind: OpenInferenceSpanKind.TOOL, parent: turn.context });
    expect(late.end({ type: 'ok' }, { 'output.value': 'x' })).toBe(true);
    expect(tracing.spans().map((s) => s.name)).toEqual(['turn']);
    expect(openSpanCount()).toBe(0);
  });
});

