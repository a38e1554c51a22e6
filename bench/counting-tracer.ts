/**
 * A tracer provider that counts every call that writes to a span (attributes, events, status,
 * exceptions, name) and every span exported, for proving that tracing work does not grow with the
 * number of streamed chunks.
 */
import type { Span, Tracer, TracerProvider } from '@opentelemetry/api';
import { BasicTracerProvider, SimpleSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-base';

export interface SpanWorkCounts {
  spans: number;
  /** Calls of setAttribute, setAttributes, addEvent, addLink(s), recordException, setStatus, updateName. */
  writes: number;
  /** Attribute keys written after the span started (setAttribute = 1, setAttributes = its keys). */
  attributeKeys: number;
  exportCalls: number;
}

const WRITES = new Set(['setAttribute', 'setAttributes', 'addEvent', 'addLink', 'addLinks', 'recordException', 'setStatus', 'updateName']);

export function createCountingTracerProvider(): { provider: TracerProvider; counts: SpanWorkCounts } {
  const counts: SpanWorkCounts = { spans: 0, writes: 0, attributeKeys: 0, exportCalls: 0 };
  const exporter: SpanExporter = {
    export(spans, done) {
      counts.exportCalls++;
      void spans;
      done({ code: 0 });
    },
    shutdown: async () => {},
  };
  const inner = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const countSpan = (span: Span): Span => {
    counts.spans++;
    return new Proxy(span, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver) as unknown;
        if (typeof property !== 'string' || typeof value !== 'function') return value;
        if (!WRITES.has(property)) return value.bind(target);
        return (...args: unknown[]) => {
          counts.writes++;
          if (property === 'setAttribute') counts.attributeKeys++;
          if (property === 'setAttributes') counts.attributeKeys += Object.keys(args[0] ?? {}).length;
          const result = (value as (...a: unknown[]) => unknown).apply(target, args);
          return result === target ? receiver : result;
        };
      },
    });
  };
  const provider: TracerProvider = {
    getTracer(name, version, options) {
      const tracer = inner.getTracer(name, version, options);
      const counting: Tracer = {
        startSpan: (spanName, spanOptions, context) => countSpan(tracer.startSpan(spanName, spanOptions, context)),
        startActiveSpan: tracer.startActiveSpan.bind(tracer) as Tracer['startActiveSpan'],
      };
      return counting;
    },
  };
  return { provider, counts };
}
