/**
 * What OpenInference's masking env vars ask to hide, read once per process. The config type, its
 * defaults, `__REDACTED__` and the variable names are openinference-core's (so the masking rules it
 * exports apply unchanged), plus `OPENINFERENCE_HIDE_LLM_INVOCATION_PARAMETERS`, which the Python
 * instrumentors honour and openinference-core 2.7 does not know.
 */
import { appConfig, readConfig, resetAppConfig } from '@/lib/config/app-config';
import type { MaskingConfig } from '@/lib/config/config-types';
import {
  DEFAULT_BASE64_IMAGE_MAX_LENGTH,
  generateTraceConfig,
  REDACTED_VALUE,
  type TraceConfig as CoreTraceConfig,
} from '@arizeai/openinference-core';

export { DEFAULT_BASE64_IMAGE_MAX_LENGTH, REDACTED_VALUE };

/** openinference-core's `TraceConfig` (every option set) plus the one flag it lacks. */
export interface TraceConfig extends CoreTraceConfig {
  readonly hideLLMInvocationParameters: boolean;
}

/**
 * A full config from explicit values, through openinference-core's `generateTraceConfig`. Every option
 * is passed, so it never falls back to reading the environment itself (it would for an omitted one).
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

/**
 * The masking settings from an environment record (lib/config's rules read it: `OPENINFERENCE_HIDE_*`
 * are booleans, `OPENINFERENCE_BASE64_IMAGE_MAX_LENGTH` a whole number >= 0).
 */
export function traceConfigFromEnv(env: Readonly<Record<string, string | undefined>>): TraceConfig {
  return toTraceConfig(readConfig(env).masking);
}

/** The process's trace config (`appConfig().masking`: read once; tests reset it with `resetTraceConfig`). */
export function getTraceConfig(): TraceConfig {
  const masking = appConfig().masking;
  if (cached?.from !== masking) cached = { from: masking, config: toTraceConfig(masking) };
  return cached.config;
}

let cached: { from: MaskingConfig; config: TraceConfig } | undefined;

export function resetTraceConfig(): void {
  resetAppConfig();
}
