/**
 * Where spans go, from the configuration (lib/config), in this order:
 * 1. the standard `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` / `OTEL_EXPORTER_OTLP_ENDPOINT` (+ `_HEADERS`, `_PROTOCOL`);
 * 2. `PHOENIX_COLLECTOR_ENDPOINT` (`<endpoint>/v1/traces`, `Authorization: Bearer $PHOENIX_API_KEY` when set);
 * 3. Phoenix's local default, `http://localhost:6006/v1/traces`.
 * Protobuf is the default protocol: Phoenix accepts nothing else over HTTP.
 */
import type { OtlpConfig, OtlpProtocol, PhoenixConfig } from '@/lib/config/config-types';

export type { OtlpProtocol } from '@/lib/config/config-types';

export interface ExportTarget {
  url: string;
  headers: Record<string, string>;
  protocol: OtlpProtocol;
  source: 'otel-env' | 'phoenix-env' | 'phoenix-default';
}

export interface ExportSettings {
  otlp: OtlpConfig;
  phoenix: PhoenixConfig;
}

export const PHOENIX_DEFAULT_TRACES_URL = 'http://localhost:6006/v1/traces';
export { DEFAULT_PROJECT_NAME } from '@/lib/config/config-defaults';

export function resolveExportTarget({ otlp, phoenix }: ExportSettings): ExportTarget {
  if (otlp.tracesEndpoint || otlp.endpoint) {
    return {
      url: otlp.tracesEndpoint ?? `${trimSlash(otlp.endpoint!)}/v1/traces`,
      headers: { ...otlp.headers, ...otlp.tracesHeaders },
      protocol: otlp.protocol,
      source: 'otel-env',
    };
  }
  const headers = phoenixHeaders(phoenix);
  if (phoenix.collectorEndpoint) {
    const base = trimSlash(phoenix.collectorEndpoint);
    const url = base.endsWith('/v1/traces') ? base : `${base}/v1/traces`;
    return { url, headers, protocol: 'http/protobuf', source: 'phoenix-env' };
  }
  return { url: PHOENIX_DEFAULT_TRACES_URL, headers, protocol: 'http/protobuf', source: 'phoenix-default' };
}

/** `PHOENIX_CLIENT_HEADERS` plus `Authorization: Bearer $PHOENIX_API_KEY` (export and REST calls alike). */
export function phoenixHeaders(phoenix: PhoenixConfig): Record<string, string> {
  return { ...phoenix.clientHeaders, ...(phoenix.apiKey ? { authorization: `Bearer ${phoenix.apiKey}` } : {}) };
}

/** Phoenix's base URL (REST API) from its collector endpoint, or undefined when none is configured. */
export function phoenixBaseUrl(phoenix: PhoenixConfig): string | undefined {
  return phoenix.collectorEndpoint?.replace(/\/+$/, '').replace(/\/v1\/traces$/, '');
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
