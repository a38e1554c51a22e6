/**
 * The shapes protobufjs gives for decoded OTLP trace messages (`toObject` with `longs: BigInt`,
 * `enums: Number`, `oneofs: true`, no defaults: absent fields are `undefined`, bytes are Uint8Array).
 * Field names are the camelCase forms of the .proto names.
 */
export interface PbAnyValue {
  value?: 'stringValue' | 'boolValue' | 'intValue' | 'doubleValue' | 'arrayValue' | 'kvlistValue' | 'bytesValue';
  stringValue?: string;
  boolValue?: boolean;
  intValue?: bigint;
  doubleValue?: number;
  arrayValue?: { values?: PbAnyValue[] };
  kvlistValue?: { values?: PbKeyValue[] };
  bytesValue?: Uint8Array;
}

export interface PbKeyValue {
  key?: string;
  value?: PbAnyValue;
}

export interface PbSpan {
  traceId?: Uint8Array;
  spanId?: Uint8Array;
  traceState?: string;
  parentSpanId?: Uint8Array;
  flags?: number;
  name?: string;
  kind?: number;
  startTimeUnixNano?: bigint;
  endTimeUnixNano?: bigint;
  attributes?: PbKeyValue[];
  droppedAttributesCount?: number;
  events?: { timeUnixNano?: bigint; name?: string; attributes?: PbKeyValue[] }[];
  links?: { traceId?: Uint8Array; spanId?: Uint8Array; attributes?: PbKeyValue[] }[];
  status?: { message?: string; code?: number };
}

export interface PbExportTraceServiceRequest {
  resourceSpans?: {
    resource?: { attributes?: PbKeyValue[] };
    scopeSpans?: {
      scope?: { name?: string; version?: string };
      spans?: PbSpan[];
    }[];
  }[];
}
