import Link from 'next/link';
import type { SessionTurn } from '@/lib/inspector/session-api';
import { formatMs } from '@/lib/inspector/span-view';
import { OutcomeBadge } from './outcome-badge';

/** A session's turns in the order they happened, as a conversation with each turn's numbers. */
export function SessionTurns({ turns }: { turns: SessionTurn[] }) {
  return (
    <ol data-testid="session-turns-list" className="space-y-3">
      {turns.map((turn, index) => (
        <li key={turn.traceId} data-testid="session-turn" data-trace-id={turn.traceId} data-outcome={turn.outcome} className="rounded-lg border border-slate-200 bg-white p-3 sm:p-4">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-500">
            <span className="font-semibold text-slate-700">#{index + 1}</span>
            <span className="font-medium text-slate-800">{turn.name}</span>
            <OutcomeBadge outcome={turn.outcome} reason={turn.outcomeReason} />
            <span title="Latency">{formatMs(turn.durationMs)}</span>
            {turn.totalTokens !== undefined ? (
              <span data-testid="turn-tokens" title={`prompt ${turn.promptTokens ?? '?'} · completion ${turn.completionTokens ?? '?'}`}>
                {turn.totalTokens} tokens
              </span>
            ) : null}
            {turn.model ? <span className="font-mono">{turn.model}</span> : null}
            <time dateTime={new Date(turn.startMs).toISOString()} suppressHydrationWarning>
              {new Date(turn.startMs).toLocaleTimeString('en-GB', { hour12: false })}
            </time>
            <Link href={`/traces/${turn.traceId}`} data-testid="turn-trace-link" className="ml-auto font-mono text-indigo-600 hover:underline">
              trace {turn.traceId.slice(0, 8)}… →
            </Link>
          </div>
          <div className="mt-2 flex flex-col gap-2">
            <div data-testid="turn-input" className="ml-auto max-w-[85%] whitespace-pre-wrap break-words rounded-2xl rounded-br-md bg-indigo-600 px-3 py-2 text-sm text-white">
              {turn.input ?? '—'}
            </div>
            <div data-testid="turn-output" className="mr-auto max-w-[85%] whitespace-pre-wrap break-words rounded-2xl rounded-bl-md border border-slate-200 px-3 py-2 text-sm text-slate-900">
              {turn.output || <span className="italic text-slate-400">no output</span>}
            </div>
          </div>
          {turn.feedback.length > 0 ? (
            <ul className="mt-2 space-y-0.5 text-xs">
              {turn.feedback.map((feedback, i) => (
                <li key={i} data-testid="turn-feedback" data-label={feedback.label} className={feedback.label === 'thumbs-down' ? 'text-red-600' : 'text-emerald-700'}>
                  {feedback.label === 'thumbs-down' ? '▼' : '▲'} {feedback.label}
                  {feedback.explanation ? <span className="text-slate-600"> — “{feedback.explanation}”</span> : null}
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
