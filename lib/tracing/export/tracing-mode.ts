/**
 * Which tracing the app runs with, from `TRACING_MODE`:
 * - `openinference` (default): our manual OpenInference spans (CHAIN/AGENT turn, LLM, TOOL).
 * - `off`: no spans at all — the untraced baseline of the benchmark.
 * - `peer`: the AI SDK's own telemetry (`@ai-sdk/otel`) translated by `@arizeai/openinference-vercel`;
 *   our spans are off. Used only by the benchmark, to compare against the common approach.
 */
export type TracingMode = 'openinference' | 'off' | 'peer';

export function tracingMode(env: Record<string, string | undefined> = process.env): TracingMode {
  const value = env.TRACING_MODE?.trim().toLowerCase();
  return value === 'off' || value === 'peer' ? value : 'openinference';
}
