/**
 * What OpenInference's masking env vars ask to hide, read once per process. The config type, its
 * defaults, `__REDACTED__` and the variable names are openinference-core's (so the masking rules it
 * exports apply unchanged), plus `OPENINFERENCE_HIDE_LLM_INVOCATION_PARAMETERS`, which the Python
 * instrumentors honour and openinference-core 2.7 does not know.
 */
import {
  DEFAULT_BASE64_IMAGE_MAX_LENGTH,
  generateTraceConfig,
  OPENINFERENCE_BASE64_IMAGE_MAX_LENGTH,
  OPENINFERENCE_HIDE_EMBEDDING_VECTORS,
  OPENINFERENCE_HIDE_INPUT_IMAGES,
  OPENINFERENCE_HIDE_INPUT_MESSAGES,
  OPENINFERENCE_HIDE_INPUT_TEXT,
  OPENINFERENCE_HIDE_INPUTS,
  OPENINFERENCE_HIDE_LLM_TOOLS,
  OPENINFERENCE_HIDE_OUTPUT_MESSAGES,
  OPENINFERENCE_HIDE_OUTPUT_TEXT,
  OPENINFERENCE_HIDE_OUTPUTS,
  OPENINFERENCE_HIDE_PROMPTS,
  REDACTED_VALUE,
  type TraceConfig as CoreTraceConfig,
} from '@arizeai/openinference-core';

export { DEFAULT_BASE64_IMAGE_MAX_LENGTH, REDACTED_VALUE };

/** openinference-core's `TraceConfig` (every option set) plus the one flag it lacks. */
export interface TraceConfig extends CoreTraceConfig {
  readonly hideLLMInvocationParameters: boolean;
}

const FLAGS = {
  hideInputs: OPENINFERENCE_HIDE_INPUTS,
  hideOutputs: OPENINFERENCE_HIDE_OUTPUTS,
  hideInputMessages: OPENINFERENCE_HIDE_INPUT_MESSAGES,
  hideOutputMessages: OPENINFERENCE_HIDE_OUTPUT_MESSAGES,
  hideInputImages: OPENINFERENCE_HIDE_INPUT_IMAGES,
  hideInputText: OPENINFERENCE_HIDE_INPUT_TEXT,
  hideOutputText: OPENINFERENCE_HIDE_OUTPUT_TEXT,
  hideEmbeddingVectors: OPENINFERENCE_HIDE_EMBEDDING_VECTORS,
  hidePrompts: OPENINFERENCE_HIDE_PROMPTS,
  hideLLMInvocationParameters: 'OPENINFERENCE_HIDE_LLM_INVOCATION_PARAMETERS',
  hideLLMTools: OPENINFERENCE_HIDE_LLM_TOOLS,
} as const;

export function traceConfigFromEnv(env: Readonly<Record<string, string | undefined>>): TraceConfig {
  const flags = Object.fromEntries(
    Object.entries(FLAGS).map(([name, variable]) => [name, env[variable]?.trim().toLowerCase() === 'true' || env[variable]?.trim() === '1']),
  ) as Record<keyof typeof FLAGS, boolean>;
  const max = Number(env[OPENINFERENCE_BASE64_IMAGE_MAX_LENGTH]);
  return toTraceConfig({
    ...flags,
    base64ImageMaxLength: env[OPENINFERENCE_BASE64_IMAGE_MAX_LENGTH] && Number.isInteger(max) && max >= 0 ? max : DEFAULT_BASE64_IMAGE_MAX_LENGTH,
  });
}

/**
 * A full config from explicit values, through openinference-core's `generateTraceConfig`. Every option
 * is passed, so it never falls back to reading `process.env` itself (it would for an omitted one).
 */
export function toTraceConfig(options: TraceConfig): TraceConfig {
  const core = generateTraceConfig({
    hideInputs: options.hideInputs,
    hideOutputs: options.hideOutputs,
    hideInputMessages: options.hideInputMessages,
    hideOutputMessages: options.hideOutputMessages,
    hideInputImages: options.hideInputImages,
    hideInputText: options.hideInputText,
    hideOutputText: options.hideOutputText,
    hideEmbeddingVectors: options.hideEmbeddingVectors,
    hidePrompts: options.hidePrompts,
    hideLLMTools: options.hideLLMTools,
    base64ImageMaxLength: options.base64ImageMaxLength,
  } satisfies Required<CoreTraceConfig>);
  return { ...core, hideLLMInvocationParameters: options.hideLLMInvocationParameters };
}

let cached: TraceConfig | undefined;

/** The process's trace config (env is read on first use; tests reset it with `resetTraceConfig`). */
export function getTraceConfig(): TraceConfig {
  return (cached ??= traceConfigFromEnv(typeof process === 'undefined' ? {} : process.env));
}

export function resetTraceConfig(): void {
  cached = undefined;
}
