import { afterEach, describe, expect, it, vi } from 'vitest';
import { appConfig, readConfig, resetAppConfig } from './app-config';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('readConfig', () => {
  it('has the documented defaults and is frozen all the way down', () => {
    const config = readConfig({});
    expect(config).toMatchObject({
      runtime: 'nodejs',
      development: false,
      chat: { turnTimeoutMs: 120_000, stallTimeoutMs: 60_000, modelMaxRetries: 2, offlineDelayMs: 25 },
      otlp: { protocol: 'http/protobuf', timeoutMs: 10_000, headers: {}, tracesHeaders: {} },
      phoenix: { projectName: 'traced-chat', feedbackDataset: 'traced-chat-thumbs-down', clientHeaders: {} },
      batch: { scheduledDelayMillis: 5000, exportTimeoutMillis: 10_000, maxQueueSize: 2048, maxExportBatchSize: 512 },
      retry: { maxQueueSpans: 2048, maxAgeMs: 300_000, maxBackoffMs: 30_000 },
      tracing: {
        mode: 'openinference',
        serviceName: 'traced-chat',
        allSpans: false,
        sampler: { name: 'parentbased_always_on', ratio: 1 },
        spanLimits: { attributeCountLimit: 1024, attributeValueLengthLimit: 65_536 },
        flushAfterTurn: false,
        flushWindowMs: 50,
        shutdownGraceMs: 10_000,
        localCopy: false,
        diagnostics: false,
      },
      masking: { hideInputs: false, base64ImageMaxLength: 32_000 },
      inspector: { setting: 'default' },
      http: { trustProxy: false, experimentalHttps: false },
      problems: [],
    });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.tracing.sampler)).toBe(true);
    expect(() => ((config.chat as { turnTimeoutMs: number }).turnTimeoutMs = 1)).toThrow(TypeError);
  });

  it('keeps the precedence rules: OTEL_SPAN_* before OTEL_*, traces-specific before general, next dev defaults', () => {
    const config = readConfig({
      OTEL_SPAN_ATTRIBUTE_COUNT_LIMIT: '2048',
      OTEL_ATTRIBUTE_COUNT_LIMIT: '10',
      OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT: '1000',
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf',
      OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'HTTP/JSON',
      NODE_ENV: 'development',
    });
    expect(config.tracing.spanLimits).toEqual({ attributeCountLimit: 2048, attributeValueLengthLimit: 1000 });
    expect(config.otlp.protocol).toBe('http/json');
    expect(config.tracing.flushAfterTurn).toBe(true);
    expect(config.inspector.url).toBe('http://127.0.0.1:6007');
    expect(readConfig({ VERCEL: '1' })).toMatchObject({ http: { trustProxy: true }, tracing: { flushAfterTurn: true }, platform: 'vercel' });
    expect(readConfig({ VERCEL: '1', TRUST_PROXY: 'no', TRACE_FLUSH_AFTER_TURN: 'off' })).toMatchObject({ http: { trustProxy: false }, tracing: { flushAfterTurn: false } });
  });

  it('an invalid value falls back to the default and is reported, a secret without its value', () => {
    const config = readConfig({ OTEL_BSP_SCHEDULE_DELAY: 'abc', TRACING_MODE: 'bogus', FEEDBACK_SIGNING_KEY: 'too-short-key', TRACE_INSPECTOR: 'maybe' });
    expect(config.batch.scheduledDelayMillis).toBe(5000);
    expect(config.tracing.mode).toBe('openinference');
    expect(config.feedback.signingKey).toBeUndefined();
    expect(config.inspector).toMatchObject({ setting: 'invalid', invalidSetting: 'maybe' });
    expect(config.problems.map((problem) => problem.variable).sort()).toEqual(['FEEDBACK_SIGNING_KEY', 'OTEL_BSP_SCHEDULE_DELAY', 'TRACE_INSPECTOR', 'TRACING_MODE']);
    expect(JSON.stringify(config.problems)).not.toContain('too-short-key');
    // The redactor still knows the rejected key.
    expect(config.secrets.values).toContain('too-short-key');
  });
});

describe('appConfig', () => {
  it('reads process.env once and prints ONE start-up warning per invalid value, once per process', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.stubEnv('OTEL_BSP_SCHEDULE_DELAY', 'abc');
    const first = appConfig();
    expect(appConfig()).toBe(first);
    expect(first.batch.scheduledDelayMillis).toBe(5000);
    resetAppConfig(); // another bundle of the same process reads it again: no second warning
    appConfig();
    const lines = warn.mock.calls.map((call) => String(call[0]));
    expect(lines).toEqual(['[config] OTEL_BSP_SCHEDULE_DELAY="abc" is invalid: expected a whole number of milliseconds >= 0; using 5000.']);
  });

  it('does not echo a secret in its warning', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.stubEnv('TRACE_INSPECTOR_TOKEN', 'tiny-token');
    appConfig();
    const lines = warn.mock.calls.map((call) => String(call[0]));
    expect(lines).toEqual(['[config] TRACE_INSPECTOR_TOKEN (value not shown) is invalid: expected at least 16 characters (got 10); using none (TRACE_INSPECTOR=1 stays off).']);
  });

  it('prints nothing where the Node runtime already did (the edge sandbox starts with a copy of the environment)', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.stubEnv('TRACE_RETRY_MAX_AGE_MS', 'forever');
    vi.stubEnv('TRACED_CHAT_CONFIG_CHECKED', '1');
    expect(appConfig().retry.maxAgeMs).toBe(300_000);
    expect(warn).not.toHaveBeenCalled();
  });
});
