/** OTLP `KeyValue`/`AnyValue` lists to plain attribute records, keeping each value's OTLP type. */
import type { PbAnyValue, PbKeyValue } from './otlp-message.ts';

export type AttrValue = string | number | boolean | AttrValue[] | { [key: string]: AttrValue };
export type AttrType = 'string' | 'int' | 'double' | 'bool' | 'array' | 'kvlist' | 'bytes';
export type Attributes = Record<string, AttrValue>;

export interface TypedAttributes {
  values: Attributes;
  /** The OTLP oneof each value arrived as: an int count sent as `doubleValue` shows up as 'double'. */
  types: Record<string, AttrType>;
}

export function toAttributes(keyValues: PbKeyValue[] | undefined): TypedAttributes {
  const values: Attributes = {};
  const types: Record<string, AttrType> = {};
  for (const kv of keyValues ?? []) {
    const key = kv.key ?? '';
    const [value, type] = toAttrValue(kv.value ?? {});
    values[key] = value;
    types[key] = type;
  }
  return { values, types };
}

/**
 * One AnyValue as a plain value and its OTLP type. int64 becomes a JS number, exactly, or throws if
 * it is outside the safe integer range; bytes become base64 (as in OTLP/JSON); an empty AnyValue
 * (no oneof set) becomes ''.
 */
export function toAttrValue(any: PbAnyValue): [AttrValue, AttrType] {
  switch (any.value) {
    case 'stringValue':
      return [any.stringValue ?? '', 'string'];
    case 'boolValue':
      return [any.boolValue ?? false, 'bool'];
    case 'intValue':
      return [toSafeNumber(any.intValue ?? 0n), 'int'];
    case 'doubleValue':
      return [any.doubleValue ?? 0, 'double'];
    case 'arrayValue':
      return [(any.arrayValue?.values ?? []).map((item) => toAttrValue(item)[0]), 'array'];
    case 'kvlistValue':
      return [toAttributes(any.kvlistValue?.values).values, 'kvlist'];
    case 'bytesValue':
      return [Buffer.from(any.bytesValue ?? new Uint8Array()).toString('base64'), 'bytes'];
    default:
      return ['', 'string'];
  }
}

function toSafeNumber(value: bigint): number {
  const number = Number(value);
  if (!Number.isSafeInteger(number) || BigInt(number) !== value) {
    throw new Error(`int attribute ${value} is outside the safe integer range of a JS number`);
  }
  return number;
}
