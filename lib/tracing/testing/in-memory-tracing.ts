/**
 * Test-only: the provider production registers — `@vercel/otel`'s own SDK, with its span processor
 * that force-ends every open span of a trace when the trace's root ends, and this app's span limits —
 * exporting finished spans to memory. So a span of ours that would be force-ended in production is
 * force-ended here too (and `forceEndedSpans` finds it).
 */
import { registerOTel } from '@vercel/otel';
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { getSpanLimits } from '../vocabulary/attribute-budget';
import { ContextAttributesSpanProcessor } from '../export/context-attributes-processor';

let exporter: InMemorySpanExporter | undefined;

export function useInMemoryTracing(): { spans: () => ReadableSpan[]; reset: () => void } {
  if (!exporter) {
    exporter = new InMemorySpanExporter();
    registerOTel({
      serviceName: 'traced-chat-test',
      spanProcessors: [new ContextAttributesSpanProcessor(), new SimpleSpanProcessor(exporter)],
      spanLimits: getSpanLimits(),
      instrumentations: [],
      propagators: ['none'],
    });
  }
  const current = exporter;
  return { spans: () => current.getFinishedSpans(), reset: () => current.reset() };
}

export function spanByKind(spans: ReadableSpan[], kind: string): ReadableSpan {
  const found = spans.filter((span) => span.attributes['openinference.span.kind'] === kind);
  if (found.length !== 1) throw new Error(`expected one ${kind} span, found ${found.length}: ${spans.map((s) => s.name).join(', ')}`);
  return found[0]!;
}

/**
 * Spans of ours not ended by us: every span this app ends gets `stream.outcome` (span-outcome.ts),
 * so one without it was ended by someone else — `@vercel/otel` force-ending it with its root.
 */
export function forceEndedSpans(spans: readonly ReadableSpan[]): string[] {
  return spans.filter((span) => span.attributes['stream.outcome'] === undefined).map((span) => span.name);
}

/** Child spans that ended after their parent (in the order the exporter received them, or by end time). */
export function childrenEndingAfterParent(spans: readonly ReadableSpan[]): string[] {
  const byId = new Map(spans.map((span, index) => [span.spanContext().spanId, { span, index }]));
  return spans.flatMap((span, index) => {
    const parent = byId.get(span.parentSpanContext?.spanId ?? '');
    if (!parent) return [];
    const later = index > parent.index || toNanos(span.endTime) > toNanos(parent.span.endTime);
    return later ? [`${span.name} ended after ${parent.span.name}`] : [];
  });
}

function toNanos([seconds, nanos]: readonly [number, number]): bigint {
  return BigInt(seconds) * 1_000_000_000n + BigInt(nanos);
}

/** Spans that lost attributes to the count limit. */
export function spansWithDroppedAttributes(spans: readonly ReadableSpan[]): string[] {
  return spans.filter((span) => span.droppedAttributesCount > 0).map((span) => `${span.name} (${span.droppedAttributesCount})`);
}
