import Link from 'next/link';
import { formatMs, spanKindOf, type SpanRow } from '@/lib/inspector/span-view';
import { KindBadge, StatusBadge, statusOfCode } from './badges';

/** The trace's spans as a tree, each with its kind, duration bar on the trace's time axis and status. */
export function Waterfall({ rows, selectedSpanId, traceMs }: { rows: SpanRow[]; selectedSpanId?: string; traceMs: number }) {
  const total = Math.max(traceMs, ...rows.map((r) => r.offsetMs + r.durationMs), 0.001);
  return (
    <ol data-testid="waterfall" className="divide-y divide-slate-100 overflow-hidden rounded-lg border border-slate-200 bg-white">
      {rows.map(({ span, depth, offsetMs, durationMs }) => {
        const kind = spanKindOf(span);
        const selected = span.spanId === selectedSpanId;
        const status = statusOfCode(span.status.code);
        return (
          <li key={span.spanId}>
            <Link
              href={`?span=${span.spanId}`}
              scroll={false}
              replace
              data-testid="span-row"
              data-span-id={span.spanId}
              data-span-kind={kind}
              aria-current={selected ? 'true' : undefined}
              className={`block min-w-0 px-3 py-2 ${selected ? 'bg-indigo-50 ring-1 ring-inset ring-indigo-300' : 'hover:bg-slate-50'}`}
            >
              <div className="flex min-w-0 items-center gap-2 text-sm" style={{ paddingLeft: `${Math.min(depth, 8) * 14}px` }}>
                <KindBadge kind={kind} />
                <span className="min-w-0 flex-1 truncate font-medium text-slate-800" title={span.name}>
                  {span.name}
                </span>
                {status !== 'unset' ? <StatusBadge status={status} /> : null}
                <span data-testid="span-duration" className="shrink-0 tabular-nums text-xs text-slate-500">
                  {formatMs(durationMs)}
                </span>
              </div>
              <div className="relative mt-1.5 h-2 rounded bg-slate-100" aria-hidden>
                <div
                  className={`absolute inset-y-0 rounded ${status === 'error' ? 'bg-red-400' : kind === 'LLM' ? 'bg-violet-400' : 'bg-sky-400'}`}
                  style={{ left: `${(offsetMs / total) * 100}%`, width: `${Math.max((durationMs / total) * 100, 0.6)}%` }}
                />
              </div>
            </Link>
          </li>
        );
      })}
    </ol>
  );
}
