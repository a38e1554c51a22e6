/** Test-only: a global tracer provider that keeps finished spans in memory. */
import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
} from '@opentelemetry/sdk-trace-base';
import { ContextAttributesSpanProcessor } from '../context-attributes-processor';
import { DEFAULT_ATTRIBUTE_VALUE_LENGTH_LIMIT } from '../otel-configuration';

let exporter: InMemorySpanExporter | undefined;

export function useInMemoryTracing(): { spans: () => ReadableSpan[]; reset: () => void } {
  if (!exporter) {
    exporter = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({
      spanProcessors: [new ContextAttributesSpanProcessor(), new SimpleSpanProcessor(exporter)],
      spanLimits: { attributeValueLengthLimit: DEFAULT_ATTRIBUTE_VALUE_LENGTH_LIMIT },
    });
    trace.setGlobalTracerProvider(provider);
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  }
  const current = exporter;
  return { spans: () => current.getFinishedSpans(), reset: () => current.reset() };
}

export function spanByKind(spans: ReadableSpan[], kind: string): ReadableSpan {
  const found = spans.filter((span) => span.attributes['openinference.span.kind'] === kind);
  if (found.length !== 1) throw new Error(`expected one ${kind} span, found ${found.length}: ${spans.map((s) => s.name).join(', ')}`);
  return found[0]!;
}
