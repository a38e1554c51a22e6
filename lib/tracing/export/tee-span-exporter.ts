import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';

type ResultCallback = Parameters<SpanExporter['export']>[1];
type ExportResult = Parameters<ResultCallback>[0];

/**
 * Sends each batch to the primary exporter and to copies (the trace inspector's local receiver when
 * `TRACE_LOCAL_COPY=1`). The batch's result is the primary's: a failing copy never fails the export.
 */
export class TeeSpanExporter implements SpanExporter {
  constructor(
    private readonly primary: SpanExporter,
    private readonly copies: SpanExporter[],
  ) {}

  export(spans: ReadableSpan[], resultCallback: ResultCallback): void {
    let pending = 1 + this.copies.length;
    let primaryResult: ExportResult | undefined;
    const settle = () => {
      if (--pending === 0) resultCallback(primaryResult!);
    };
    this.primary.export(spans, (result) => {
      primaryResult = result;
      settle();
    });
    for (const copy of this.copies) copy.export(spans, settle);
  }

  async shutdown(): Promise<void> {
    await Promise.all([this.primary, ...this.copies].map((exporter) => exporter.shutdown().catch(() => undefined)));
  }

  async forceFlush(): Promise<void> {
    await Promise.all([this.primary, ...this.copies].map((exporter) => exporter.forceFlush?.().catch(() => undefined)));
  }
}
