import { BatchSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { OTLPHttpJsonTraceExporter, OTLPHttpProtoTraceExporter, type Configuration } from '@vercel/otel';
import type { AppConfig } from '@/lib/config/config-types';
import { resolveExportTarget } from './export-target';
import { ContextAttributesSpanProcessor } from './context-attributes-processor';
import { retryBounds } from './export-options';
import { createOtlpHttpSender, encoderOf } from './otlp-http-sender';
import { ResilientSpanExporter } from './resilient-exporter';
import { OpenInferenceSampler, samplerOf } from './openinference-sampler';
import { localCopyTarget } from './local-copy';
import { TeeSpanExporter } from './tee-span-exporter';
import { setTraceProcessor } from './trace-processor';
import { RESOURCE_ATTR } from '../vocabulary/semconv';
import { getSpanLimits } from '../vocabulary/attribute-budget';

export { DEFAULT_SERVICE_NAME as SERVICE_NAME } from '@/lib/config/config-defaults';
export { DEFAULT_ATTRIBUTE_VALUE_LENGTH_LIMIT } from '../vocabulary/attribute-budget';

/**
 * The `@vercel/otel` configuration `instrumentation.ts` registers. We pass our own span processor
 * (and no `traceExporter`), so `@vercel/otel` adds no exporter of its own and nothing is exported
 * twice when `OTEL_EXPORTER_OTLP_*` is set.
 */
export function createOTelConfiguration(config: AppConfig): Configuration {
  const target = resolveExportTarget(config);
  const exporterConfig = { url: target.url, headers: target.headers };
  const otlp =
    target.protocol === 'http/json'
      ? new OTLPHttpJsonTraceExporter(exporterConfig)
      : new OTLPHttpProtoTraceExporter(exporterConfig);
  const primary = resilient(otlp, target.url, target.headers, config);
  // TRACE_LOCAL_COPY=1: the trace inspector's local receiver gets a copy of what goes to Phoenix.
  const copy = localCopyTarget(config);
  const exporter = copy ? new TeeSpanExporter(primary, [new OTLPHttpProtoTraceExporter(copy)]) : primary;
  const batch = new BatchSpanProcessor(exporter, { ...config.batch });
  const allSpans = config.tracing.allSpans;
  setTraceProcessor(batch, primary instanceof ResilientSpanExporter ? () => primary.drain() : undefined);
  const sampler = samplerOf(config.tracing.sampler);
  return {
    serviceName: config.tracing.serviceName,
    attributes: { [RESOURCE_ATTR.PROJECT_NAME]: config.phoenix.projectName },
    spanProcessors: [new ContextAttributesSpanProcessor(), batch],
    // Only spans with an OpenInference kind are recorded (Next's framework spans are non-recording
    // from the start), unless TRACE_ALL_SPANS=1; and no fetch instrumentation unless all spans are kept.
    traceSampler: allSpans ? sampler : new OpenInferenceSampler(sampler),
    ...(allSpans ? {} : { instrumentations: [] }),
    // 1024 attributes (not the SDK's 128) and 64 KiB values: see attribute-budget.ts.
    spanLimits: getSpanLimits(config.tracing),
  };
}

/**
 * Wraps the OTLP exporter: bounded export timeout, retry queue with backoff, one warning per state
 * change (see `resilient-exporter.ts`). Falls back to the plain exporter should its encoder be missing.
 */
function resilient(otlp: SpanExporter, url: string, headers: Record<string, string>, config: AppConfig): SpanExporter {
  const encoder = encoderOf(otlp);
  if (!encoder) return otlp;
  const send = createOtlpHttpSender({ url, headers, encoder, timeoutMs: config.otlp.timeoutMs });
  return new ResilientSpanExporter({ url, send, ...retryBounds(config.retry) });
}
