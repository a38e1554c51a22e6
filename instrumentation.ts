import { registerOTel } from '@vercel/otel';
import { createOTelConfiguration } from './lib/tracing/otel-configuration';

/** Registers the OpenTelemetry provider once per server process (Node and edge). */
export async function register(): Promise<void> {
  registerOTel(createOTelConfiguration(process.env));
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { flushOnShutdown } = await import('./lib/tracing/flush-on-shutdown');
    flushOnShutdown();
  }
}
