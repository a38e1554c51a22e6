import { appConfig, CONFIG_CHECKED_VARIABLE } from './lib/config/app-config';
import { registerTracing } from './lib/tracing/export/register-tracing';

/**
 * Registers the OpenTelemetry provider once per server process (lib/tracing/export/register-tracing.ts;
 * configuration from lib/config). `TRACING_MODE=peer` (benchmark only, Node only) registers the AI
 * SDK's own telemetry from bench/ instead. Node-only code is imported behind the literal
 * `process.env.NEXT_RUNTIME` check, which Next inlines, so that the edge bundle never contains it.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    // Before Next's edge sandbox copies the environment: one feedback signing key for both runtimes,
    // and the start-up warnings about invalid values printed here only (appConfig prints them).
    const { ensureFeedbackSigningKey } = await import('./lib/feedback/feedback-token');
    ensureFeedbackSigningKey(process.env);
    appConfig();
    process.env[CONFIG_CHECKED_VARIABLE] = '1';
  }
  const config = appConfig();
  if (config.tracing.mode !== 'peer' && !registerTracing(config)) return;
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    if (config.tracing.mode === 'peer') (await import('./bench/peer-tracing')).registerPeerTracing(config);
    (await import('./lib/tracing/export/flush-on-shutdown')).flushOnShutdown(config.tracing);
  }
}
