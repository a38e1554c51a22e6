/**
 * Where spans go, decided from environment variables, in this order:
 * 1. the standard `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` / `OTEL_EXPORTER_OTLP_ENDPOINT` (+ `_HEADERS`, `_PROTOCOL`);
 * 2. `PHOENIX_COLLECTOR_ENDPOINT` (`<endpoint>/v1/traces`, `Authorization: Bearer $PHOENIX_API_KEY` when set);
 * 3. Phoenix's local default, `http://localhost:6006/v1/traces`.
 * Protobuf is the default protocol: Phoenix accepts nothing else over HTTP.
 */
export type OtlpProtocol = 'http/protobuf' | 'http/json';

export interface ExportTarget {
  url: string;
  headers: Record<string, string>;
  protocol: OtlpProtocol;
  source: 'otel-env' | 'phoenix-env' | 'phoenix-default';
  /** Problems with the configuration worth one warning at startup. */
  warnings: string[];
}

export type Env = Readonly<Record<string, string | undefined>>;

export const PHOENIX_DEFAULT_TRACES_URL = 'http://localhost:6006/v1/traces';
export const DEFAULT_PROJECT_NAME = 'traced-chat';

export function resolveExportTarget(env: Env): ExportTarget {
  const warnings: string[] = [];
  const tracesEndpoint = nonEmpty(env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
  const endpoint = nonEmpty(env.OTEL_EXPORTER_OTLP_ENDPOINT);
  if (tracesEndpoint || endpoint) {
    return {
      url: tracesEndpoint ?? `${trimSlash(endpoint!)}/v1/traces`,
      headers: {
        ...parseHeaderList(env.OTEL_EXPORTER_OTLP_HEADERS, warnings),
        ...parseHeaderList(env.OTEL_EXPORTER_OTLP_TRACES_HEADERS, warnings),
      },
      protocol: parseProtocol(env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL ?? env.OTEL_EXPORTER_OTLP_PROTOCOL, warnings),
      source: 'otel-env',
      warnings,
    };
  }
  const phoenix = nonEmpty(env.PHOENIX_COLLECTOR_ENDPOINT);
  const apiKey = nonEmpty(env.PHOENIX_API_KEY);
  const headers: Record<string, string> = {
    ...parseHeaderList(env.PHOENIX_CLIENT_HEADERS, warnings),
    ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
  };
  if (phoenix) {
    const base = trimSlash(phoenix);
    const url = base.endsWith('/v1/traces') ? base : `${base}/v1/traces`;
    return { url, headers, protocol: 'http/protobuf', source: 'phoenix-env', warnings };
  }
  return { url: PHOENIX_DEFAULT_TRACES_URL, headers, protocol: 'http/protobuf', source: 'phoenix-default', warnings };
}

export function resolveProjectName(env: Env): string {
  return nonEmpty(env.PHOENIX_PROJECT_NAME) ?? DEFAULT_PROJECT_NAME;
}

/** Parses the OTel `key1=value1,key2=value2` list (values URL-encoded). */
export function parseHeaderList(value: string | undefined, warnings: string[] = []): Record<string, string> {
  const headers: Record<string, string> = {};
  if (!value) return headers;
  for (const pair of value.split(',')) {
    if (pair.trim() === '') continue;
    const eq = pair.indexOf('=');
    if (eq <= 0) {
      warnings.push(`ignored malformed header entry "${pair.trim().split('=')[0]}" (expected key=value)`);
      continue;
    }
    const key = pair.slice(0, eq).trim().toLowerCase();
    headers[key] = safeDecode(pair.slice(eq + 1).trim());
  }
  return headers;
}

function parseProtocol(value: string | undefined, warnings: string[]): OtlpProtocol {
  const protocol = nonEmpty(value);
  if (protocol === undefined || protocol === 'http/protobuf') return 'http/protobuf';
  if (protocol === 'http/json') return 'http/json';
  warnings.push(`OTLP protocol "${protocol}" is not supported here; using http/protobuf`);
  return 'http/protobuf';
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
