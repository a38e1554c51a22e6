/** Test fixtures: real spans from the OpenTelemetry JS SDK, serialized as its OTLP exporter sends them. */
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type HrTime, type Tracer } from '@opentelemetry/api';
import { ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';

/** Runs `body` with an SDK tracer (scope 'round-trip' 1.2.3) and returns the spans it ended. */
export function recordSpans(resource: Record<string, string>, body: (tracer: Tracer) => void): ReadableSpan[] {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes(resource),
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  body(provider.getTracer('round-trip', '1.2.3'));
  return exporter.getFinishedSpans();
}

/** Every attribute kind the decoder must keep: ints vs doubles, booleans, strings, arrays. */
export const RICH_ATTRIBUTES = {
  'llm.token_count.prompt': 42,
  'llm.token_count.total': 0,
  'big.int': 2 ** 40,
  'negative.int': -7,
  ratio: 0.25,
  'whole.double': 1.5e-300,
  flag: true,
  off: false,
  text: 'héllo ✓',
  empty: '',
  tags: ['a', 'b'],
  numbers: [1, 2.5],
};

/** A parent SERVER span and an INTERNAL child with every attribute kind, events, a link and an error. */
export function richSpans(): { parent: ReadableSpan; child: ReadableSpan; all: ReadableSpan[] } {
  const all = recordSpans({ 'service.name': 'rt', 'openinference.project.name': 'proj' }, (tracer) => {
    const parent = tracer.startSpan('parent', { kind: SpanKind.SERVER });
    const child = tracer.startSpan(
      'child',
      {
        attributes: RICH_ATTRIBUTES,
        links: [{ context: parent.spanContext(), attributes: { why: 'linked' } }],
      },
      trace.setSpan(ROOT_CONTEXT, parent),
    );
    child.addEvent('first token', { 'at.index': 3, 'at.ratio': 0.5 });
    child.recordException(new TypeError('bad thing'));
    child.setStatus({ code: SpanStatusCode.ERROR, message: 'it failed' });
    child.end();
    parent.setStatus({ code: SpanStatusCode.OK });
    parent.end();
  });
  const child = all.find((s) => s.name === 'child')!;
  const parent = all.find((s) => s.name === 'parent')!;
  return { parent, child, all };
}

/** One span named `name` (attribute n=1) under a resource that names project `project`. */
export function oneSpanExport(name = 'one', project = 'from-resource'): Uint8Array<ArrayBuffer> {
  const spans = recordSpans({ 'openinference.project.name': project }, (tracer) => {
    tracer.startSpan(name, { attributes: { n: 1 } }).end();
  });
  return serialize(spans);
}

export function serialize(spans: ReadableSpan[]): Uint8Array<ArrayBuffer> {
  const bytes = ProtobufTraceSerializer.serializeRequest(spans);
  if (!bytes) throw new Error('the OTLP serializer returned nothing');
  return new Uint8Array(bytes);
}

export const nanos = ([seconds, ns]: HrTime): bigint => BigInt(seconds) * 1_000_000_000n + BigInt(ns);
