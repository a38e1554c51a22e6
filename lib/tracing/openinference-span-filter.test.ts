import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { describe, expect, it } from 'vitest';
import { OpenInferenceSpanFilter } from './openinference-span-filter';

describe('OpenInferenceSpanFilter', () => {
  it("forwards only spans with an OpenInference kind, not Next's framework spans", () => {
    const exporter = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({ spanProcessors: [new OpenInferenceSpanFilter(new SimpleSpanProcessor(exporter))] });
    const tracer = provider.getTracer('t');
    tracer.startSpan('POST /api/chat', { attributes: { 'http.method': 'POST' } }).end();
    tracer.startSpan('chat turn', { attributes: { 'openinference.span.kind': 'CHAIN' } }).end();
    expect(exporter.getFinishedSpans().map((s) => s.name)).toEqual(['chat turn']);
  });
});
