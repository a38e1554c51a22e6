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
import { resolveExportTarget, resolveProjectName, type Env } from '../lib/tracing/export/export-target';
import { SERVICE_NAME } from '../lib/tracing/export/otel-configuration';
import { RESOURCE_ATTR } from '../lib/tracing/vocabulary/semconv';
import { setTraceProcessor } from '../lib/tracing/export/trace-processor';

export function registerPeerTracing(env: Env): void {
  const target = resolveExportTarget(env);
  for (const warning of target.warnings) console.warn(`[tracing] ${warning}`);
  const processor = new OpenInferenceBatchSpanProcessor({
    exporter: new OTLPHttpProtoTraceExporter({ url: target.url, headers: target.headers }),
    spanFilter: isOpenInferenceSpan,
    // The AI SDK's root span is a child of Next's request span, which the filter drops.
    reparentOrphanedSpans: true,
    config: {
      scheduledDelayMillis: positiveInt(env.OTEL_BSP_SCHEDULE_DELAY, 5000),
      exportTimeoutMillis: positiveInt(env.OTEL_BSP_EXPORT_TIMEOUT, 10_000),
      maxQueueSize: positiveInt(env.OTEL_BSP_MAX_QUEUE_SIZE, 2048),
      maxExportBatchSize: positiveInt(env.OTEL_BSP_MAX_EXPORT_BATCH_SIZE, 512),
    },
  });
  // Flushed like ours: after each turn (unless TRACE_FLUSH_AFTER_TURN=0) and on shutdown.
  setTraceProcessor(processor);
  registerOTel({
    serviceName: SERVICE_NAME,
    attributes: { [RESOURCE_ATTR.PROJECT_NAME]: resolveProjectName(env) },
    spanProcessors: [processor],
  });
  registerTelemetry(new OpenTelemetry({ usage: true }));
}

function positiveInt(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return value !== undefined && Number.isInteger(parsed) && parsed >= 0 ? parsed : fallback;
}
