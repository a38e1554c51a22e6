/** What the receiver has been sent: spans, one record per export request, and waiters on them. */
import type { ReceivedSpan } from './decode-traces';

export interface ReceivedRequest {
  /** Media type without parameters, lowercased, e.g. 'application/x-protobuf'. */
  contentType: string;
  /** The export's request headers (lowercased names; repeated headers joined with ', '). */
  headers: Record<string, string>;
  spanCount: number;
  project: string;
}

export type SpanPredicate = (spans: ReceivedSpan[]) => boolean;

export interface SpanStore {
  spans(): ReceivedSpan[];
  requests(): ReceivedRequest[];
  add(spans: ReceivedSpan[], request: ReceivedRequest): void;
  clear(): void;
  waitForSpans(predicate: SpanPredicate, timeoutMs: number): Promise<ReceivedSpan[]>;
  /** Rejects pending waits (used when the receiver closes). */
  abort(reason: string): void;
}

interface Waiter {
  check(): void;
  fail(reason: string): void;
}

export function createSpanStore(): SpanStore {
  const spans: ReceivedSpan[] = [];
  const requests: ReceivedRequest[] = [];
  const waiters = new Set<Waiter>();
  const notify = () => {
    for (const waiter of [...waiters]) waiter.check();
  };

  return {
    spans: () => [...spans],
    requests: () => [...requests],
    add(received, request) {
      spans.push(...received);
      requests.push(request);
      notify();
    },
    clear() {
      spans.length = 0;
      requests.length = 0;
    },
    waitForSpans(predicate, timeoutMs) {
      return new Promise<ReceivedSpan[]>((resolve, reject) => {
        const settle = (outcome: () => void) => {
          clearTimeout(timer);
          waiters.delete(waiter);
          outcome();
        };
        const waiter: Waiter = {
          check() {
            let done: boolean;
            try {
              done = predicate([...spans]);
            } catch (error) {
              return settle(() => reject(error));
            }
            if (done) settle(() => resolve([...spans]));
          },
          fail: (reason) => settle(() => reject(new Error(`${reason}; ${describeSpans(spans)}`))),
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

/** "received 2 span(s): chat (4bf92f35), llm (4bf92f35)" — names with the first 8 digits of their trace. */
export function describeSpans(spans: ReceivedSpan[]): string {
  if (spans.length === 0) return 'received no spans';
  return `received ${spans.length} span(s): ${spans.map((s) => `${s.name} (${s.traceId.slice(0, 8)})`).join(', ')}`;
}
