import { BatchSpanProcessor, type SpanExporter, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { OTLPHttpJsonTraceExporter, OTLPHttpProtoTraceExporter, type Configuration } from '@vercel/otel';
import { resolveExportTarget, resolveProjectName, type Env } from './export-target';
import { ContextAttributesSpanProcessor } from './context-attributes-processor';
import { exportTimeoutMs, retryBounds } from './export-options';
import { createOtlpHttpSender, encoderOf } from './otlp-http-sender';
import { ResilientSpanExporter } from './resilient-exporter';
import { OpenInferenceSampler, samplerFromEnv } from './openinference-sampler';
import { localCopyTracesUrl, receiverHeaders } from '@/lib/inspector/inspector-source';
import { TeeSpanExporter } from './tee-span-exporter';
import { setTraceProcessor } from './trace-processor';
import { RESOURCE_ATTR } from '../vocabulary/semconv';
import { getSpanLimits } from '../vocabulary/attribute-budget';

export const SERVICE_NAME = 'traced-chat';
export { DEFAULT_ATTRIBUTE_VALUE_LENGTH_LIMIT } from '../vocabulary/attribute-budget';

/**
 * The `@vercel/otel` configuration `instrumentation.ts` registers. We pass our own span processor
 * (and no `traceExporter`), so `@vercel/otel` adds no exporter of its own and nothing is exported
 * twice when `OTEL_EXPORTER_OTLP_*` is set.
 */
export function createOTelConfiguration(env: Env): Configuration {
  const target = resolveExportTarget(env);
  for (const warning of target.warnings) console.warn(`[tracing] ${warning}`);
  const exporterConfig = { url: target.url, headers: target.headers };
  const otlp =
    target.protocol === 'http/json'
      ? new OTLPHttpJsonTraceExporter(exporterConfig)
      : new OTLPHttpProtoTraceExporter(exporterConfig);
  const primary = resilient(otlp, target.url, target.headers, env);
  // TRACE_LOCAL_COPY=1: the trace inspector's local receiver gets a copy of what goes to Phoenix.
  const copyUrl = localCopyTracesUrl(env);
  const exporter = copyUrl ? new TeeSpanExporter(primary, [new OTLPHttpProtoTraceExporter({ url: copyUrl, headers: receiverHeaders(env) })]) : primary;
  const batch = new BatchSpanProcessor(exporter, {
    scheduledDelayMillis: positiveInt(env.OTEL_BSP_SCHEDULE_DELAY, 5000),
    exportTimeoutMillis: positiveInt(env.OTEL_BSP_EXPORT_TIMEOUT, 10_000),
    maxQueueSize: positiveInt(env.OTEL_BSP_MAX_QUEUE_SIZE, 2048),
    maxExportBatchSize: positiveInt(env.OTEL_BSP_MAX_EXPORT_BATCH_SIZE, 512),
  });
  const allSpans = isTrue(env.TRACE_ALL_SPANS);
  const processor: SpanProcessor = batch;
  setTraceProcessor(processor, primary instanceof ResilientSpanExporter ? () => primary.drain() : undefined);
  return {
    serviceName: SERVICE_NAME,
    attributes: { [RESOURCE_ATTR.PROJECT_NAME]: resolveProjectName(env) },
    spanProcessors: [new ContextAttributesSpanProcessor(), processor],
    // Only spans with an OpenInference kind are recorded (Next's framework spans are non-recording
    // from the start), unless TRACE_ALL_SPANS=1; and no fetch instrumentation unless all spans are kept.
    traceSampler: allSpans ? samplerFromEnv(env) : new OpenInferenceSampler(samplerFromEnv(env)),
    ...(allSpans ? {} : { instrumentations: [] }),
    // 1024 attributes (not the SDK's 128) and 64 KiB values: see attribute-budget.ts.
    spanLimits: getSpanLimits(env),
  };
}

/**
 * Wraps the OTLP exporter: bounded export timeout, retry queue with backoff, one warning per state
 * change (see `resilient-exporter.ts`). Falls back to the plain exporter should its encoder be missing.
 */
function resilient(otlp: SpanExporter, url: string, headers: Record<string, string>, env: Env): SpanExporter {
  const encoder = encoderOf(otlp);
  if (!encoder) return otlp;
  const send = createOtlpHttpSender({ url, headers, encoder, timeoutMs: exportTimeoutMs(env) });
  return new ResilientSpanExporter({ url, send, ...retryBounds(env) });
}

function positiveInt(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return value !== undefined && Number.isInteger(parsed) && parsed >= 0 ? parsed : fallback;
}

function isTrue(value: string | undefined): boolean {
  return value === '1' || value?.toLowerCase() === 'true';
}
