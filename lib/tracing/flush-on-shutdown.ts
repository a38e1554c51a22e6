import { diag } from '@opentelemetry/api';
import { endAllOpenSpans, openSpanCount } from './span-lifecycle';
import { flushTraces } from './trace-processor';

const DEFAULT_GRACE_MS = 10_000;

/**
 * `next start` does not flush spans when it is told to stop: its SIGTERM/SIGINT handler waits for
 * in-flight requests, then exits, and spans still in the batch queue are lost. This exports what has
 * ended at once, gives open turns `graceMs` to finish (Next is still serving them), ends whatever is
 * left as interrupted, and exports again. Node runtime only.
 */
export function flushOnShutdown(graceMs = DEFAULT_GRACE_MS): void {
  if (process.env.NEXT_MANUAL_SIG_HANDLE) return; // the app handles signals itself
  let started = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (started) return;
    started = true;
    void (async () => {
      await flushTraces();
      const deadline = Date.now() + graceMs;
      while (openSpanCount() > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      const interrupted = endAllOpenSpans({ type: 'aborted', reason: `server shutting down (${signal})` });
      if (interrupted > 0) diag.warn(`[tracing] ended ${interrupted} span(s) interrupted by ${signal}`);
      await flushTraces();
    })();
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}
