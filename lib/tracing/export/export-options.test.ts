import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_BOUNDS, exportTimeoutMs, retryBounds } from './export-options';

describe('export options', () => {
  it('reads the OTLP export timeout, traces-specific first', () => {
    expect(exportTimeoutMs({})).toBe(10_000);
    expect(exportTimeoutMs({ OTEL_EXPORTER_OTLP_TIMEOUT: '2000' })).toBe(2000);
    expect(exportTimeoutMs({ OTEL_EXPORTER_OTLP_TIMEOUT: '2000', OTEL_EXPORTER_OTLP_TRACES_TIMEOUT: '500' })).toBe(500);
    expect(exportTimeoutMs({ OTEL_EXPORTER_OTLP_TIMEOUT: 'soon' })).toBe(10_000);
  });

  it('reads the retry queue bounds, keeping the first backoff within the cap', () => {
    expect(retryBounds({})).toEqual(DEFAULT_RETRY_BOUNDS);
    expect(retryBounds({ TRACE_RETRY_QUEUE_MAX_SPANS: '10', TRACE_RETRY_MAX_AGE_MS: '60000', TRACE_RETRY_MAX_BACKOFF_MS: '500' })).toMatchObject({
      maxQueueSpans: 10,
      maxAgeMs: 60_000,
      maxBackoffMs: 500,
      initialBackoffMs: 500,
    });
  });
});
