/**
 * What the receiver has been sent: spans, one record per export request, span annotations, and
 * waiters on the spans. With a segment log, spans and annotations are also written to disk, read back
 * on start, and dropped from memory when their segment is rotated away.
 */
import type { ReceivedSpan } from '../otlp/decode-traces.ts';
import type { SegmentLog } from './segment-log.ts';
import { annotationKey, type SpanAnnotation, type SpanAnnotationInput } from './span-annotations.ts';
import { fromJson, toJson } from './span-json.ts';

export interface ReceivedRequest {
  /** Media type without parameters, lowercased, e.g. 'application/x-protobuf'. */
  contentType: string;
  /** The export's request headers without credentials (lowercased names; repeated headers joined with ', '). */
  headers: Record<string, string>;
  spanCount: number;
  project: string;
}

export type SpanPredicate = (spans: ReceivedSpan[]) => boolean;

export interface SpanStore {
  spans(): ReceivedSpan[];
  requests(): ReceivedRequest[];
  add(spans: ReceivedSpan[], request: ReceivedRequest): void;
  annotations(): SpanAnnotation[];
  /** Adds or updates (same span_id, name, identifier) annotations; returns them with their ids. */
  annotate(inputs: SpanAnnotationInput[]): SpanAnnotation[];
  /** Forgets spans, requests and annotations (and deletes the log's segments). */
  clear(): void;
  waitForSpans(predicate: SpanPredicate, timeoutMs: number): Promise<ReceivedSpan[]>;
  /** Rejects pending waits (used when the receiver closes). */
  abort(reason: string): void;
}

interface Waiter {
  check(): void;
  fail(reason: string): void;
}

type LogRecord = { type: 'span'; span: unknown } | { type: 'annotation'; annotation: SpanAnnotation };

export const DEFAULT_MAX_REQUESTS = 1000;

/** `maxRequests`: how many request records are kept (the oldest are dropped), so the log stays bounded. */
export function createSpanStore(log?: SegmentLog, maxRequests = DEFAULT_MAX_REQUESTS): SpanStore {
  let spans: { span: ReceivedSpan; segment: number }[] = [];
  const requests: ReceivedRequest[] = [];
  let annotations = new Map<string, { annotation: SpanAnnotation; segment: number }>();
  let nextAnnotation = 1;
  const waiters = new Set<Waiter>();
  const notify = () => {
    for (const waiter of [...waiters]) waiter.check();
  };
  const write = (record: LogRecord) => log?.append(record) ?? 0;
  const upsert = (annotation: SpanAnnotation, segment: number) => {
    annotations.delete(annotationKey(annotation));
    annotations.set(annotationKey(annotation), { annotation, segment });
    nextAnnotation = Math.max(nextAnnotation, sequenceOf(annotation.id) + 1);
  };
  const dropRotated = () => {
    if (!log) return;
    const oldest = log.oldestSegment();
    if (spans[0] && spans[0].segment < oldest) spans = spans.filter((entry) => entry.segment >= oldest);
    annotations = new Map([...annotations].filter(([, entry]) => entry.segment >= oldest));
  };

  for (const { segment, record } of log?.load() ?? []) {
    const entry = record as Partial<LogRecord>;
    if (entry.type === 'span') spans.push({ span: fromJson([entry.span])[0]!, segment });
    if (entry.type === 'annotation' && entry.annotation) upsert(entry.annotation, segment);
  }

  return {
    spans: () => spans.map((entry) => entry.span),
    requests: () => [...requests],
    add(received, request) {
      for (const span of received) spans.push({ span, segment: write({ type: 'span', span: toJson([span])[0] }) });
      requests.push(request);
      if (requests.length > maxRequests) requests.splice(0, requests.length - maxRequests);
      dropRotated();
      notify();
    },
    annotations: () => [...annotations.values()].map((entry) => entry.annotation),
    annotate(inputs) {
      const saved = inputs.map((input) => {
        const id = annotations.get(annotationKey(input))?.annotation.id ?? annotationId(nextAnnotation);
        const annotation: SpanAnnotation = { ...input, id, updated_at: new Date().toISOString() };
        upsert(annotation, write({ type: 'annotation', annotation }));
        return annotation;
      });
      dropRotated();
      return saved;
    },
    clear() {
      spans = [];
      requests.length = 0;
      annotations.clear();
      log?.clear();
    },
    waitForSpans(predicate, timeoutMs) {
      return new Promise<ReceivedSpan[]>((resolve, reject) => {
        const current = () => spans.map((entry) => entry.span);
        const settle = (outcome: () => void) => {
          clearTimeout(timer);
          waiters.delete(waiter);
          outcome();
        };
        const waiter: Waiter = {
          check() {
            let done: boolean;
            try {
              done = predicate(current());
            } catch (error) {
              return settle(() => reject(error));
            }
            if (done) settle(() => resolve(current()));
          },
          fail: (reason) => settle(() => reject(new Error(`${reason}; ${describeSpans(current())}`))),
        };
        const timer = setTimeout(() => waiter.fail(`timed out after ${timeoutMs} ms waiting for spans`), timeoutMs);
        waiters.add(waiter);
        waiter.check();
      });
    },
    abort(reason) {
      for (const waiter of [...waiters]) waiter.fail(reason);
    },
  };
}

/** Phoenix-style opaque ids: base64 of `SpanAnnotation:<n>`. */
function annotationId(sequence: number): string {
  return Buffer.from(`SpanAnnotation:${sequence}`).toString('base64');
}

function sequenceOf(id: string): number {
  const match = /^SpanAnnotation:(\d+)$/.exec(Buffer.from(id, 'base64').toString());
  return match ? Number(match[1]) : 0;
}

/** "received 2 span(s): chat (4bf92f35), llm (4bf92f35)" — names with the first 8 digits of their trace. */
export function describeSpans(spans: ReceivedSpan[]): string {
  if (spans.length === 0) return 'received no spans';
  return `received ${spans.length} span(s): ${spans.map((s) => `${s.name} (${s.traceId.slice(0, 8)})`).join(', ')}`;
}
