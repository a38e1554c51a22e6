import { context, trace } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type Span, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { describe, expect, it } from 'vitest';
import { OpenInferenceSampler, samplerOf } from './openinference-sampler';
import { readConfig } from '@/lib/config/read-config';

function setup(sampler = new OpenInferenceSampler()) {
  const exporter = new InMemorySpanExporter();
  const started: string[] = [];
  const counting: SpanProcessor = {
    onStart: (span: Span) => void started.push(span.name),
    onEnd: () => undefined,
    forceFlush: async () => undefined,
    shutdown: async () => undefined,
  };
  const provider = new BasicTracerProvider({ sampler, spanProcessors: [counting, new SimpleSpanProcessor(exporter)] });
  return { tracer: provider.getTracer('t'), exporter, started };
}

describe('OpenInferenceSampler', () => {
  it("never records Next's framework spans; records and exports spans with an OpenInference kind", () => {
    const { tracer, exporter, started } = setup();
    const request = tracer.startSpan('POST /api/chat', { attributes: { 'http.method': 'POST', 'next.span_type': 'BaseServer.handleRequest' } });
    const render = tracer.startSpan('render route', {}, trace.setSpan(context.active(), request));
    expect(request.isRecording()).toBe(false);
    expect(render.isRecording()).toBe(false);
    // The request span keeps valid ids, so the turn's link still points at it.
    const link = { context: request.spanContext() };
    expect(trace.isSpanContextValid(link.context)).toBe(true);
    const turn = tracer.startSpan('chat turn', { root: true, links: [link], attributes: { 'openinference.span.kind': 'AGENT' } });
    const llm = tracer.startSpan('llm', { attributes: { 'openinference.span.kind': 'LLM' } }, trace.setSpan(context.active(), turn));
    expect(turn.isRecording()).toBe(true);
    llm.end();
    turn.end();
    render.end();
    request.end();
    expect(started).toEqual(['chat turn', 'llm']); // no processor ever saw the framework spans
    const exported = exporter.getFinishedSpans();
    expect(exported.map((s) => s.name)).toEqual(['llm', 'chat turn']);
    expect(exported[1]!.links[0]!.context.spanId).toBe(request.spanContext().spanId);
    expect(exported[0]!.parentSpanContext?.spanId).toBe(turn.spanContext().spanId);
  });

  it('leaves the sampling of our spans to OTEL_TRACES_SAMPLER', () => {
    const off = setup(new OpenInferenceSampler(samplerOf(readConfig({ OTEL_TRACES_SAMPLER: 'always_off' }).tracing.sampler)));
    expect(off.tracer.startSpan('chat turn', { attributes: { 'openinference.span.kind': 'CHAIN' } }).isRecording()).toBe(false);
    const half = samplerOf(readConfig({ OTEL_TRACES_SAMPLER: 'traceidratio', OTEL_TRACES_SAMPLER_ARG: '0.5' }).tracing.sampler);
    expect(half.toString()).toMatch(/0\.5/);
    expect(samplerOf(readConfig({}).tracing.sampler).toString()).toMatch(/ParentBased/);
  });
});
