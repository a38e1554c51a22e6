import type { Metadata } from 'next';
import { appConfig } from '@/lib/config/app-config';
import Link from 'next/link';
import { inspectorSource } from '@/lib/inspector/inspector-source';
import { requireInspectorAccess } from '@/lib/inspector/require-inspector-access';
import { getSession, type SessionDetail } from '@/lib/inspector/session-api';
import { formatMs } from '@/lib/inspector/span-view';
import { ReceiverUnavailableError } from '@/lib/inspector/trace-api';
import { InspectorHeader } from '../../_components/inspector-header';
import { FeedbackTally } from '../../_components/outcome-badge';
import { SessionTurns } from '../../_components/session-turns';
import { ReceiverError, SourceNotice } from '../../_components/source-notice';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Session — Traced Chat', robots: { index: false } };

type Params = Promise<{ sessionId: string }>;
export default async function SessionPage({ params }: { params: Params }) {
  const { sessionId: rawId } = await params;
  await requireInspectorAccess();
  const sessionId = safeDecode(rawId);
  const source = inspectorSource(appConfig());
  let session: SessionDetail | undefined;
  let error: string | undefined;
  if (source.receiverUrl) {
    try {
      session = await getSession(source.receiverUrl, sessionId);
    } catch (caught) {
      if (!(caught instanceof ReceiverUnavailableError)) throw caught;
      error = caught.message;
    }
  }
  return (
    <div className="min-h-full">
      <InspectorHeader title={`session ${sessionId.length > 16 ? `${sessionId.slice(0, 16)}…` : sessionId}`}>
        <Link href="/traces/sessions" data-testid="back-to-sessions" className="text-indigo-600 hover:underline">
          Sessions
        </Link>
      </InspectorHeader>
      <main data-testid="session-page" data-session-id={sessionId} className="mx-auto max-w-4xl space-y-4 px-3 py-4 sm:px-6">
        <SourceNotice source={source} />
        {error ? <ReceiverError message={error} /> : null}
        {source.receiverUrl && !error && !session ? (
          <p data-testid="session-not-found" className="rounded-lg border border-dashed border-slate-300 px-4 py-8 text-center text-sm text-slate-500">
            The local receiver holds no trace of session <span className="break-all font-mono">{sessionId}</span> (yet). Reload in a moment.
          </p>
        ) : null}
        {session ? (
          <>
            <section data-testid="session-summary" className="flex flex-wrap gap-x-5 gap-y-1 rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm text-slate-600">
              <span className="break-all font-mono text-slate-900">{session.sessionId}</span>
              <span>
                <strong className="text-slate-900">{session.turns}</strong> turn{session.turns === 1 ? '' : 's'}
              </span>
              {session.totalTokens !== undefined ? (
                <span>
                  <strong className="text-slate-900">{session.totalTokens}</strong> tokens ({session.promptTokens ?? '?'} prompt · {session.completionTokens ?? '?'} completion)
                </span>
              ) : null}
              <span>
                {formatMs(session.latencyMs)} total · p50 {formatMs(session.medianLatencyMs)}
              </span>
              <FeedbackTally {...session.feedback} />
              {session.userId ? <span className="font-mono text-xs text-slate-400">user {session.userId.slice(0, 8)}…</span> : null}
            </section>
            <SessionTurns turns={session.turnList} />
          </>
        ) : null}
      </main>
    </div>
  );
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
