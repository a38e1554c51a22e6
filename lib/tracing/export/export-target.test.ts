import { describe, expect, it } from 'vitest';
import { readConfig } from '@/lib/config/read-config';
import { resolveExportTarget as resolve } from './export-target';

const resolveExportTarget = (env: Record<string, string>) => resolve(readConfig(env));

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

  it('honours http/json; an unsupported protocol is a config problem and protobuf is used', () => {
    expect(resolveExportTarget({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c', OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' }).protocol).toBe('http/json');
    const env = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c', OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'grpc' };
    expect(resolveExportTarget(env).protocol).toBe('http/protobuf');
    expect(readConfig(env).problems.map((problem) => problem.variable)).toEqual(['OTEL_EXPORTER_OTLP_TRACES_PROTOCOL']);
  });

  it('takes the well-formed header entries and reports the malformed ones without their values', () => {
    const config = readConfig({ PHOENIX_CLIENT_HEADERS: 'a=1, b = 2 ,broken,' });
    expect(resolve(config).headers).toEqual({ a: '1', b: '2' });
    expect(config.problems).toHaveLength(1);
  });

  it('names the project', () => {
    expect(readConfig({}).phoenix.projectName).toBe('traced-chat');
    expect(readConfig({ PHOENIX_PROJECT_NAME: 'mine' }).phoenix.projectName).toBe('mine');
  });
});
