/**
 * The one module that opens and ends this app's spans. A span that outlives its handler (a streamed
 * completion) is held by the caller as an `OpenSpan` and ended explicitly — never looked up again
 * through `trace.getActiveSpan()`. `end()` is idempotent: every path (finish, error, abort, timeout,
 * shutdown) may call it, and exactly the first call ends the span.
 */
import {
  context as otelContext,
  ROOT_CONTEXT,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Link,
  type Span,
} from '@opentelemetry/api';
import { maskAttributes } from './mask-attributes';
import { redactedError } from './redact-secrets';
import { ATTR, EVENT, type OpenInferenceSpanKind } from './semconv';
import { getTraceConfig } from './trace-config';
import { getTracer } from './tracer';

export type SpanOutcome =
  | { type: 'ok' }
  | { type: 'error'; error: unknown }
  | { type: 'aborted'; reason: string }
  | { type: 'timeout'; reason: string };

export interface OpenSpan {
  readonly span: Span;
  /** Context in which this span is the active span: pass it as `parent` of child spans. */
  readonly context: Context;
  readonly traceId: string;
  readonly spanId: string;
  readonly ended: boolean;
  /**
   * Ends the span with `outcome`, final `attributes` and `events` (recorded now, with the times they
   * happened). Returns false if it had already ended.
   */
  end(outcome: SpanOutcome, attributes?: Attributes, events?: readonly SpanEventRecord[]): boolean;
  /**
   * Where `endAllOpenSpans` (shutdown) gets the final attributes when it has to end this span itself,
   * e.g. the partial output streamed so far.
   */
  finalAttributesOnInterrupt?: () => Attributes;
}

/** An event noted while a span ran, added when it ends (so no span work happens per stream chunk). */
export interface SpanEventRecord {
  name: string;
  attributes?: Attributes;
  /** Epoch milliseconds. */
  time: number;
}

export interface StartSpanOptions {
  name: string;
  kind: OpenInferenceSpanKind;
  attributes?: Attributes;
  /**
   * Explicit parent context. Omitted: the span is the root of a new trace, but it keeps the values of
   * the active context (e.g. the turn's `session.id`, `user.id`), minus its span.
   */
  parent?: Context;
  /** For a root span: the context whose values it keeps (default: the active one). */
  inherit?: Context;
  links?: Link[];
}

// Kept on globalThis: Next bundles routes and actions separately, and shutdown must see all of them.
const OPEN_SPANS = Symbol.for('traced-chat.open-spans');
const openSpans: Set<OpenSpan> = ((globalThis as { [OPEN_SPANS]?: Set<OpenSpan> })[OPEN_SPANS] ??= new Set());

export function startSpan(options: StartSpanOptions): OpenSpan {
  const parent = options.parent ?? trace.deleteSpan(options.inherit ?? otelContext.active() ?? ROOT_CONTEXT);
  const span = getTracer().startSpan(
    options.name,
    {
      attributes: { [ATTR.SPAN_KIND]: options.kind, ...masked(options.attributes) },
      links: options.links,
      root: options.parent === undefined,
    },
    parent,
  );
  const { traceId, spanId } = span.spanContext();
  let ended = false;
  const handle: OpenSpan = {
    span,
    context: trace.setSpan(parent, span),
    traceId,
    spanId,
    get ended() {
      return ended;
    },
    end(outcome, attributes, events) {
      if (ended) return false;
      ended = true;
      openSpans.delete(handle);
      try {
        if (attributes) span.setAttributes(masked(attributes));
        for (const event of events ?? []) span.addEvent(event.name, event.attributes, event.time);
        applyOutcome(span, outcome);
      } finally {
        span.end();
      }
      return true;
    },
  };
  openSpans.add(handle);
  return handle;
}

/** Every attribute this app sets goes through the OpenInference masking rules here. */
function masked(attributes: Attributes | undefined): Attributes {
  return attributes ? maskAttributes(attributes, getTraceConfig()) : {};
}

function applyOutcome(span: Span, outcome: SpanOutcome): void {
  switch (outcome.type) {
    case 'ok':
      span.setAttribute(ATTR.STREAM_OUTCOME, 'completed');
      span.setStatus({ code: SpanStatusCode.OK });
      return;
    case 'error': {
      const error = redactedError(toError(outcome.error));
      span.setAttribute(ATTR.STREAM_OUTCOME, 'error');
      span.recordException(error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
      return;
    }
    case 'aborted':
      span.setAttributes({ [ATTR.STREAM_OUTCOME]: 'aborted', [ATTR.STREAM_ABORT_REASON]: outcome.reason });
      span.addEvent(EVENT.STREAM_ABORTED, { [ATTR.STREAM_ABORT_REASON]: outcome.reason });
      return;
    case 'timeout':
      span.setAttributes({ [ATTR.STREAM_OUTCOME]: 'timeout', [ATTR.STREAM_ABORT_REASON]: outcome.reason });
      span.addEvent(EVENT.STREAM_ABORTED, { [ATTR.STREAM_ABORT_REASON]: outcome.reason });
      span.setStatus({ code: SpanStatusCode.ERROR, message: outcome.reason });
      return;
  }
}

export function toError(value: unknown): Error {
  if (value instanceof Error) return value;
  if (typeof value === 'string') return new Error(value);
  try {
    return new Error(JSON.stringify(value));
  } catch {
    return new Error(String(value));
  }
}

/** Maps an aborted signal to the outcome it stands for: a timeout, or an abort (client gone, Stop). */
export function outcomeOfAbort(signal: AbortSignal): SpanOutcome {
  const reason: unknown = signal.reason;
  if (reason instanceof Error && reason.name === 'TimeoutError') {
    return { type: 'timeout', reason: reason.message || 'timed out' };
  }
  if (reason instanceof Error) return { type: 'aborted', reason: reason.message || reason.name };
  return { type: 'aborted', reason: reason === undefined ? 'aborted' : String(reason) };
}

/**
 * Runs `fn` inside a new span (active for the duration, so nested code can see it) and ends it:
 * OK on success; on throw it records the exception, sets ERROR, ends, and rethrows.
 */
export async function withSpan<T>(
  options: StartSpanOptions,
  fn: (span: OpenSpan) => Promise<T> | T,
): Promise<T> {
  const open = startSpan(options);
  try {
    const result = await otelContext.with(open.context, () => fn(open));
    open.end({ type: 'ok' });
    return result;
  } catch (error) {
    open.end({ type: 'error', error });
    throw error;
  }
}

/** Spans started and not yet ended (for shutdown handling and leak checks). */
export function openSpanCount(): number {
  return openSpans.size;
}

/** Ends every open span with `outcome` (used on shutdown so no span is lost). */
export function endAllOpenSpans(outcome: SpanOutcome): number {
  let count = 0;
  // Newest first, so children end before their parents: `@vercel/otel` force-ends (without our
  // attributes) every span still open in a trace when that trace's root span ends.
  for (const open of [...openSpans].reverse()) {
    let attributes: Attributes | undefined;
    try {
      attributes = open.finalAttributesOnInterrupt?.();
    } catch {
      attributes = undefined; // ending the span matters more than its last attributes
    }
    if (open.end(outcome, attributes)) count++;
  }
  return count;
}
