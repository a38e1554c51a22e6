/** Spans as JSON for the receiver's query API (bigint times as decimal strings) and back. */
import type { ReceivedSpan } from '../otlp/decode-traces.ts';

type Event = ReceivedSpan['events'][number];
type JsonSpan = Omit<ReceivedSpan, 'startTimeUnixNano' | 'endTimeUnixNano' | 'events'> & {
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  events: (Omit<Event, 'timeUnixNano'> & { timeUnixNano: string })[];
};

export function toJson(spans: ReceivedSpan[]): JsonSpan[] {
  return spans.map((span) => ({
    ...span,
    startTimeUnixNano: span.startTimeUnixNano.toString(),
    endTimeUnixNano: span.endTimeUnixNano.toString(),
    events: span.events.map((event) => ({ ...event, timeUnixNano: event.timeUnixNano.toString() })),
  }));
}

export function fromJson(json: unknown): ReceivedSpan[] {
  if (!Array.isArray(json)) throw new Error(`expected a JSON array of spans, got ${typeof json}`);
  return (json as JsonSpan[]).map((span) => ({
    ...span,
    startTimeUnixNano: BigInt(span.startTimeUnixNano),
    endTimeUnixNano: BigInt(span.endTimeUnixNano),
    events: span.events.map((event) => ({ ...event, timeUnixNano: BigInt(event.timeUnixNano) })),
  }));
}
