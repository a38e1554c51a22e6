import { trace, type Tracer } from '@opentelemetry/api';

export const TRACER_NAME = 'traced-chat';
export const TRACER_VERSION = '0.1.0';

/**
 * The tracer for this app's manual OpenInference spans. Looked up on every call (cheap) so it always
 * resolves through whatever provider `instrumentation.ts` registered, including in tests that
 * register their own provider.
 */
export function getTracer(): Tracer {
  return trace.getTracer(TRACER_NAME, TRACER_VERSION);
}
