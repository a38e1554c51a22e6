import Link from 'next/link';
import { formatMs } from '@/lib/inspector/span-view';
import type { TraceSummary } from '@/lib/inspector/trace-api';
import { KindBadge, StatusBadge } from './badges';
import { OutcomeBadge } from './outcome-badge';

/** Recent traces, newest first: root input and output, status, latency, tokens, time, session. */
export function TraceList({ traces }: { traces: TraceSummary[] }) {
  if (traces.length === 0) {
    return (
      <p data-testid="trace-list-empty" className="rounded-lg border border-dashed border-slate-300 px-4 py-8 text-center text-sm text-slate-500">
        No traces yet. Chat a little, then come back.
      </p>
    );
  }
  return (
    <ul data-testid="trace-list" className="divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white">
      {traces.map((trace) => (
        <li key={trace.traceId}>
          <Link
            href={`/traces/${trace.traceId}`}
            data-testid="trace-row"
            data-trace-id={trace.traceId}
            className="block min-w-0 px-3 py-2.5 hover:bg-slate-50 sm:px-4"
          >
            <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-500">
              {trace.kind ? <KindBadge kind={trace.kind} /> : null}
              <span className="font-medium text-slate-800">{trace.name}</span>
              {trace.outcome === 'aborted' ? <OutcomeBadge outcome="stopped" /> : <StatusBadge status={trace.status} />}
              <span title="Latency">{formatMs(trace.durationMs)}</span>
              {trace.totalTokens !== undefined ? <span title="Total tokens">{trace.totalTokens} tokens</span> : null}
              <time dateTime={new Date(trace.startMs).toISOString()} className="ml-auto" suppressHydrationWarning>
                {new Date(trace.startMs).toLocaleString('en-GB', { hour12: false })}
              </time>
            </div>
            <p className="mt-1 truncate text-sm text-slate-900" title={trace.input}>
              <span className="text-slate-400">in </span>
              {trace.input ?? '—'}
            </p>
            <p className="truncate text-sm text-slate-600" title={trace.output}>
              <span className="text-slate-400">out </span>
              {trace.output ?? '—'}
            </p>
            <p className="mt-0.5 truncate font-mono text-[11px] text-slate-400">
              trace {trace.traceId.slice(0, 12)}… {trace.sessionId ? `· session ${trace.sessionId}` : ''} · {trace.spanCount} span{trace.spanCount === 1 ? '' : 's'}
            </p>
          </Link>
        </li>
      ))}
    </ul>
  );
}
