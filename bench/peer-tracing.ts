/**
 * `TRACING_MODE=peer`: the common alternative to our spans, set up the way
 * `@arizeai/openinference-vercel`'s README does it for Next.js — `@vercel/otel` with its
 * OpenInference span processor, and the AI SDK's own telemetry (`@ai-sdk/otel`), which is on for every
 * call once registered. Used only by the benchmark (both packages are dev dependencies); Node runtime
 * only (`instrumentation.ts` imports this dynamically, so the edge bundle never contains it).
 *
 * It exports OTLP protobuf to the same endpoint as our tracing, with the same batch settings, so the
 * two are compared on equal terms.
 */
import { OpenTelemetry } from '@ai-sdk/otel';
import { isOpenInferenceSpan, OpenInferenceBatchSpanProcessor } from '@arizeai/openinference-vercel';
import { OTLPHttpProtoTraceExporter, registerOTel } from '@vercel/otel';
import { registerTelemetry } from 'ai';
import type { AppConfig } from '../lib/config/config-types';
import { resolveExportTarget } from '../lib/tracing/export/export-target';
import { RESOURCE_ATTR } from '../lib/tracing/vocabulary/semconv';
import { setTraceProcessor } from '../lib/tracing/export/trace-processor';

export function registerPeerTracing(config: AppConfig): void {
  const target = resolveExportTarget(config);
  const processor = new OpenInferenceBatchSpanProcessor({
    exporter: new OTLPHttpProtoTraceExporter({ url: target.url, headers: target.headers }),
    spanFilter: isOpenInferenceSpan,
    // The AI SDK's root span is a child of Next's request span, which the filter drops.
    reparentOrphanedSpans: true,
    config: { ...config.batch },
  });
  // Flushed like ours: after each turn (unless TRACE_FLUSH_AFTER_TURN=0) and on shutdown.
  setTraceProcessor(processor);
  registerOTel({
    serviceName: config.tracing.serviceName,
    attributes: { [RESOURCE_ATTR.PROJECT_NAME]: config.phoenix.projectName },
    spanProcessors: [processor],
  });
  registerTelemetry(new OpenTelemetry({ usage: true }));
}
