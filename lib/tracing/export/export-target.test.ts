import { describe, expect, it } from 'vitest';
import { parseHeaderList, resolveExportTarget, resolveProjectName } from './export-target';

describe('resolveExportTarget', () => {
  it('defaults to local Phoenix over protobuf', () => {
    expect(resolveExportTarget({})).toMatchObject({
      url: 'http://localhost:6006/v1/traces',
      protocol: 'http/protobuf',
      headers: {},
      source: 'phoenix-default',
    });
  });

  it('uses PHOENIX_COLLECTOR_ENDPOINT with a bearer key', () => {
    expect(
      resolveExportTarget({ PHOENIX_COLLECTOR_ENDPOINT: 'https://phoenix.example/', PHOENIX_API_KEY: 'k1' }),
    ).toMatchObject({
      url: 'https://phoenix.example/v1/traces',
      headers: { authorization: 'Bearer k1' },
      protocol: 'http/protobuf',
      source: 'phoenix-env',
    });
    expect(resolveExportTarget({ PHOENIX_COLLECTOR_ENDPOINT: 'http://h:6006/v1/traces' }).url).toBe('http://h:6006/v1/traces');
  });

  it('prefers the standard OTEL variables, traces endpoint first', () => {
    const env = {
      PHOENIX_COLLECTOR_ENDPOINT: 'http://phoenix:6006',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/',
      OTEL_EXPORTER_OTLP_HEADERS: 'x-a=1,x-b=two%20words',
      OTEL_EXPORTER_OTLP_TRACES_HEADERS: 'x-b=3',
    };
    expect(resolveExportTarget(env)).toMatchObject({
      url: 'http://collector:4318/v1/traces',
      headers: { 'x-a': '1', 'x-b': '3' },
      source: 'otel-env',
    });
    expect(resolveExportTarget({ ...env, OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://t:1/custom' }).url).toBe('http://t:1/custom');
  });

  it('honours http/json and warns about unsupported protocols', () => {
    expect(resolveExportTarget({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c', OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' }).protocol).toBe('http/json');
    const grpc = resolveExportTarget({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c', OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'grpc' });
    expect(grpc.protocol).toBe('http/protobuf');
    expect(grpc.warnings[0]).toMatch(/grpc/);
  });

  it('parses header lists and reports malformed entries without their values', () => {
    const warnings: string[] = [];
    expect(parseHeaderList('a=1, b = 2 ,broken,', warnings)).toEqual({ a: '1', b: '2' });
    expect(warnings).toHaveLength(1);
  });

  it('names the project', () => {
    expect(resolveProjectName({})).toBe('traced-chat');
    expect(resolveProjectName({ PHOENIX_PROJECT_NAME: 'mine' })).toBe('mine');
  });
});
