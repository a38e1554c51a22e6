import { InMemorySpanExporter, type ReadableSpan, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { describe, expect, it } from 'vitest';
import { TeeSpanExporter } from './tee-span-exporter';

const spans = [{ name: 'x' }] as unknown as ReadableSpan[];
const failing: SpanExporter = { export: (_spans, done) => done({ code: 1, error: new Error('copy down') }), shutdown: async () => undefined };
const exportVia = (exporter: SpanExporter) => new Promise<{ code: number }>((resolve) => exporter.export(spans, resolve));

describe('TeeSpanExporter', () => {
  it('sends every batch to the primary and the copies, and reports the primary result', async () => {
    const primary = new InMemorySpanExporter();
    const copy = new InMemorySpanExporter();
    expect(await exportVia(new TeeSpanExporter(primary, [copy, failing]))).toEqual({ code: 0 });
    expect(primary.getFinishedSpans()).toEqual(spans);
    expect(copy.getFinishedSpans()).toEqual(spans);
  });

  it('a failing primary fails the export', async () => {
    expect((await exportVia(new TeeSpanExporter(failing, [new InMemorySpanExporter()]))).code).toBe(1);
  });
});
