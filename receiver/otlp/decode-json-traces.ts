/**
 * Decodes OTLP/HTTP JSON trace exports. OTLP/JSON is the protobuf JSON mapping with two exceptions:
 * trace and span ids are hex strings (not base64) and enums are integers. We turn the ids into bytes,
 * let protobufjs build the message from the object (int64 as strings or numbers, bytes values as
 * base64), and decode it with the same code as protobuf bodies, so both paths yield identical spans.
 */
import { decodeTraceRequest, ExportTraceServiceRequest, type ReceivedSpan } from './decode-traces.ts';

type Json = Record<string, unknown>;

export function decodeJsonTraceRequest(text: string): ReceivedSpan[] {
  const body: unknown = JSON.parse(text);
  if (!isObject(body)) throw new Error('expected a JSON object (ExportTraceServiceRequest)');
  for (const resourceSpans of arrayAt(body, 'resourceSpans')) {
    for (const scopeSpans of arrayAt(resourceSpans, 'scopeSpans')) {
      for (const span of arrayAt(scopeSpans, 'spans')) {
        hexToBytes(span, ['traceId', 'spanId', 'parentSpanId']);
        for (const link of arrayAt(span, 'links')) hexToBytes(link, ['traceId', 'spanId']);
      }
    }
  }
  const message = ExportTraceServiceRequest.fromObject(body);
  return decodeTraceRequest(ExportTraceServiceRequest.encode(message).finish());
}

function arrayAt(parent: unknown, key: string): Json[] {
  if (!isObject(parent)) return [];
  const value = parent[key];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new Error(`${key} must be an array`);
  return value.filter(isObject);
}

function hexToBytes(target: Json, keys: string[]): void {
  for (const key of keys) {
    const value = target[key];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string' || !/^(?:[0-9a-fA-F]{2})*$/.test(value)) throw new Error(`${key} must be a hex string`);
    target[key] = Buffer.from(value, 'hex');
  }
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
