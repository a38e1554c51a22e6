import { after } from 'next/server';
import { flushTraces } from './trace-processor';

/** Longest a flush waits for a turn that has not ended yet (its own deadline ends it before this). */
const MAX_WAIT_MS = 5 * 60_000;

/**
 * Exports a turn's spans as soon as the turn has ended, without waiting for the batch delay: on a
 * serverless platform the function may freeze right after the response, and spans still queued would
 * be lost. `after()` runs once the response has been sent and, where the platform has one, keeps the
 * function alive through its `waitUntil`.
 */
export function flushAfterTurn(turn: { ended: Promise<void> }): void {
  // A long-running server may prefer plain batching: TRACE_FLUSH_AFTER_TURN=0.
  if (isOff(process.env.TRACE_FLUSH_AFTER_TURN)) return;
  after(async () => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([turn.ended, new Promise<void>((resolve) => (timer = setTimeout(resolve, MAX_WAIT_MS)))]);
    clearTimeout(timer);
    await flushTraces();
  });
}

function isOff(value: string | undefined): boolean {
  return value === '0' || value?.toLowerCase() === 'false';
}
