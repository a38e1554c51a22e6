import type { ReceivedSpan } from './decode-traces';

/** Spans as JSON (bigints as decimal strings) and back, for the receiver's query API. */
export function toJson(spans: ReceivedSpan[]): unknown {
  return JSON.parse(JSON.stringify(spans, (_, value) => (typeof value === 'bigint' ? value.toString() : value)));
}

type Json = Record<string, unknown>;

export function fromJson(json: unknown): ReceivedSpan[] {
  return (json as Json[]).map((span) => ({
    ...(span as unknown as ReceivedSpan),
    startTimeUnixNano: BigInt(span.startTimeUnixNano as string),
    endTimeUnixNano: BigInt(span.endTimeUnixNano as string),
    events: (span.events as Json[]).map((event) => ({
      ...(event as unknown as ReceivedSpan['events'][number]),
      timeUnixNano: BigInt(event.timeUnixNano as string),
    })),
  }));
}
