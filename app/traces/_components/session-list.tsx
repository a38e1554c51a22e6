import Link from 'next/link';
import type { SessionSummary } from '@/lib/inspector/session-api';
import { formatMs } from '@/lib/inspector/span-view';
import { FeedbackTally } from './outcome-badge';

/** Sessions, most recently active first: turns, tokens, latency, first input, last output, feedback. */
export function SessionList({ sessions }: { sessions: SessionSummary[] }) {
  if (sessions.length === 0) {
    return (
      <p data-testid="session-list-empty" className="rounded-lg border border-dashed border-slate-300 px-4 py-8 text-center text-sm text-slate-500">
        No sessions yet. Every chat is a session: chat a little, then come back.
      </p>
    );
  }
  return (
    <ul data-testid="session-list" className="divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white">
      {sessions.map((session) => (
        <li key={session.sessionId}>
          <Link
            href={`/traces/sessions/${encodeURIComponent(session.sessionId)}`}
            data-testid="session-row"
            data-session-id={session.sessionId}
            data-turns={session.turns}
            className="block min-w-0 px-3 py-2.5 hover:bg-slate-50 sm:px-4"
          >
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-500">
              <span className="font-mono font-medium text-slate-800">{session.sessionId}</span>
              <span data-testid="session-turns">
                {session.turns} turn{session.turns === 1 ? '' : 's'}
              </span>
              {session.totalTokens !== undefined ? (
                <span data-testid="session-tokens" title={`prompt ${session.promptTokens ?? '?'} · completion ${session.completionTokens ?? '?'}`}>
                  {session.totalTokens} tokens
                </span>
              ) : null}
              <span title="Total latency (median per turn)">
                {formatMs(session.latencyMs)} (p50 {formatMs(session.medianLatencyMs)})
              </span>
              {session.stopped > 0 ? <span className="text-amber-700">{session.stopped} stopped</span> : null}
              {session.errors > 0 ? <span className="text-red-600">{session.errors} failed</span> : null}
              <FeedbackTally {...session.feedback} />
              <time dateTime={new Date(session.endMs).toISOString()} className="ml-auto" suppressHydrationWarning>
                {new Date(session.endMs).toLocaleString('en-GB', { hour12: false })}
              </time>
            </div>
            <p className="mt-1 truncate text-sm text-slate-900" title={session.firstInput}>
              <span className="text-slate-400">first in </span>
              <span data-testid="session-first-input">{session.firstInput ?? '—'}</span>
            </p>
            <p className="truncate text-sm text-slate-600" title={session.lastOutput}>
              <span className="text-slate-400">last out </span>
              <span data-testid="session-last-output">{session.lastOutput ?? '—'}</span>
            </p>
          </Link>
        </li>
      ))}
    </ul>
  );
}
