import { after } from 'next/server';
import { appConfig, type AppConfig } from '@/lib/config/app-config';
import { requestFlush } from './trace-processor';

/** Longest a flush waits for a turn that has not ended yet (its own deadline ends it before this). */
const MAX_WAIT_MS = 5 * 60_000;

/**
 * `TRACE_FLUSH_AFTER_TURN`: on/off force it; by default it is on where the platform may freeze the
 * function after the response (Vercel, AWS Lambda, Netlify, Cloud Run, … — see lib/config/detect-platform.ts) and
 * under `next dev` (traces show up at once), and off on a long-running server, where the batch
 * processor exports every `OTEL_BSP_SCHEDULE_DELAY` ms with fewer, larger requests.
 */
export function flushAfterTurnEnabled(config: Pick<AppConfig, 'tracing'> = appConfig()): boolean {
  return config.tracing.flushAfterTurn; // resolved by lib/config/read-config.ts
}

/**
 * Exports a turn's spans as soon as the turn has ended, without waiting for the batch delay: on a
 * serverless platform the function may freeze right after the response, and spans still queued would
 * be lost. `after()` runs once the response has been sent and, where the platform has one, keeps the
 * function alive through its `waitUntil`. Turns ending together share one export (`requestFlush`).
 */
export function flushAfterTurn(turn: { ended: Promise<void> }): void {
  if (!flushAfterTurnEnabled()) return;
  after(async () => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([turn.ended, new Promise<void>((resolve) => (timer = setTimeout(resolve, MAX_WAIT_MS)))]);
    clearTimeout(timer);
    await requestFlush();
  });
}
