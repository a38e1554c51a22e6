import type { Env } from './export-target';
import { DEFAULT_RETRY_BOUNDS, type RetryBounds } from './resilient-exporter';

/** Default bound of one export request (the OTLP default is 10 s; a chat never waits for it either way). */
export const DEFAULT_EXPORT_TIMEOUT_MS = 10_000;

/** `OTEL_EXPORTER_OTLP_TRACES_TIMEOUT` / `OTEL_EXPORTER_OTLP_TIMEOUT` (ms), as the OTLP spec names them. */
export function exportTimeoutMs(env: Env): number {
  return positiveInt(env.OTEL_EXPORTER_OTLP_TRACES_TIMEOUT ?? env.OTEL_EXPORTER_OTLP_TIMEOUT, DEFAULT_EXPORT_TIMEOUT_MS);
}

/** The retry queue's bounds: `TRACE_RETRY_QUEUE_MAX_SPANS`, `TRACE_RETRY_MAX_AGE_MS`, `TRACE_RETRY_MAX_BACKOFF_MS`. */
export function retryBounds(env: Env): RetryBounds {
  const maxBackoffMs = positiveInt(env.TRACE_RETRY_MAX_BACKOFF_MS, DEFAULT_RETRY_BOUNDS.maxBackoffMs);
  return {
    ...DEFAULT_RETRY_BOUNDS,
    maxQueueSpans: positiveInt(env.TRACE_RETRY_QUEUE_MAX_SPANS, DEFAULT_RETRY_BOUNDS.maxQueueSpans),
    maxAgeMs: positiveInt(env.TRACE_RETRY_MAX_AGE_MS, DEFAULT_RETRY_BOUNDS.maxAgeMs),
    maxBackoffMs,
    initialBackoffMs: Math.min(DEFAULT_RETRY_BOUNDS.initialBackoffMs, maxBackoffMs),
  };
}

export function positiveInt(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return value !== undefined && value.trim() !== '' && Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
}
