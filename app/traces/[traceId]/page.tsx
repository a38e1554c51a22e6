import type { Metadata } from 'next';
import { appConfig } from '@/lib/config/app-config';
import { notFound } from 'next/navigation';
import { inspectorSource, phoenixTraceUrl } from '@/lib/inspector/inspector-source';
import { requireInspectorAccess } from '@/lib/inspector/require-inspector-access';
import { orderSpans } from '@/lib/inspector/span-view';
import { getTrace, ReceiverUnavailableError, type InspectedTrace } from '@/lib/inspector/trace-api';
import { InspectorHeader } from '../_components/inspector-header';
import { ReceiverError, SourceNotice } from '../_components/source-notice';
import { SpanPanel } from '../_components/span-panel';
import { Waterfall } from '../_components/waterfall';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Trace — Traced Chat', robots: { index: false } };

type Params = Promise<{ traceId: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;

export default async function TracePage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const [{ traceId: rawId }, query] = await Promise.all([params, searchParams]);
  await requireInspectorAccess();
  const traceId = rawId.toLowerCase();
  if (!/^[0-9a-f]{32}$/.test(traceId)) notFound();
  const source = inspectorSource(appConfig());
  let trace: InspectedTrace | undefined;
  let error: string | undefined;
  if (source.receiverUrl) {
    try {
      trace = await getTrace(source.receiverUrl, traceId);
    } catch (caught) {
      if (!(caught instanceof ReceiverUnavailableError)) throw caught;
      error = caught.message;
    }
  }
  const rows = trace ? orderSpans(trace.spans) : [];
  const selected = rows.find((r) => r.span.spanId === one(query.span))?.span ?? rows[0]?.span;
  const traceMs = rows.reduce((max, r) => Math.max(max, r.offsetMs + r.durationMs), 0);
  return (
    <div className="min-h-full">
      <InspectorHeader title={`trace ${traceId.slice(0, 8)}…`}>
        {source.phoenixUrl ? (
          <a href={phoenixTraceUrl(source.phoenixUrl, traceId)} target="_blank" rel="noreferrer" className="text-indigo-600 hover:underline">
            Open in Phoenix ↗
          </a>
        ) : null}
      </InspectorHeader>
      <main data-testid="trace-page" data-trace-id={traceId} className="mx-auto max-w-6xl space-y-4 px-3 py-4 sm:px-6">
        <SourceNotice source={source} />
        {error ? <ReceiverError message={error} /> : null}
        {source.receiverUrl && !error && !trace ? (
          <p data-testid="trace-not-found" className="rounded-lg border border-dashed border-slate-300 px-4 py-8 text-center text-sm text-slate-500">
            The local receiver holds no spans of trace <span className="break-all font-mono">{traceId}</span> (yet): spans arrive when they end. Reload in a moment.
          </p>
        ) : null}
        {trace && selected ? (
          <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
            <section className="min-w-0 space-y-2">
              <h2 className="text-xs font-semibold uppercase tracking-wide text-slate-500">
                {rows.length} span{rows.length === 1 ? '' : 's'} · trace <span className="break-all font-mono normal-case">{traceId}</span>
              </h2>
              <Waterfall rows={rows} selectedSpanId={selected.spanId} traceMs={traceMs} />
            </section>
            <SpanPanel span={selected} annotations={trace.annotations.filter((a) => a.span_id === selected.spanId)} />
          </div>
        ) : null}
      </main>
    </div>
  );
}
