/**
 * Decodes OTLP/HTTP protobuf trace exports (`ExportTraceServiceRequest`) into plain spans, with
 * protobufjs and the official OTLP schema (otlp-*.proto, loaded from the generated otlp-schema.ts).
 */
import protobuf from 'protobufjs';
import { toAttributes, type Attributes, type AttrType } from './any-value.ts';
import { OTLP_TRACE_SCHEMA } from './otlp-schema.ts';
import type { PbExportTraceServiceRequest, PbSpan } from './otlp-message.ts';

export type { AttrType, AttrValue, Attributes } from './any-value.ts';

export interface ReceivedSpan {
  /** 32 lowercase hex digits. */
  traceId: string;
  /** 16 lowercase hex digits. */
  spanId: string;
  /** 16 lowercase hex digits; absent on a root span. */
  parentSpanId?: string;
  name: string;
  /** OTLP SpanKind: 0 unspecified, 1 internal, 2 server, 3 client, 4 producer, 5 consumer. */
  kind: number;
  startTimeUnixNano: bigint;
  endTimeUnixNano: bigint;
  attributes: Attributes;
  /** The OTLP value type of each attribute: token counts must arrive as `int`, not `double`. */
  attributeTypes: Record<string, AttrType>;
  /** Attributes the sender's SDK dropped (over its count limit): must be 0 for our spans. */
  droppedAttributesCount?: number;
  events: { name: string; timeUnixNano: bigint; attributes: Attributes }[];
  links: { traceId: string; spanId: string; attributes: Attributes }[];
  /** OTLP StatusCode: 0 unset, 1 ok, 2 error; `message` only when non-empty. */
  status: { code: number; message?: string };
  resource: Attributes;
  scope: { name: string; version?: string };
  /** Project the receiver filed the span under (Phoenix's rule: header, then resource attribute). */
  project?: string;
}

// The descriptor generated from otlp-*.proto (write-otlp-schema.ts): no file lookup at run time.
const root = protobuf.Root.fromJSON(OTLP_TRACE_SCHEMA);
root.resolveAll();
export const ExportTraceServiceRequest = root.lookupType('opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest');
export const ExportTraceServiceResponse = root.lookupType('opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse');

/** Encoded empty ExportTraceServiceResponse: full success, as Phoenix answers. */
export function encodeExportResponse(): Uint8Array {
  return ExportTraceServiceResponse.encode(ExportTraceServiceResponse.create({})).finish();
}

/** Throws if `bytes` is not a valid ExportTraceServiceRequest (or carries malformed ids). */
export function decodeTraceRequest(bytes: Uint8Array): ReceivedSpan[] {
  const message = ExportTraceServiceRequest.decode(bytes);
  const request = ExportTraceServiceRequest.toObject(message, {
    longs: BigInt,
    enums: Number,
    oneofs: true,
  }) as PbExportTraceServiceRequest;
  const spans: ReceivedSpan[] = [];
  for (const resourceSpans of request.resourceSpans ?? []) {
    const resource = toAttributes(resourceSpans.resource?.attributes).values;
    for (const scopeSpans of resourceSpans.scopeSpans ?? []) {
      const version = scopeSpans.scope?.version;
      const scope = { name: scopeSpans.scope?.name ?? '', ...(version ? { version } : {}) };
      for (const span of scopeSpans.spans ?? []) spans.push(toSpan(span, resource, scope));
    }
  }
  return spans;
}

function toSpan(span: PbSpan, resource: Attributes, scope: ReceivedSpan['scope']): ReceivedSpan {
  const attributes = toAttributes(span.attributes);
  const parentSpanId = optionalId(span.parentSpanId, 8, 'parent_span_id');
  const message = span.status?.message;
  return {
    traceId: id(span.traceId, 16, 'trace_id'),
    spanId: id(span.spanId, 8, 'span_id'),
    ...(parentSpanId ? { parentSpanId } : {}),
    name: span.name ?? '',
    kind: span.kind ?? 0,
    startTimeUnixNano: span.startTimeUnixNano ?? 0n,
    endTimeUnixNano: span.endTimeUnixNano ?? 0n,
    attributes: attributes.values,
    attributeTypes: attributes.types,
    droppedAttributesCount: span.droppedAttributesCount ?? 0,
    events: (span.events ?? []).map((event) => ({
      name: event.name ?? '',
      timeUnixNano: event.timeUnixNano ?? 0n,
      attributes: toAttributes(event.attributes).values,
    })),
    links: (span.links ?? []).map((link) => ({
      traceId: id(link.traceId, 16, 'link trace_id'),
      spanId: id(link.spanId, 8, 'link span_id'),
      attributes: toAttributes(link.attributes).values,
    })),
    status: { code: span.status?.code ?? 0, ...(message ? { message } : {}) },
    resource,
    scope,
  };
}

function id(bytes: Uint8Array | undefined, length: number, field: string): string {
  if (bytes?.length !== length) throw new Error(`${field} must be ${length} bytes, got ${bytes?.length ?? 0}`);
  return Buffer.from(bytes).toString('hex');
}

function optionalId(bytes: Uint8Array | undefined, length: number, field: string): string | undefined {
  return bytes && bytes.length > 0 ? id(bytes, length, field) : undefined;
}
