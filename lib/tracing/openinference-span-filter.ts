import type { Context } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { ATTR } from './semconv';

/** True for spans that carry an OpenInference kind (ours); Next's own HTTP/render spans do not. */
export function isOpenInferenceSpan(span: ReadableSpan): boolean {
  return typeof span.attributes[ATTR.SPAN_KIND] === 'string';
}

/**
 * Forwards only OpenInference spans to `inner`, so Phoenix shows chat turns rather than Next's
 * framework spans as separate UNKNOWN-kind traces. Set `TRACE_ALL_SPANS=1` to export everything.
 */
export class OpenInferenceSpanFilter implements SpanProcessor {
  constructor(private readonly inner: SpanProcessor) {}

  onStart(span: Span, parentContext: Context): void {
    this.inner.onStart(span, parentContext);
  }

  onEnd(span: ReadableSpan): void {
    if (isOpenInferenceSpan(span)) this.inner.onEnd(span);
  }

  forceFlush(): Promise<void> {
    return this.inner.forceFlush();
  }

  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }
}
