/**
 * The app's configuration as `readConfig` returns it: every environment variable of
 * docs/configuration.md, read once by its kind's rule (env-rules.ts), typed and frozen. Modules take
 * the slice they need (`config.chat`, `config.otlp`, …) instead of a raw environment record.
 */
import type { FreezingPlatform } from './detect-platform';
import type { EnvProblem } from './env-rules';

export type { FreezingPlatform } from './detect-platform';
export type { EnvProblem } from './env-rules';

export type OtlpProtocol = 'http/protobuf' | 'http/json';
export type TracingMode = 'openinference' | 'off' | 'peer';
export const SAMPLER_NAMES = [
  'always_on',
  'always_off',
  'traceidratio',
  'parentbased_always_on',
  'parentbased_always_off',
  'parentbased_traceidratio',
] as const;
export type SamplerName = (typeof SAMPLER_NAMES)[number];
/** `TRACE_INSPECTOR`: unset (`default`: local under next dev, off otherwise), a boolean, or `local`. */
export type InspectorSetting = 'default' | 'off' | 'on' | 'local' | 'invalid';

export interface ProviderAccess {
  apiKey?: string;
  /** As configured (trimmed); checked to be http(s) when the provider is used (a 500 naming the variable). */
  baseUrl?: string;
}

export interface ProviderConfig {
  /** `CHAT_PROVIDER`, lowercase; an unknown name is a 500 `provider_misconfigured` naming the variable. */
  provider?: string;
  model?: string;
  llmProvider?: string;
  openai: ProviderAccess;
  anthropic: ProviderAccess;
  google: ProviderAccess;
  openaiCompatible: ProviderAccess;
}

export interface ChatConfig {
  turnTimeoutMs: number;
  stallTimeoutMs: number;
  modelMaxRetries: number;
  offlineDelayMs: number;
}

export interface OtlpConfig {
  /** `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` (used as is). */
  tracesEndpoint?: string;
  /** `OTEL_EXPORTER_OTLP_ENDPOINT` (`/v1/traces` appended). */
  endpoint?: string;
  /** `OTEL_EXPORTER_OTLP_HEADERS`. */
  headers: Readonly<Record<string, string>>;
  /** `OTEL_EXPORTER_OTLP_TRACES_HEADERS` (override the general ones). */
  tracesHeaders: Readonly<Record<string, string>>;
  protocol: OtlpProtocol;
  timeoutMs: number;
}

export interface PhoenixConfig {
  collectorEndpoint?: string;
  apiKey?: string;
  clientHeaders: Readonly<Record<string, string>>;
  projectName: string;
  feedbackDataset: string;
}

export interface BatchConfig {
  scheduledDelayMillis: number;
  exportTimeoutMillis: number;
  maxQueueSize: number;
  maxExportBatchSize: number;
}

export interface RetryConfig {
  maxQueueSpans: number;
  maxAgeMs: number;
  maxBackoffMs: number;
}

export interface TracingConfig {
  mode: TracingMode;
  serviceName: string;
  allSpans: boolean;
  sampler: { name: SamplerName; ratio: number };
  spanLimits: { attributeCountLimit: number; attributeValueLengthLimit: number };
  /** `TRACE_FLUSH_AFTER_TURN` resolved: explicit, else on where the platform may freeze or under next dev. */
  flushAfterTurn: boolean;
  flushWindowMs: number;
  shutdownGraceMs: number;
  /** `NEXT_MANUAL_SIG_HANDLE`: the app handles SIGTERM/SIGINT itself. */
  manualSignalHandling: boolean;
  /** `TRACE_LOCAL_COPY`: also export to the inspector's receiver. */
  localCopy: boolean;
  diagnostics: boolean;
}

export interface MaskingConfig {
  hideInputs: boolean;
  hideOutputs: boolean;
  hideInputMessages: boolean;
  hideOutputMessages: boolean;
  hideInputImages: boolean;
  hideInputText: boolean;
  hideOutputText: boolean;
  hideLLMInvocationParameters: boolean;
  hideLLMTools: boolean;
  hidePrompts: boolean;
  hideEmbeddingVectors: boolean;
  base64ImageMaxLength: number;
}

export interface InspectorConfig {
  setting: InspectorSetting;
  /** The raw `TRACE_INSPECTOR` when it is invalid (for the 404 page's explanation). */
  invalidSetting?: string;
  /** `TRACE_INSPECTOR_TOKEN`, trimmed (its length is checked by the inspector policy). */
  token?: string;
  /** `TRACE_INSPECTOR_URL`, else http://127.0.0.1:6007 under next dev; no trailing slash. */
  url?: string;
  /** `RECEIVER_API_KEY`. */
  receiverApiKey?: string;
}

export interface AppConfig {
  runtime: 'nodejs' | 'edge';
  /** `NODE_ENV=development` (next dev). */
  development: boolean;
  /** `VERCEL=1`. */
  vercel: boolean;
  platform: FreezingPlatform | undefined;
  chat: ChatConfig;
  provider: ProviderConfig;
  otlp: OtlpConfig;
  phoenix: PhoenixConfig;
  batch: BatchConfig;
  retry: RetryConfig;
  tracing: TracingConfig;
  masking: MaskingConfig;
  inspector: InspectorConfig;
  /** `FEEDBACK_SIGNING_KEY` when usable (>= 32 characters). */
  feedback: { signingKey?: string };
  /** `TRUST_PROXY` resolved (default: on on Vercel); `__NEXT_EXPERIMENTAL_HTTPS`. */
  http: { trustProxy: boolean; experimentalHttps: boolean };
  /** `OTEL_LOG_LEVEL` (read by @vercel/otel itself; checked here). */
  otelLogLevel?: string;
  /**
   * For the redactor (lib/secrets): every credential as configured, even one its rule rejects (API
   * keys, tokens, header values), and the endpoint URLs that may carry a password.
   */
  secrets: { values: readonly string[]; urls: readonly string[] };
  /** Invalid values met while reading, each warned about once per process (app-config.ts). */
  problems: readonly EnvProblem[];
}
