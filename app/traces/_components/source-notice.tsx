import type { InspectorSource } from '@/lib/inspector/inspector-source';

/**
 * Says where the app's spans go when the inspector is not reading them (Phoenix or another
 * collector), and that a local copy is shown when there is one.
 */
export function SourceNotice({ source }: { source: InspectorSource }) {
  if (source.receiverUrl && !source.phoenixUrl) return null;
  const destination = source.phoenixUrl ?? source.export.url;
  return (
    <div data-testid="phoenix-notice" className="rounded-lg border border-indigo-200 bg-indigo-50 px-4 py-3 text-sm text-indigo-950">
      <p className="break-words">
        {source.phoenixUrl ? 'Traces go to Phoenix at ' : 'Spans are exported to '}
        <a href={destination} target="_blank" rel="noreferrer" className="font-mono font-medium underline break-all">
          {destination}
        </a>
        {source.phoenixUrl ? '' : source.export.source === 'phoenix-default' ? " (Phoenix's local default)" : ''}.
        {source.localCopy ? ' Showing the local copy below as well.' : ' Open them there; this inspector shows only spans its local receiver got.'}
      </p>
      {!source.receiverUrl ? (
        <p className="mt-1 text-indigo-900/80">
          For a local copy too, run <code className="font-mono">npm run traces</code> and set{' '}
          <code className="font-mono break-all">TRACE_LOCAL_COPY=1</code> (receiver {source.configuredUrl ?? 'TRACE_INSPECTOR_URL'}).
        </p>
      ) : null}
    </div>
  );
}

export function ReceiverError({ message }: { message: string }) {
  return (
    <div data-testid="receiver-error" role="alert" className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
      <p className="font-medium">The local trace receiver is not reachable.</p>
      <p className="mt-1 break-words">{message}</p>
      <p className="mt-1">
        Start it with <code className="font-mono">npm run traces</code> (or run the app with <code className="font-mono">npm run demo</code>).
      </p>
    </div>
  );
}
