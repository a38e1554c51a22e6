import type { RetryConfig } from '@/lib/config/config-types';
import { DEFAULT_RETRY } from '@/lib/config/config-defaults';

export { DEFAULT_EXPORT_TIMEOUT_MS } from '@/lib/config/config-defaults';

/** The retry queue's bounds (`TRACE_RETRY_QUEUE_MAX_SPANS`, `TRACE_RETRY_MAX_AGE_MS`, `TRACE_RETRY_MAX_BACKOFF_MS`), the first backoff within the cap. */
export function retryBounds(retry: RetryConfig): RetryBounds {
  return {
    ...DEFAULT_RETRY_BOUNDS,
    ...retry,
    initialBackoffMs: Math.min(DEFAULT_RETRY_BOUNDS.initialBackoffMs, retry.maxBackoffMs),
  };
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
  ...DEFAULT_RETRY,
  initialBackoffMs: 1000,
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
