import { diag } from '@opentelemetry/api';
import { endAllOpenSpans, openSpanCount } from '../lifecycle/span-lifecycle';
import type { TracingConfig } from '@/lib/config/config-types';
import { flushTraces } from './trace-processor';

/** Upper bound on how long shutdown may be held for the final export. */
const EXPORT_BUDGET_MS = 5_000;

/**
 * `next start` does not flush spans when it is told to stop: on SIGTERM/SIGINT it drains in-flight
 * requests, then calls `process.exit()`, and spans still in the batch queue are lost. This exports
 * what has ended at once, gives open turns `graceMs` to finish (Next is still serving them), ends
 * whatever is left as aborted, and exports again — and holds Next's `process.exit()` until that is
 * done (at most `graceMs` + 5 s; `TRACE_SHUTDOWN_GRACE_MS`). Node runtime only.
 */
export function flushOnShutdown(tracing: Pick<TracingConfig, 'shutdownGraceMs' | 'manualSignalHandling'>): void {
  if (tracing.manualSignalHandling) return; // NEXT_MANUAL_SIG_HANDLE: the app handles signals itself
  const graceMs = tracing.shutdownGraceMs;
  let started = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (started) return;
    started = true;
    const done = drain(signal, graceMs);
    holdExitUntil(done, graceMs + EXPORT_BUDGET_MS);
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}

async function drain(signal: NodeJS.Signals, graceMs: number): Promise<void> {
  await flushTraces();
  const deadline = Date.now() + graceMs;
  while (openSpanCount() > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  const interrupted = endAllOpenSpans({ type: 'aborted', reason: `server shutting down (${signal})` });
  if (interrupted > 0) diag.warn(`[tracing] ended ${interrupted} span(s) interrupted by ${signal}`);
  await flushTraces({ drainRetryQueue: true });
}

/** Defers `process.exit()` (Next calls it once it has drained) until `done` settles, with a hard cap. */
function holdExitUntil(done: Promise<void>, capMs: number): void {
  const exit = process.exit.bind(process);
  process.exit = ((code?: number | string | null) => {
    const cap = setTimeout(() => exit(code), capMs);
    void done.finally(() => {
      clearTimeout(cap);
      exit(code);
    });
  }) as typeof process.exit;
}
