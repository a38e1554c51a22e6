import { registerOTel } from '@vercel/otel';
import { createOTelConfiguration } from './lib/tracing/otel-configuration';

/** Registers the OpenTelemetry provider once per server process (Node and edge). */
export function register(): void {
  registerOTel(createOTelConfiguration(process.env));
}
