import { describe, expect, it, vi } from 'vitest';
import { ContextAttributesSpanProcessor } from './context-attributes-processor';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { OpenInferenceSampler } from './openinference-sampler';
import { createOTelConfiguration, SERVICE_NAME } from './otel-configuration';
import { readConfig } from '@/lib/config/read-config';

describe('createOTelConfiguration', () => {
  it('registers one processor of our own (so @vercel/otel adds no second exporter) and names the project', () => {
    const config = createOTelConfiguration(readConfig({ PHOENIX_PROJECT_NAME: 'my-project' }));
    expect(config.serviceName).toBe(SERVICE_NAME);
    expect(config.attributes).toEqual({ 'openinference.project.name': 'my-project' });
    expect(config.traceExporter).toBeUndefined();
    expect(config.spanProcessors).toHaveLength(2);
    expect(config.spanProcessors![0]).toBeInstanceOf(ContextAttributesSpanProcessor);
    expect(config.spanProcessors![1]).toBeInstanceOf(BatchSpanProcessor); // no filter: unexported spans are never recorded
    expect(config.traceSampler).toBeInstanceOf(OpenInferenceSampler);
    expect(config.spanLimits?.attributeValueLengthLimit).toBe(65536);
    expect(config.instrumentations).toEqual([]); // no fetch spans (they would not be exported)
    expect(createOTelConfiguration(readConfig({ OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT: '1000' })).spanLimits?.attributeValueLengthLimit).toBe(1000);
  });

  it('exports every span with TRACE_ALL_SPANS=1; a bad protocol is a config problem (warned at start-up), not a warning here', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const settings = readConfig({ TRACE_ALL_SPANS: '1', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' });
    const config = createOTelConfiguration(settings);
    expect(config.traceSampler).not.toBeInstanceOf(OpenInferenceSampler);
    expect(config.instrumentations).toBeUndefined(); // @vercel/otel's default fetch instrumentation
    expect(warn).not.toHaveBeenCalled();
    expect(settings.problems).toMatchObject([{ variable: 'OTEL_EXPORTER_OTLP_PROTOCOL', raw: 'grpc' }]);
    warn.mockRestore();
  });
});
