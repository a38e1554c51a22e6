/**
 * What OpenInference's masking env vars ask to hide, read once per process. Same variables and
 * defaults as the OpenInference instrumentors (Python and JS), plus
 * `OPENINFERENCE_HIDE_LLM_INVOCATION_PARAMETERS`, which the Python ones honour.
 */
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

export const DEFAULT_BASE64_IMAGE_MAX_LENGTH = 32_000;
export const REDACTED_VALUE = '__REDACTED__';

const FLAGS = {
  hideInputs: 'OPENINFERENCE_HIDE_INPUTS',
  hideOutputs: 'OPENINFERENCE_HIDE_OUTPUTS',
  hideInputMessages: 'OPENINFERENCE_HIDE_INPUT_MESSAGES',
  hideOutputMessages: 'OPENINFERENCE_HIDE_OUTPUT_MESSAGES',
  hideInputImages: 'OPENINFERENCE_HIDE_INPUT_IMAGES',
  hideInputText: 'OPENINFERENCE_HIDE_INPUT_TEXT',
  hideOutputText: 'OPENINFERENCE_HIDE_OUTPUT_TEXT',
  hideLLMInvocationParameters: 'OPENINFERENCE_HIDE_LLM_INVOCATION_PARAMETERS',
  hideLLMTools: 'OPENINFERENCE_HIDE_LLM_TOOLS',
} as const;

export function traceConfigFromEnv(env: Readonly<Record<string, string | undefined>>): TraceConfig {
  const flags = Object.fromEntries(
    Object.entries(FLAGS).map(([name, variable]) => [name, env[variable]?.trim().toLowerCase() === 'true' || env[variable]?.trim() === '1']),
  ) as Record<keyof typeof FLAGS, boolean>;
  const max = Number(env.OPENINFERENCE_BASE64_IMAGE_MAX_LENGTH);
  return {
    ...flags,
    base64ImageMaxLength: env.OPENINFERENCE_BASE64_IMAGE_MAX_LENGTH && Number.isInteger(max) && max >= 0 ? max : DEFAULT_BASE64_IMAGE_MAX_LENGTH,
  };
}

let cached: TraceConfig | undefined;

/** The process's trace config (env is read on first use; tests reset it with `resetTraceConfig`). */
export function getTraceConfig(): TraceConfig {
  return (cached ??= traceConfigFromEnv(typeof process === 'undefined' ? {} : process.env));
}

export function resetTraceConfig(): void {
  cached = undefined;
}
