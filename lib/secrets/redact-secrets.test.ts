import { describe, expect, it } from 'vitest';
import { configuredSecrets, redactedError, redactSecrets } from './redact-secrets';
import { readConfig } from '@/lib/config/read-config';

describe('redactSecrets', () => {
  const env = { OPENAI_API_KEY: 'my-odd-key-123456', PHOENIX_API_KEY: 'phx-PLANTED-1' };
  it('removes the configured keys, bearer tokens and sk- keys', () => {
    expect(redactSecrets('Incorrect API key provided: my-odd-key-123456.', readConfig(env))).toBe('Incorrect API key provided: [REDACTED].');
    expect(redactSecrets('sent Authorization: Bearer abc.def-ghi', readConfig(env))).toBe('sent Authorization: Bearer [REDACTED]');
    expect(redactSecrets('key sk-proj-AbCdEf123456 is wrong', readConfig(env))).toBe('key [REDACTED] is wrong');
    expect(redactSecrets('phx-PLANTED-1 leaked', readConfig(env))).toBe('[REDACTED] leaked');
    expect(redactSecrets('nothing secret here', readConfig(env))).toBe('nothing secret here');
  });
  it('redacts an error message and stack, keeping its name', () => {
    const error = new TypeError('bad key sk-test-PLANTED0001');
    const copy = redactedError(error);
    expect(copy.name).toBe('TypeError');
    expect(copy.message).toBe('bad key [REDACTED]');
    expect(copy.stack).not.toContain('PLANTED');
  });
});

describe('every configured secret is redacted', () => {
  // A distinct planted value per variable, so that a miss names the variable.
  const planted = {
    OPENAI_API_KEY: 'planted-openai-0001',
    ANTHROPIC_API_KEY: 'planted-anthropic-0002',
    GOOGLE_GENERATIVE_AI_API_KEY: 'planted-google-0003',
    PHOENIX_API_KEY: 'planted-phoenix-0004',
    RECEIVER_API_KEY: 'planted-receiver-0005',
    TRACE_INSPECTOR_TOKEN: 'planted-inspector-0006',
    FEEDBACK_SIGNING_KEY: 'planted-feedback-signing-0007',
  };
  const headers = {
    OTEL_EXPORTER_OTLP_HEADERS: 'x-otlp-key=planted-otlp-0008,x-tenant=planted%20tenant%200009',
    OTEL_EXPORTER_OTLP_TRACES_HEADERS: 'authorization=Basic%20cGxhbnRlZC10cmFjZXMtMDAxMA',
    PHOENIX_CLIENT_HEADERS: 'api_key=planted-client-0011',
    OTEL_EXPORTER_OTLP_ENDPOINT: 'https://user:planted-url-password-0012@collector.example/',
  };
  const env = { ...planted, ...headers };
  const values = [...Object.values(planted), 'planted-otlp-0008', 'planted tenant 0009', 'cGxhbnRlZC10cmFjZXMtMDAxMA', 'planted-client-0011', 'planted-url-password-0012'];

  it.each(values)('%s', (secret) => {
    const text = `upstream said: bad credentials "${secret}" (also ${encodeURIComponent(secret)}) — retry`;
    const out = redactSecrets(text, readConfig(env));
    expect(out).not.toContain(secret);
    expect(out).not.toContain(encodeURIComponent(secret));
    expect(out).toContain('[REDACTED]');
    expect(out).toMatch(/^upstream said: bad credentials/);
  });

  it('lists them all, longest first, and ignores values too short to be secrets', () => {
    const secrets = configuredSecrets(readConfig({ ...env, PHOENIX_CLIENT_HEADERS: 'x-a=1,x-b=abc' }));
    for (const value of values.filter((v) => v !== 'planted-client-0011')) expect(secrets).toContain(value);
    expect(secrets).not.toContain('1');
    expect(secrets).not.toContain('abc');
    expect([...secrets].sort((a, b) => b.length - a.length)).toEqual(secrets);
  });

  it('the header values the exporter sends (Phoenix: Authorization Bearer PHOENIX_API_KEY) and key-shaped strings', () => {
    expect(redactSecrets('sent Bearer planted-phoenix-0004', readConfig({ PHOENIX_API_KEY: 'planted-phoenix-0004' }))).toBe('sent Bearer [REDACTED]');
    expect(redactSecrets('key sk-ant-api03-AbCdEf123456 and AIzaSyA1234567890abcdefghijk', readConfig({}))).toBe('key [REDACTED] and [REDACTED]');
  });
});
