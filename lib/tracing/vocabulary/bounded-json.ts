/**
 * JSON for an attribute whose mime type says `application/json`: the SDK cuts values at the length
 * limit, which would leave invalid JSON (Phoenix then cannot show it). So when the JSON is too long,
 * long strings inside it are shortened (marked with "…") until the whole stays valid and fits.
 * Ours: openinference-core's `toInputType`/`safelyJSONStringify` serialize without a length bound.
 */
import { DEFAULT_ATTRIBUTE_VALUE_LENGTH_LIMIT } from './attribute-budget';

export function boundedJson(value: unknown, limit = DEFAULT_ATTRIBUTE_VALUE_LENGTH_LIMIT): string {
  const json = JSON.stringify(value) ?? 'null';
  if (json.length <= limit) return json;
  for (let cap = Math.floor(limit / 2); cap >= 16; cap = Math.floor(cap / 2)) {
    const shortened = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' && v.length > cap ? `${v.slice(0, cap)}…` : v));
    if (shortened.length <= limit) return shortened;
  }
  return JSON.stringify({ truncated: true, length: json.length });
}
