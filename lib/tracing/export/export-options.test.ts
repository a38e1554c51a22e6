import { describe, expect, it } from 'vitest';
import { readConfig } from '@/lib/config/read-config';
import { DEFAULT_RETRY_BOUNDS, retryBounds } from './export-options';

describe('export options', () => {
  it('reads the OTLP export timeout, traces-specific first', () => {
    expect(readConfig({}).otlp.timeoutMs).toBe(10_000);
    expect(readConfig({ OTEL_EXPORTER_OTLP_TIMEOUT: '2000' }).otlp.timeoutMs).toBe(2000);
    expect(readConfig({ OTEL_EXPORTER_OTLP_TIMEOUT: '2000', OTEL_EXPORTER_OTLP_TRACES_TIMEOUT: '500' }).otlp.timeoutMs).toBe(500);
    expect(readConfig({ OTEL_EXPORTER_OTLP_TIMEOUT: 'soon' }).otlp.timeoutMs).toBe(10_000);
  });

  it('reads the retry queue bounds, keeping the first backoff within the cap', () => {
    expect(retryBounds(readConfig({}).retry)).toEqual(DEFAULT_RETRY_BOUNDS);
    expect(retryBounds(readConfig({ TRACE_RETRY_QUEUE_MAX_SPANS: '10', TRACE_RETRY_MAX_AGE_MS: '60000', TRACE_RETRY_MAX_BACKOFF_MS: '500' }).retry)).toMatchObject({
      maxQueueSpans: 10,
      maxAgeMs: 60_000,
      maxBackoffMs: 500,
      initialBackoffMs: 500,
    });
  });
});
