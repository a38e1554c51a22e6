import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';

/**
 * `instrumentation.ts` and each route are bundled separately by Next, so a module-level variable
 * would not be shared between them: the processor is kept on `globalThis` under a private symbol.
 */
const KEY = Symbol.for('traced-chat.trace-processor');
type Holder = { [KEY]?: SpanProcessor };

/** Remembers the processor `instrumentation.ts` registered, so spans can be flushed on demand. */
export function setTraceProcessor(next: SpanProcessor): void {
  (globalThis as Holder)[KEY] = next;
}

/** Exports every ended span now. Never throws: telemetry must not break a request. */
export async function flushTraces(): Promise<void> {
  try {
    await (globalThis as Holder)[KEY]?.forceFlush();
  } catch (error) {
    console.warn('[tracing] flush failed:', error instanceof Error ? error.message : error);
  }
}
