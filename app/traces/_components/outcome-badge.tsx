import type { TurnOutcome } from '@/lib/inspector/session-api';

const OUTCOME_STYLES: Record<TurnOutcome, string> = {
  completed: 'bg-green-100 text-green-800',
  stopped: 'bg-amber-100 text-amber-800',
  'timed out': 'bg-orange-100 text-orange-800',
  error: 'bg-red-100 text-red-700',
  unfinished: 'bg-slate-100 text-slate-600',
};

/** How a turn ended, in words: a turn the user stopped reads "stopped" (its span status is UNSET). */
export function OutcomeBadge({ outcome, reason }: { outcome: TurnOutcome; reason?: string }) {
  return (
    <span
      data-testid="turn-outcome"
      data-outcome={outcome}
      title={reason}
      className={`inline-block shrink-0 rounded px-1.5 py-0.5 text-[11px] font-medium uppercase ${OUTCOME_STYLES[outcome]}`}
    >
      {outcome}
    </span>
  );
}

export function FeedbackTally({ up, down }: { up: number; down: number }) {
  if (up === 0 && down === 0) return <span className="text-slate-400">no feedback</span>;
  return (
    <span data-testid="feedback-tally" data-up={up} data-down={down} title="Thumbs feedback">
      {up > 0 ? <span className="text-emerald-700">▲ {up}</span> : null}
      {up > 0 && down > 0 ? ' ' : null}
      {down > 0 ? <span className="text-red-600">▼ {down}</span> : null}
    </span>
  );
}
