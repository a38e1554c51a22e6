import type { Metadata } from 'next';
import { appConfig } from '@/lib/config/app-config';
import Link from 'next/link';
import { inspectorSource } from '@/lib/inspector/inspector-source';
import { requireInspectorAccess } from '@/lib/inspector/require-inspector-access';
import { listTraces, parseTraceStatus, ReceiverUnavailableError, type TraceSummary } from '@/lib/inspector/trace-api';
import { InspectorHeader } from './_components/inspector-header';
import { ReceiverError, SourceNotice } from './_components/source-notice';
import { TraceFilters } from './_components/trace-filters';
import { TraceList } from './_components/trace-list';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Traces — Traced Chat', robots: { index: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;

export default async function TracesPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  await requireInspectorAccess();
  const source = inspectorSource(appConfig());
  const session = one(params.session);
  const status = parseTraceStatus(one(params.status));
  let traces: TraceSummary[] = [];
  let error: string | undefined;
  if (source.receiverUrl) {
    try {
      traces = await listTraces(source.receiverUrl, { session, status });
    } catch (caught) {
      if (!(caught instanceof ReceiverUnavailableError)) throw caught;
      error = caught.message;
    }
  }
  return (
    <div className="min-h-full">
      <InspectorHeader title="Recent traces">
        <Link href="/traces/sessions" data-testid="to-sessions" className="text-indigo-600 hover:underline">
          Sessions
        </Link>
      </InspectorHeader>
      <main data-testid="traces-page" className="mx-auto max-w-6xl space-y-4 px-3 py-4 sm:px-6">
        <SourceNotice source={source} />
        {source.receiverUrl ? (
          <>
            <TraceFilters session={session} status={status} />
            {error ? <ReceiverError message={error} /> : <TraceList traces={traces} />}
            <p className="break-all text-xs text-slate-400">Read from the local receiver at {source.receiverUrl}.</p>
          </>
        ) : null}
      </main>
    </div>
  );
}
