/** Decodes OTLP/HTTP protobuf trace exports into plain spans, with protobufjs and the OTLP schema. */
import protobuf from 'protobufjs';
import { OTLP_TRACE_SCHEMA } from './otlp-schema';

export type AttrValue = string | number | boolean | AttrValue[] | { [key: string]: AttrValue };
export type AttrType = 'string' | 'int' | 'double' | 'bool' | 'array' | 'kvlist' | 'bytes';
export type Attributes = Record<string, AttrValue>;

export interface ReceivedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  startTimeUnixNano: bigint;
  endTimeUnixNano: bigint;
  attributes: Attributes;
  /** The OTLP value type of each attribute: token counts must arrive as `int`, not `double`. */
  attributeTypes: Record<string, AttrType>;
  events: { name: string; timeUnixNano: bigint; attributes: Attributes }[];
  links: { traceId: string; spanId: string; attributes: Attributes }[];
  status: { code: number; message?: string };
  resource: Attributes;
  scope: { name: string; version?: string };
  /** Project the receiver filed the span under (Phoenix's rule: header, then resource attribute). */
  project?: string;
}

const root = new protobuf.Root();
for (const source of OTLP_TRACE_SCHEMA) protobuf.parse(source, root, { keepCase: false });
export const ExportTraceServiceRequest = root.lookupType('opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest');
export const ExportTraceServiceResponse = root.lookupType('opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse');

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Throws if `bytes` is not a valid ExportTraceServiceRequest. */
export function decodeTraceRequest(bytes: Uint8Array): ReceivedSpan[] {
  const message = ExportTraceServiceRequest.decode(bytes);
  const request = ExportTraceServiceRequest.toObject(message, { longs: String, enums: Number, bytes: Array, oneofs: true }) as Obj;
  const spans: ReceivedSpan[] = [];
  for (const resourceSpans of (request.resourceSpans ?? []) as Obj[]) {
    const resource = toAttributes(resourceSpans.resource?.attributes).values;
    for (const scopeSpans of (resourceSpans.scopeSpans ?? []) as Obj[]) {
      const scope = { name: String(scopeSpans.scope?.name ?? ''), version: scopeSpans.scope?.version || undefined };
      for (const span of (scopeSpans.spans ?? []) as Obj[]) spans.push(toSpan(span, resource, scope));
    }
  }
  return spans;
}

function toSpan(span: Obj, resource: Attributes, scope: ReceivedSpan['scope']): ReceivedSpan {
  const attributes = toAttributes(span.attributes);
  const parent = hex(span.parentSpanId);
  return {
    traceId: hex(span.traceId),
    spanId: hex(span.spanId),
    ...(parent ? { parentSpanId: parent } : {}),
    name: String(span.name ?? ''),
    kind: Number(span.kind ?? 0),
    startTimeUnixNano: BigInt(span.startTimeUnixNano ?? 0),
    endTimeUnixNano: BigInt(span.endTimeUnixNano ?? 0),
    attributes: attributes.values,
    attributeTypes: attributes.types,
    events: ((span.events ?? []) as Obj[]).map((event) => ({
      name: String(event.name ?? ''),
      timeUnixNano: BigInt(event.timeUnixNano ?? 0),
      attributes: toAttributes(event.attributes).values,
    })),
    links: ((span.links ?? []) as Obj[]).map((link) => ({
      traceId: hex(link.traceId),
      spanId: hex(link.spanId),
      attributes: toAttributes(link.attributes).values,
    })),
    status: { code: Number(span.status?.code ?? 0), ...(span.status?.message ? { message: String(span.status.message) } : {}) },
    resource,
    scope,
  };
}

function toAttributes(keyValues: Obj[] | undefined): { values: Attributes; types: Record<string, AttrType> } {
  const values: Attributes = {};
  const types: Record<string, AttrType> = {};
  for (const kv of keyValues ?? []) {
    const [value, type] = toValue(kv.value ?? {});
    values[String(kv.key)] = value;
    types[String(kv.key)] = type;
  }
  return { values, types };
}

function toValue(any: Obj): [AttrValue, AttrType] {
  switch (any.value) {
    case 'stringValue':
      return [String(any.stringValue), 'string'];
    case 'boolValue':
      return [Boolean(any.boolValue), 'bool'];
    case 'intValue': {
      const big = BigInt(any.intValue);
      if (big > BigInt(Number.MAX_SAFE_INTEGER) || big < BigInt(Number.MIN_SAFE_INTEGER)) {
        throw new Error(`int attribute ${big} is outside the safe integer range`);
      }
      return [Number(big), 'int'];
    }
    case 'doubleValue':
      return [Number(any.doubleValue), 'double'];
    case 'arrayValue':
      return [((any.arrayValue?.values ?? []) as Obj[]).map((v) => toValue(v)[0]), 'array'];
    case 'kvlistValue':
      return [toAttributes(any.kvlistValue?.values).values, 'kvlist'];
    case 'bytesValue':
      return [hex(any.bytesValue), 'bytes'];
    default:
      return ['', 'string'];
  }
}

function hex(bytes: number[] | undefined): string {
  return (bytes ?? []).map((b) => b.toString(16).padStart(2, '0')).join('');
}
