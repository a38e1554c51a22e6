import { registerOTel } from '@vercel/otel';
import type { AppConfig } from '@/lib/config/config-types';
import { createOTelConfiguration } from './otel-configuration';

/**
 * Registers our OpenInference tracing with `@vercel/otel` (Node and edge), as `TRACING_MODE` says:
 * `openinference` (default) registers the provider; `off` registers none at all — a truly untraced
 * app, the benchmark's baseline. (`peer`, benchmark only, is registered by instrumentation.ts from
 * bench/, which lib never imports.) Returns whether a provider was registered.
 */
export function registerTracing(config: AppConfig): boolean {
  if (config.tracing.mode !== 'openinference') return false;
  registerOTel(createOTelConfiguration(config));
  return true;
}
