import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';

/**
 * `instrumentation.ts` and each route are bundled separately by Next, so a module-level variable
 * would not be shared between them: the processor is kept on `globalThis` under a private symbol.
 */
const KEY = Symbol.for('traced-chat.trace-processor');
const DRAIN_KEY = Symbol.for('traced-chat.trace-drain');
type Holder = { [KEY]?: SpanProcessor; [DRAIN_KEY]?: () => Promise<void> };

/** Remembers the processor `instrumentation.ts` registered, so spans can be flushed on demand. */
export function setTraceProcessor(next: SpanProcessor, drainRetryQueue?: () => Promise<void>): void {
  (globalThis as Holder)[KEY] = next;
  (globalThis as Holder)[DRAIN_KEY] = drainRetryQueue;
}

/** Exports every ended span now. Never throws: telemetry must not break a request. */
export async function flushTraces(options: { drainRetryQueue?: boolean } = {}): Promise<void> {
  try {
    await (globalThis as Holder)[KEY]?.forceFlush();
    // On shutdown: also try the spans queued during a collector outage, without waiting for the backoff.
    if (options.drainRetryQueue) await (globalThis as Holder)[DRAIN_KEY]?.();
  } catch (error) {
    console.warn('[tracing] flush failed:', error instanceof Error ? error.message : error);
  }
}
