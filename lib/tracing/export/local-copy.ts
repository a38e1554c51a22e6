/**
 * The trace inspector's local receiver as the export pipeline sees it (`TRACE_INSPECTOR_URL`, under
 * next dev http://127.0.0.1:6007): whether the app's spans reach it — the export target is that
 * receiver, or `TRACE_LOCAL_COPY=1` sends a copy there — and the headers that go with every request
 * to it: `RECEIVER_API_KEY`, else, when the app exports to that receiver, the export's own
 * `Authorization` (a receiver with a key answers nothing without it). The inspector (lib/inspector)
 * reads from here; lib/tracing never imports the inspector.
 */
import type { AppConfig } from '@/lib/config/config-types';
import { resolveExportTarget, type ExportTarget } from './export-target';

export type ReceiverSettings = Pick<AppConfig, 'otlp' | 'phoenix' | 'inspector' | 'tracing'>;

export interface InspectorReceiver {
  /** The receiver configured (or defaulted) for the inspector, reached or not. */
  configuredUrl?: string;
  /** The app's export target is that receiver. */
  exportsHere: boolean;
  /** The app also exports a copy to that receiver. */
  localCopy: boolean;
  /** Where the app exports its spans. */
  target: ExportTarget;
}

export function inspectorReceiver(config: ReceiverSettings): InspectorReceiver {
  const configuredUrl = config.inspector.url;
  const target = resolveExportTarget(config);
  const exportsHere = configuredUrl !== undefined && sameUrl(target.url, `${configuredUrl}/v1/traces`);
  const localCopy = configuredUrl !== undefined && !exportsHere && config.tracing.localCopy;
  return { ...(configuredUrl ? { configuredUrl } : {}), exportsHere, localCopy, target };
}

/** Where `TRACE_LOCAL_COPY=1` sends the copy of the spans (with the receiver's key), when it applies. */
export function localCopyTarget(config: ReceiverSettings): { url: string; headers: Record<string, string> } | undefined {
  const receiver = inspectorReceiver(config);
  return receiver.localCopy && receiver.configuredUrl ? { url: `${receiver.configuredUrl}/v1/traces`, headers: receiverHeaders(config) } : undefined;
}

/** The headers the inspector and the local copy send to the receiver: its key, when there is one. */
export function receiverHeaders(config: ReceiverSettings): Record<string, string> {
  const key = config.inspector.receiverApiKey;
  if (key) return { authorization: `Bearer ${key}` };
  const receiver = inspectorReceiver(config);
  const authorization = receiver.target.headers.authorization;
  return receiver.exportsHere && authorization ? { authorization } : {};
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
