import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { appConfig } from '@/lib/config/app-config';
import { coalesceFlushes } from './coalesced-flush';

/**
 * `instrumentation.ts` and each route are bundled separately by Next, so a module-level variable
 * would not be shared between them: the processor is kept on `globalThis` under a private symbol.
 */
const KEY = Symbol.for('traced-chat.trace-processor');
const DRAIN_KEY = Symbol.for('traced-chat.trace-drain');
const COALESCED_KEY = Symbol.for('traced-chat.trace-flush-coalesced');
type Holder = { [KEY]?: SpanProcessor; [DRAIN_KEY]?: () => Promise<void>; [COALESCED_KEY]?: () => Promise<void> };
const holder = globalThis as Holder;

/** Turns ending within this many ms of each other share one export (`TRACE_FLUSH_WINDOW_MS`). */
export { DEFAULT_FLUSH_WINDOW_MS } from '@/lib/config/config-defaults';

/** Remembers the processor `instrumentation.ts` registered, so spans can be flushed on demand. */
export function setTraceProcessor(next: SpanProcessor, drainRetryQueue?: () => Promise<void>): void {
  holder[KEY] = next;
  holder[DRAIN_KEY] = drainRetryQueue;
  holder[COALESCED_KEY] = undefined;
}

/** Exports every ended span now. Never throws: telemetry must not break a request. */
export async function flushTraces(options: { drainRetryQueue?: boolean } = {}): Promise<void> {
  try {
    await holder[KEY]?.forceFlush();
    // On shutdown: also try the spans queued during a collector outage, without waiting for the backoff.
    if (options.drainRetryQueue) await holder[DRAIN_KEY]?.();
  } catch (error) {
    console.warn('[tracing] flush failed:', error instanceof Error ? error.message : error);
  }
}

/**
 * Exports every span ended before this call, soon: concurrent requests share one export (see
 * `coalesced-flush.ts`), so 50 turns ending together make one request, not 50. Never throws.
 */
export function requestFlush(): Promise<void> {
  holder[COALESCED_KEY] ??= coalesceFlushes(() => flushTraces(), appConfig().tracing.flushWindowMs);
  return holder[COALESCED_KEY]();
}
