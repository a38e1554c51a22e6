/**
 * What OpenInference's masking env vars ask to hide, read once per process. Same variables and
 * defaults as the OpenInference instrumentors (Python and JS), plus
 * `OPENINFERENCE_HIDE_LLM_INVOCATION_PARAMETERS`, which the Python ones honour.
 */
import { appConfig, readConfig, resetAppConfig } from '@/lib/config/app-config';

export interface TraceConfig {
  hideInputs: boolean;
  hideOutputs: boolean;
  hideInputMessages: boolean;
  hideOutputMessages: boolean;
  hideInputImages: boolean;
  hideInputText: boolean;
  hideOutputText: boolean;
  hideLLMInvocationParameters: boolean;
  hideLLMTools: boolean;
  base64ImageMaxLength: number;
}

export { DEFAULT_BASE64_IMAGE_MAX_LENGTH } from '@/lib/config/config-defaults';
export const REDACTED_VALUE = '__REDACTED__';

/**
 * The masking settings from an environment record (read by lib/config's rules: `OPENINFERENCE_HIDE_*`
 * are booleans, `OPENINFERENCE_BASE64_IMAGE_MAX_LENGTH` a whole number >= 0).
 */
export function traceConfigFromEnv(env: Readonly<Record<string, string | undefined>>): TraceConfig {
  return { ...readConfig(env).masking };
}

/** The process's trace config (`appConfig().masking`: read once; tests reset it with `resetTraceConfig`). */
export function getTraceConfig(): TraceConfig {
  return appConfig().masking;
}

export function resetTraceConfig(): void {
  resetAppConfig();
}
