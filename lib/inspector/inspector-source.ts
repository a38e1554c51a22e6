/**
 * Where the trace inspector reads spans from, and where the app exports them, from the configuration
 * (lib/config; the receiver as the exporter sees it: lib/tracing/export/local-copy.ts):
 * - `TRACE_INSPECTOR_URL`: the local receiver the inspector reads (`npm run demo` sets it to the one
 *   it starts); under `next dev` it defaults to http://127.0.0.1:6007 (`npm run traces`).
 * - The inspector shows that receiver's data only when the app's spans reach it: the export target is
 *   that receiver, or `TRACE_LOCAL_COPY=1` sends a copy there. Otherwise it says where spans go
 *   (and links to Phoenix) instead of showing stale data.
 * - The receiver's key (`RECEIVER_API_KEY`; else, when the app exports to that receiver, the export's
 *   own `Authorization`) goes with every read and with the local copy: a receiver with a key answers
 *   nothing without it.
 * - What reaches a browser carries no credentials: the Phoenix link and the URLs shown lose any
 *   userinfo, query and fragment.
 */
import type { ExportTarget } from '@/lib/tracing/export/export-target';
import { inspectorReceiver, type ReceiverSettings } from '@/lib/tracing/export/local-copy';


export interface InspectorSource {
  /** The receiver the inspector reads, when the app's spans reach it. */
  receiverUrl?: string;
  /** The receiver configured (or defaulted) for the inspector, reached or not. */
  configuredUrl?: string;
  /** Where the app exports its spans. */
  export: Pick<ExportTarget, 'url' | 'source'>;
  /** Phoenix's UI base URL, when spans go to the Phoenix of `PHOENIX_COLLECTOR_ENDPOINT`. */
  phoenixUrl?: string;
  /** The app also exports a copy to the inspector's receiver. */
  localCopy: boolean;
}

/** Pure (trace-chip.tsx, a client component, imports this module for `phoenixTraceUrl`): the caller passes `appConfig()`. */
export function inspectorSource(config: ReceiverSettings): InspectorSource {
  const { configuredUrl, exportsHere, localCopy, target } = inspectorReceiver(config);
  const phoenixUrl = target.source === 'phoenix-env' && !exportsHere ? phoenixUiUrl(config.phoenix.collectorEndpoint ?? '') : undefined;
  return {
    ...(exportsHere || localCopy ? { receiverUrl: configuredUrl } : {}),
    ...(configuredUrl ? { configuredUrl: withoutCredentials(configuredUrl) } : {}),
    export: { url: withoutCredentials(target.url), source: target.source },
    ...(phoenixUrl ? { phoenixUrl } : {}),
    localCopy,
  };
}

/**
 * Phoenix's UI base from its collector endpoint (`…/v1/traces` and trailing slashes dropped), without
 * userinfo, query or fragment: it is sent to the browser.
 */
export function phoenixUiUrl(endpoint: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(endpoint.trim());
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  return trimSlash(`${parsed.origin}${parsed.pathname}`).replace(/\/v1\/traces$/, '');
}

/** `url` without userinfo, query and fragment (for display); unparseable → a placeholder. */
export function withoutCredentials(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname === '/' && !url.endsWith('/') ? '' : parsed.pathname}`;
  } catch {
    return '<invalid url>';
  }
}

/** Phoenix resolves an OpenTelemetry trace id to its project's trace page (Phoenix ≥ 11). */
export function phoenixTraceUrl(phoenixUrl: string, traceId: string): string {
  return `${phoenixUrl}/redirects/traces/${encodeURIComponent(traceId)}`;
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
