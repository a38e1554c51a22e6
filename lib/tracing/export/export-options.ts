import type { Env } from './export-target';

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

export interface RetryBounds {
  maxQueueSpans: number;
  maxAgeMs: number;
  initialBackoffMs: number;
  maxBackoffMs: number;
  /** Spans per retried request. */
  maxBatchSpans: number;
}

export const DEFAULT_RETRY_BOUNDS: RetryBounds = {
  maxQueueSpans: 2048,
  maxAgeMs: 5 * 60_000,
  initialBackoffMs: 1000,
  maxBackoffMs: 30_000,
  maxBatchSpans: 512,
};

/** The URL without credentials, query or fragment (warnings must not leak secrets). */
export function displayUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return '<invalid url>';
  }
}
