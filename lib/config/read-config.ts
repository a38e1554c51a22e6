/**
 * `readConfig(env)`: every environment variable of docs/configuration.md, each read by the rule of
 * its kind (env-rules.ts), into one typed, frozen object. Pure: no `process.env`, no `node:`
 * imports (edge runtime, server actions, tests). Every variable is read on every call, whatever the
 * others say (config-boundary.test.ts relies on it), and precedence is applied afterwards.
 */
import type { AppConfig, InspectorSetting, OtlpProtocol, SamplerName, TracingMode } from './config-types';
import { SAMPLER_NAMES } from './config-types';
import * as D from './config-defaults';
import { freezingPlatform } from './detect-platform';
import {
  BOOLEAN_OFF,
  BOOLEAN_ON,
  firstSet,
  rawValue,
  readBoolean,
  readDurationMs,
  readHeaders,
  readInteger,
  readNumber,
  readOneOf,
  readSecret,
  readText,
  readUrl,
  type Env,
  type EnvProblem,
  type Reading,
} from './env-rules';

/** Endpoints whose URL may carry a password (`https://user:password@host`), for the redactor. */
const URL_VARIABLES = [
  'PHOENIX_COLLECTOR_ENDPOINT',
  'OTEL_EXPORTER_OTLP_ENDPOINT',
  'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT',
  'TRACE_INSPECTOR_URL',
  'OPENAI_BASE_URL',
  'ANTHROPIC_BASE_URL',
  'GOOGLE_GENERATIVE_AI_BASE_URL',
  'OPENAI_COMPATIBLE_BASE_URL',
];
const MISCONFIGURED = 'nothing: chat requests answer HTTP 500 provider_misconfigured until it is fixed';

/** `options.userAgent`: `navigator.userAgent` by default (Cloudflare Workers name themselves there). */
export function readConfig(env: Env, options: { userAgent?: string } = {}): AppConfig {
  const problems: EnvProblem[] = [];
  const secretValues: string[] = [];
  const take = <T>(reading: Reading<T>): T => {
    if (reading.problem) problems.push(reading.problem);
    return reading.value;
  };
  /** Credentials are kept for the redactor as configured, even when their rule rejects them. */
  const credential = <T>(name: string, reading: Reading<T>): T => {
    const raw = rawValue(env, name);
    if (raw !== undefined) secretValues.push(raw);
    return take(reading);
  };
  const headerList = (name: string) => {
    const headers = take(readHeaders(env, name));
    secretValues.push(...Object.values(headers));
    return headers;
  };
  const bool = (name: string, fallback: boolean) => take(readBoolean(env, name, fallback));
  const ms = (name: string, fallback: number, min = 0) => take(readDurationMs(env, name, fallback, { min }));
  const count = (name: string, fallback: number, min = 1) => take(readInteger(env, name, fallback, { min }));
  const secret = (name: string) => credential(name, readSecret(env, name));
  const text = (name: string) => take(readText(env, name, undefined));
  /** Kept as configured (the provider check answers 500 naming it); an invalid value also warns at start-up. */
  const providerUrl = (name: string) => {
    const reading = readUrl(env, name, undefined, MISCONFIGURED);
    if (reading.problem) problems.push(reading.problem);
    return rawValue(env, name);
  };

  const development = env.NODE_ENV === 'development';
  const vercel = env.VERCEL === '1';
  const platform = freezingPlatform(env, options.userAgent);

  const chatProvider = rawValue(env, 'CHAT_PROVIDER')?.toLowerCase();
  take(readOneOf(env, 'CHAT_PROVIDER', ['openai', 'anthropic', 'google', 'openai-compatible', 'offline'], undefined, MISCONFIGURED));
  const provider = {
    ...(chatProvider ? { provider: chatProvider } : {}),
    ...optional('model', text('CHAT_MODEL')),
    ...optional('llmProvider', text('CHAT_LLM_PROVIDER')?.toLowerCase()),
    openai: access(secret('OPENAI_API_KEY'), providerUrl('OPENAI_BASE_URL')),
    anthropic: access(secret('ANTHROPIC_API_KEY'), providerUrl('ANTHROPIC_BASE_URL')),
    google: access(secret('GOOGLE_GENERATIVE_AI_API_KEY'), providerUrl('GOOGLE_GENERATIVE_AI_BASE_URL')),
    openaiCompatible: access(secret('OPENAI_COMPATIBLE_API_KEY'), providerUrl('OPENAI_COMPATIBLE_BASE_URL')),
  };

  const protocolVariable = firstSet(env, ['OTEL_EXPORTER_OTLP_TRACES_PROTOCOL', 'OTEL_EXPORTER_OTLP_PROTOCOL']);
  const otlp = {
    ...optional('tracesEndpoint', take(readUrl(env, 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', undefined))),
    ...optional('endpoint', take(readUrl(env, 'OTEL_EXPORTER_OTLP_ENDPOINT', undefined))),
    headers: headerList('OTEL_EXPORTER_OTLP_HEADERS'),
    tracesHeaders: headerList('OTEL_EXPORTER_OTLP_TRACES_HEADERS'),
    protocol: take(readOneOf<OtlpProtocol, OtlpProtocol>(env, protocolVariable, ['http/protobuf', 'http/json'], 'http/protobuf')),
    timeoutMs: ms(firstSet(env, ['OTEL_EXPORTER_OTLP_TRACES_TIMEOUT', 'OTEL_EXPORTER_OTLP_TIMEOUT']), D.DEFAULT_EXPORT_TIMEOUT_MS, 1),
  };

  const phoenix = {
    ...optional('collectorEndpoint', take(readUrl(env, 'PHOENIX_COLLECTOR_ENDPOINT', undefined))),
    ...optional('apiKey', secret('PHOENIX_API_KEY')),
    clientHeaders: headerList('PHOENIX_CLIENT_HEADERS'),
    projectName: take(readText(env, 'PHOENIX_PROJECT_NAME', D.DEFAULT_PROJECT_NAME)),
    feedbackDataset: take(
      readText(env, 'PHOENIX_FEEDBACK_DATASET', D.DEFAULT_FEEDBACK_DATASET, {
        pattern: D.DATASET_NAME_PATTERN,
        expected: 'a Phoenix dataset name (letters, digits, spaces, _ . : -; at most 200)',
      }),
    ),
  };

  const batch = {
    scheduledDelayMillis: ms('OTEL_BSP_SCHEDULE_DELAY', D.DEFAULT_BATCH.scheduledDelayMillis),
    exportTimeoutMillis: ms('OTEL_BSP_EXPORT_TIMEOUT', D.DEFAULT_BATCH.exportTimeoutMillis),
    maxQueueSize: count('OTEL_BSP_MAX_QUEUE_SIZE', D.DEFAULT_BATCH.maxQueueSize),
    maxExportBatchSize: count('OTEL_BSP_MAX_EXPORT_BATCH_SIZE', D.DEFAULT_BATCH.maxExportBatchSize),
  };
  const retry = {
    maxQueueSpans: count('TRACE_RETRY_QUEUE_MAX_SPANS', D.DEFAULT_RETRY.maxQueueSpans),
    maxAgeMs: ms('TRACE_RETRY_MAX_AGE_MS', D.DEFAULT_RETRY.maxAgeMs, 1),
    maxBackoffMs: ms('TRACE_RETRY_MAX_BACKOFF_MS', D.DEFAULT_RETRY.maxBackoffMs, 1),
  };

  const flushAfterTurn = take(readBoolean(env, 'TRACE_FLUSH_AFTER_TURN', undefined, 'the default (on where the platform may freeze the function, and under next dev)'));
  const tracing = {
    mode: take(readOneOf<TracingMode, TracingMode>(env, 'TRACING_MODE', ['openinference', 'off', 'peer'], 'openinference')),
    serviceName: take(readText(env, 'OTEL_SERVICE_NAME', D.DEFAULT_SERVICE_NAME)),
    allSpans: bool('TRACE_ALL_SPANS', false),
    sampler: {
      name: take(readOneOf<SamplerName, SamplerName>(env, 'OTEL_TRACES_SAMPLER', SAMPLER_NAMES, 'parentbased_always_on')),
      ratio: take(readNumber(env, 'OTEL_TRACES_SAMPLER_ARG', 1, { min: 0, max: 1 })),
    },
    spanLimits: {
      attributeCountLimit: count(firstSet(env, ['OTEL_SPAN_ATTRIBUTE_COUNT_LIMIT', 'OTEL_ATTRIBUTE_COUNT_LIMIT']), D.SPAN_ATTRIBUTE_COUNT_LIMIT),
      attributeValueLengthLimit: count(
        firstSet(env, ['OTEL_SPAN_ATTRIBUTE_VALUE_LENGTH_LIMIT', 'OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT']),
        D.DEFAULT_ATTRIBUTE_VALUE_LENGTH_LIMIT,
      ),
    },
    flushAfterTurn: flushAfterTurn ?? (platform !== undefined || development),
    flushWindowMs: ms('TRACE_FLUSH_WINDOW_MS', D.DEFAULT_FLUSH_WINDOW_MS),
    shutdownGraceMs: ms('TRACE_SHUTDOWN_GRACE_MS', D.DEFAULT_SHUTDOWN_GRACE_MS),
    manualSignalHandling: rawValue(env, 'NEXT_MANUAL_SIG_HANDLE') !== undefined,
    localCopy: bool('TRACE_LOCAL_COPY', false),
    diagnostics: bool('TRACE_DIAGNOSTICS', false),
  };

  const masking = {
    hideInputs: bool('OPENINFERENCE_HIDE_INPUTS', false),
    hideOutputs: bool('OPENINFERENCE_HIDE_OUTPUTS', false),
    hideInputMessages: bool('OPENINFERENCE_HIDE_INPUT_MESSAGES', false),
    hideOutputMessages: bool('OPENINFERENCE_HIDE_OUTPUT_MESSAGES', false),
    hideInputImages: bool('OPENINFERENCE_HIDE_INPUT_IMAGES', false),
    hideInputText: bool('OPENINFERENCE_HIDE_INPUT_TEXT', false),
    hideOutputText: bool('OPENINFERENCE_HIDE_OUTPUT_TEXT', false),
    hideLLMInvocationParameters: bool('OPENINFERENCE_HIDE_LLM_INVOCATION_PARAMETERS', false),
    hideLLMTools: bool('OPENINFERENCE_HIDE_LLM_TOOLS', false),
    hidePrompts: bool('OPENINFERENCE_HIDE_PROMPTS', false),
    hideEmbeddingVectors: bool('OPENINFERENCE_HIDE_EMBEDDING_VECTORS', false),
    base64ImageMaxLength: count('OPENINFERENCE_BASE64_IMAGE_MAX_LENGTH', D.DEFAULT_BASE64_IMAGE_MAX_LENGTH, 0),
  };

  const inspectorRaw = rawValue(env, 'TRACE_INSPECTOR');
  const inspectorValue = take(
    readOneOf(env, 'TRACE_INSPECTOR', ['local', ...BOOLEAN_ON, ...BOOLEAN_OFF], undefined, 'off (the inspector stays disabled)'),
  );
  const setting: InspectorSetting =
    inspectorRaw === undefined ? 'default' : inspectorValue === undefined ? 'invalid' : inspectorValue === 'local' ? 'local' : BOOLEAN_ON.includes(inspectorValue) ? 'on' : 'off';
  const inspectorUrl = take(readUrl(env, 'TRACE_INSPECTOR_URL', development ? D.DEFAULT_INSPECTOR_URL : undefined));
  const inspector = {
    setting,
    ...(setting === 'invalid' ? { invalidSetting: inspectorRaw } : {}),
    ...optional('token', credential('TRACE_INSPECTOR_TOKEN', readSecret(env, 'TRACE_INSPECTOR_TOKEN', { minLength: D.MIN_INSPECTOR_TOKEN_LENGTH, using: 'none (TRACE_INSPECTOR=1 stays off)' }))),
    ...optional('url', inspectorUrl?.replace(/\/+$/, '')),
    ...optional('receiverApiKey', secret('RECEIVER_API_KEY')),
  };

  const signingKey = credential('FEEDBACK_SIGNING_KEY', readSecret(env, 'FEEDBACK_SIGNING_KEY', { minLength: D.MIN_SIGNING_KEY_LENGTH, using: 'a random per-process key' }));
  const http = { trustProxy: take(readBoolean(env, 'TRUST_PROXY', vercel)), experimentalHttps: env.__NEXT_EXPERIMENTAL_HTTPS === '1' };
  const otelLogLevel = take(readOneOf(env, 'OTEL_LOG_LEVEL', ['none', 'error', 'warn', 'info', 'debug', 'verbose', 'all'], undefined));

  const config: AppConfig = {
    runtime: env.NEXT_RUNTIME === 'edge' ? 'edge' : 'nodejs',
    development,
    vercel,
    platform,
    chat: {
      turnTimeoutMs: ms('CHAT_TURN_TIMEOUT_MS', D.DEFAULT_TURN_TIMEOUT_MS, 1),
      stallTimeoutMs: ms('CHAT_STALL_TIMEOUT_MS', D.DEFAULT_STALL_TIMEOUT_MS, 1),
      modelMaxRetries: count('CHAT_MODEL_MAX_RETRIES', D.DEFAULT_MODEL_MAX_RETRIES, 0),
      offlineDelayMs: ms('OFFLINE_MODEL_DELAY_MS', D.DEFAULT_OFFLINE_DELAY_MS),
    },
    provider,
    otlp,
    phoenix,
    batch,
    retry,
    tracing,
    masking,
    inspector,
    feedback: optional('signingKey', signingKey),
    http,
    ...optional('otelLogLevel', otelLogLevel),
    secrets: { values: secretValues, urls: URL_VARIABLES.flatMap((name) => rawValue(env, name) ?? []) },
    problems,
  };
  return deepFreeze(config);
}

function access(apiKey: string | undefined, baseUrl: string | undefined) {
  return { ...optional('apiKey', apiKey), ...optional('baseUrl', baseUrl) };
}

/** `{ [key]: value }` when value is defined, else `{}` (exactOptionalPropertyTypes-friendly). */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
