/**
 * The one module that opens and ends this app's spans. A span that outlives its handler (a streamed
 * completion) is held by the caller as an `OpenSpan` and ended explicitly — never looked up again
 * through `trace.getActiveSpan()`. `end()` is idempotent: every path (finish, error, abort, timeout,
 * shutdown) may call it, and exactly the first call ends the span.
 *
 * A span owns the spans of ours started under it (`parent` = its context): ending it first ends each
 * still-open child, newest first, with the same outcome and the child's own final state (partial
 * output, counts so far). So a child always ends before its parent, and `@vercel/otel` — which
 * force-ends every open span of a trace when the root ends — never finds one of ours open.
 */
import {
  context as otelContext,
  createContextKey,
  ROOT_CONTEXT,
  INVALID_SPAN_CONTEXT,
  trace,
  type Attributes,
  type Context,
  type Link,
  type Span,
} from '@opentelemetry/api';
import { maskAttributes } from '../vocabulary/mask-attributes';
import { ATTR, type OpenInferenceSpanKind } from '../vocabulary/semconv';
import { applyOutcome, type SpanOutcome } from './span-outcome';
import { getTraceConfig } from '../vocabulary/trace-config';
import { getTracer } from './tracer';

export { abortedOrError, outcomeOfAbort, type SpanOutcome } from './span-outcome';

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
   * What this span reports when something else ends it (its parent ending, shutdown): e.g. the
   * partial output streamed so far and the first-token event.
   */
  finalStateOnInterrupt?: () => FinalState;
}

export interface FinalState {
  attributes?: Attributes;
  events?: readonly SpanEventRecord[];
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

/**
 * Epoch milliseconds from the monotonic clock (sub-millisecond). Our spans start and end on it, so a
 * child that ends before its parent also has the earlier end time (the SDK's default mixes a
 * millisecond `Date.now()` start with a `performance.now()` duration, which can reorder them).
 */
export const now = (): number => performance.timeOrigin + performance.now();

// Kept on globalThis: Next bundles routes and actions separately, and shutdown must see all of them.
const OPEN_SPANS = Symbol.for('traced-chat.open-spans');
const openSpans: Set<OpenSpan> = ((globalThis as { [OPEN_SPANS]?: Set<OpenSpan> })[OPEN_SPANS] ??= new Set());
/** The nearest `OpenSpan` of ours in a context: the owner of spans started under it. */
const OWNER = createContextKey('traced-chat.owner-span');
interface Owned {
  readonly children: Set<OpenSpan>;
}

export function startSpan(options: StartSpanOptions): OpenSpan {
  const parent = options.parent ?? trace.deleteSpan(options.inherit ?? otelContext.active() ?? ROOT_CONTEXT);
  const owner = options.parent ? (options.parent.getValue(OWNER) as (OpenSpan & Owned) | undefined) : undefined;
  // Work that starts after its parent ended (a tool the SDK still runs after Stop) is not traced: its
  // span could only end after its parent's, outside the parent's time.
  const span = owner?.ended ? trace.wrapSpanContext(INVALID_SPAN_CONTEXT) : openSdkSpan(options, parent);
  const { traceId, spanId } = span.spanContext();
  let ended = false;
  const children = new Set<OpenSpan>();
  const handle: OpenSpan & Owned = {
    span,
    children,
    get context() {
      return context;
    },
    traceId,
    spanId,
    get ended() {
      return ended;
    },
    end(outcome, attributes, events) {
      if (ended) return false;
      ended = true;
      openSpans.delete(handle);
      owner?.children.delete(handle);
      // Children first, newest first, each with the same outcome and its own final state.
      for (const child of [...children].reverse()) interrupt(child, outcome);
      const endTime = now();
      try {
        if (attributes) span.setAttributes(masked(attributes));
        for (const event of events ?? []) span.addEvent(event.name, event.attributes, event.time);
        applyOutcome(span, outcome, endTime);
      } finally {
        span.end(endTime);
      }
      return true;
    },
  };
  const context = trace.setSpan(parent, span).setValue(OWNER, handle);
  openSpans.add(handle);
  if (owner && !owner.ended) owner.children.add(handle);
  return handle;
}

function openSdkSpan(options: StartSpanOptions, parent: Context): Span {
  const attributes = { [ATTR.SPAN_KIND]: options.kind, ...masked(options.attributes) };
  return getTracer().startSpan(
    options.name,
    { attributes, links: options.links, root: options.parent === undefined, startTime: now() },
    parent,
  );
}

/** Ends `open` from outside (its parent ended, or shutdown) with its own final state. */
function interrupt(open: OpenSpan, outcome: SpanOutcome): boolean {
  let state: FinalState | undefined;
  try {
    state = open.finalStateOnInterrupt?.();
  } catch {
    state = undefined; // ending the span matters more than its last attributes
  }
  return open.end(outcome, state?.attributes, state?.events);
}

/** Every attribute this app sets goes through the OpenInference masking rules here. */
function masked(attributes: Attributes | undefined): Attributes {
  return attributes ? maskAttributes(attributes, getTraceConfig()) : {};
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
  // Newest first; a parent also ends its own open children first (see `end`).
  for (const open of [...openSpans].reverse()) {
    const before = openSpans.size;
    if (interrupt(open, outcome)) count += before - openSpans.size;
  }
  return count;
}
