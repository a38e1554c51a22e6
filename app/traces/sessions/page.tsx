import type { Metadata } from 'next';
import { appConfig } from '@/lib/config/app-config';
import Link from 'next/link';
import { inspectorSource } from '@/lib/inspector/inspector-source';
import { requireInspectorAccess } from '@/lib/inspector/require-inspector-access';
import { listSessions, type SessionSummary } from '@/lib/inspector/session-api';
import { ReceiverUnavailableError } from '@/lib/inspector/trace-api';
import { InspectorHeader } from '../_components/inspector-header';
import { SessionList } from '../_components/session-list';
import { ReceiverError, SourceNotice } from '../_components/source-notice';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Sessions — Traced Chat', robots: { index: false } };

export default async function SessionsPage() {
  await requireInspectorAccess();
  const source = inspectorSource(appConfig());
  let sessions: SessionSummary[] = [];
  let error: string | undefined;
  if (source.receiverUrl) {
    try {
      sessions = await listSessions(source.receiverUrl);
    } catch (caught) {
      if (!(caught instanceof ReceiverUnavailableError)) throw caught;
      error = caught.message;
    }
  }
  return (
    <div className="min-h-full">
      <InspectorHeader title="Sessions">
        <Link href="/traces" className="text-indigo-600 hover:underline">
          Traces
        </Link>
      </InspectorHeader>
      <main data-testid="sessions-page" className="mx-auto max-w-6xl space-y-4 px-3 py-4 sm:px-6">
        <SourceNotice source={source} />
        {source.receiverUrl ? (
          <>
            {error ? <ReceiverError message={error} /> : <SessionList sessions={sessions} />}
            <p className="break-all text-xs text-slate-400">Read from the local receiver at {source.receiverUrl}.</p>
          </>
        ) : null}
      </main>
    </div>
  );
}
