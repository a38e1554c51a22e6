/**
 * Where the trace inspector reads spans from, and where the app exports them, from the environment:
 * - `TRACE_INSPECTOR_URL`: the local receiver the inspector reads (`npm run demo` sets it to the one
 *   it starts); under `next dev` it defaults to http://127.0.0.1:6007 (`npm run traces`).
 * - The inspector shows that receiver's data only when the app's spans reach it: the export target is
 *   that receiver, or `TRACE_LOCAL_COPY=1` sends a copy there. Otherwise it says where spans go
 *   (and links to Phoenix) instead of showing stale data.
 */
import { resolveExportTarget, type Env, type ExportTarget } from '@/lib/tracing/export-target';

export const DEFAULT_INSPECTOR_URL = 'http://127.0.0.1:6007';

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

export function inspectorSource(env: Env): InspectorSource {
  const configuredUrl = trimSlash(env.TRACE_INSPECTOR_URL?.trim() || (env.NODE_ENV === 'development' ? DEFAULT_INSPECTOR_URL : '')) || undefined;
  const target = resolveExportTarget(env);
  const exportsHere = configuredUrl !== undefined && sameUrl(target.url, `${configuredUrl}/v1/traces`);
  const localCopy = configuredUrl !== undefined && !exportsHere && isTrue(env.TRACE_LOCAL_COPY);
  const phoenixUrl = target.source === 'phoenix-env' && !exportsHere ? phoenixUiUrl(env.PHOENIX_COLLECTOR_ENDPOINT ?? '') : undefined;
  return {
    ...(exportsHere || localCopy ? { receiverUrl: configuredUrl } : {}),
    ...(configuredUrl ? { configuredUrl } : {}),
    export: { url: target.url, source: target.source },
    ...(phoenixUrl ? { phoenixUrl } : {}),
    localCopy,
  };
}

/** Where to send the local copy of the spans, when `TRACE_LOCAL_COPY=1` asks for one. */
export function localCopyTracesUrl(env: Env): string | undefined {
  const source = inspectorSource(env);
  return source.localCopy && source.receiverUrl ? `${source.receiverUrl}/v1/traces` : undefined;
}

/** Phoenix's UI base from its collector endpoint (`…/v1/traces` and trailing slashes dropped). */
export function phoenixUiUrl(endpoint: string): string | undefined {
  const base = trimSlash(endpoint.trim()).replace(/\/v1\/traces$/, '');
  return /^https?:\/\//.test(base) ? base : undefined;
}

/** Phoenix resolves an OpenTelemetry trace id to its project's trace page (Phoenix ≥ 11). */
export function phoenixTraceUrl(phoenixUrl: string, traceId: string): string {
  return `${phoenixUrl}/redirects/traces/${encodeURIComponent(traceId)}`;
}

/** Same endpoint, treating localhost and 127.0.0.1 alike. */
export function sameUrl(a: string, b: string): boolean {
  const normalize = (url: string) => {
    try {
      const parsed = new URL(url);
      if (parsed.hostname === 'localhost') parsed.hostname = '127.0.0.1';
      return trimSlash(parsed.href);
    } catch {
      return trimSlash(url);
    }
  };
  return normalize(a) === normalize(b);
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

function isTrue(value: string | undefined): boolean {
  return value === '1' || value?.toLowerCase() === 'true';
}
