import { appConfig, type AppConfig } from '@/lib/config/app-config';

/**
 * Which tracing the app runs with, from `TRACING_MODE` (read by lib/config):
 * - `openinference` (default): our manual OpenInference spans (CHAIN/AGENT turn, LLM, TOOL).
 * - `off`: no spans at all — the untraced baseline of the benchmark.
 * - `peer`: the AI SDK's own telemetry (`@ai-sdk/otel`) translated by `@arizeai/openinference-vercel`;
 *   our spans are off. Used only by the benchmark, to compare against the common approach.
 */
export type { TracingMode } from '@/lib/config/config-types';

export function tracingMode(config: Pick<AppConfig, 'tracing'> = appConfig()) {
  return config.tracing.mode;
}
