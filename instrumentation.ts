import { registerOTel } from '@vercel/otel';
import { createOTelConfiguration } from './lib/tracing/export/otel-configuration';
import { tracingMode } from './lib/tracing/export/tracing-mode';

/**
 * Registers the OpenTelemetry provider once per server process, as `TRACING_MODE` says:
 * - `openinference` (default): our OpenInference spans, Node and edge;
 * - `off`: no provider at all — a truly untraced app (the benchmark's baseline);
 * - `peer`: `@vercel/otel` + `@arizeai/openinference-vercel` + the AI SDK's own telemetry, Node only
 *   (imported dynamically so that the edge bundle stays free of it).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    // Before the edge sandbox copies the environment: one feedback signing key for both runtimes.
    const { ensureFeedbackSigningKey } = await import('./lib/feedback/feedback-token');
    ensureFeedbackSigningKey(process.env);
  }
  const mode = tracingMode(process.env);
  if (mode === 'off') return;
  if (mode === 'peer') {
    if (process.env.NEXT_RUNTIME === 'nodejs') {
      const { registerPeerTracing } = await import('./bench/peer-tracing');
      registerPeerTracing(process.env);
      const { flushOnShutdown } = await import('./lib/tracing/export/flush-on-shutdown');
      flushOnShutdown();
    }
    return;
  }
  registerOTel(createOTelConfiguration(process.env));
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { flushOnShutdown } = await import('./lib/tracing/export/flush-on-shutdown');
    flushOnShutdown();
  }
}
