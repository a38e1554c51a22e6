import { SpanKind, SpanStatusCode, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { describe, expect, it } from 'vitest';
import { decodeTraceRequest } from './decode-traces';

function makeSpans(): ReadableSpan[] {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'rt', 'openinference.project.name': 'proj' }),
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  const tracer = provider.getTracer('round-trip', '1.2.3');
  const parent = tracer.startSpan('parent', { kind: SpanKind.SERVER });
  const child = tracer.startSpan(
    'child',
    {
      attributes: {
        'llm.token_count.prompt': 42,
        'big.int': 2 ** 40,
        'negative.int': -7,
        ratio: 0.25,
        flag: true,
        text: 'héllo ✓',
        empty: '',
        tags: ['a', 'b'],
        numbers: [1, 2.5],
      },
      links: [{ context: parent.spanContext(), attributes: { why: 'linked' } }],
    },
    trace.setSpan(ROOT_CONTEXT, parent),
  );
  child.addEvent('first token', { 'at.index': 3 });
  child.recordException(new TypeError('bad thing'));
  child.setStatus({ code: SpanStatusCode.ERROR, message: 'it failed' });
  child.end();
  parent.setStatus({ code: SpanStatusCode.OK });
  parent.end();
  return exporter.getFinishedSpans();
}

const nanos = ([seconds, ns]: [number, number]) => BigInt(seconds) * 1_000_000_000n + BigInt(ns);

describe('decodeTraceRequest (round trip against the OpenTelemetry JS serializer)', () => {
  it('decodes every field the SDK encodes', () => {
    const sdkSpans = makeSpans();
    const bytes = ProtobufTraceSerializer.serializeRequest(sdkSpans);
    expect(bytes).toBeInstanceOf(Uint8Array);
    const spans = decodeTraceRequest(bytes!);
    expect(spans).toHaveLength(2);
    const [sdkChild, sdkParent] = sdkSpans;
    const child = spans.find((s) => s.name === 'child')!;
    const parent = spans.find((s) => s.name === 'parent')!;

    expect(child.traceId).toBe(sdkChild!.spanContext().traceId);
    expect(child.spanId).toBe(sdkChild!.spanContext().spanId);
    expect(child.parentSpanId).toBe(sdkParent!.spanContext().spanId);
    expect(parent.parentSpanId).toBeUndefined();
    expect(parent.kind).toBe(2); // SPAN_KIND_SERVER
    expect(child.kind).toBe(1); // SPAN_KIND_INTERNAL
    expect(child.startTimeUnixNano).toBe(nanos(sdkChild!.startTime));
    expect(child.endTimeUnixNano).toBe(nanos(sdkChild!.endTime));

    expect(child.attributes).toEqual({
      'llm.token_count.prompt': 42,
      'big.int': 2 ** 40,
      'negative.int': -7,
      ratio: 0.25,
      flag: true,
      text: 'héllo ✓',
      empty: '',
      tags: ['a', 'b'],
      numbers: [1, 2.5],
    });
    expect(child.attributeTypes).toMatchObject({
      'llm.token_count.prompt': 'int',
      'negative.int': 'int',
      ratio: 'double',
      flag: 'bool',
      text: 'string',
      tags: 'array',
    });

    expect(child.status).toEqual({ code: 2, message: 'it failed' });
    expect(parent.status).toEqual({ code: 1 });
    expect(child.events.map((e) => e.name)).toEqual(['first token', 'exception']);
    expect(child.events[0]!.attributes).toEqual({ 'at.index': 3 });
    expect(child.events[0]!.timeUnixNano).toBe(nanos(sdkChild!.events[0]!.time));
    expect(child.events[1]!.attributes).toMatchObject({ 'exception.type': 'TypeError', 'exception.message': 'bad thing' });
    expect(child.links).toEqual([{ traceId: parent.traceId, spanId: parent.spanId, attributes: { why: 'linked' } }]);
    expect(child.resource).toMatchObject({ 'service.name': 'rt', 'openinference.project.name': 'proj' });
    expect(child.scope).toEqual({ name: 'round-trip', version: '1.2.3' });
  });

  it('rejects bytes that are not an export request', () => {
    expect(() => decodeTraceRequest(new Uint8Array([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f]))).toThrow();
  });
});
