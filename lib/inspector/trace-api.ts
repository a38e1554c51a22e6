/**
 * The local receiver's read API as the inspector pages use it (server side only): trace summaries and
 * one trace's spans and annotations. Shapes mirror receiver/http/query-routes.ts: times are decimal
 * strings of Unix nanoseconds. Every read carries the receiver's key (receiverHeaders).
 */
import { redactSecrets } from '@/lib/secrets/redact-secrets';
import { appConfig } from '@/lib/config/app-config';
import { receiverHeaders } from '@/lib/tracing/export/local-copy';
// The receiver's own summary type: its JSON has no bigints, so it arrives as it is.
export type { TraceStatus, TraceSummary } from '@/receiver/api';
import type { TraceStatus, TraceSummary } from '@/receiver/api';

export type AttributeValue = string | number | boolean | AttributeValue[] | { [key: string]: AttributeValue };
export type Attributes = Record<string, AttributeValue>;

export interface InspectedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes: Attributes;
  events: { name: string; timeUnixNano: string; attributes: Attributes }[];
  status: { code: number; message?: string };
  resource: Attributes;
  project?: string;
}

export interface SpanAnnotation {
  id: string;
  span_id: string;
  name: string;
  annotator_kind: string;
  result?: { label?: string; score?: number; explanation?: string };
  metadata?: Record<string, unknown>;
  identifier?: string;
  updated_at?: string;
}

export interface InspectedTrace {
  traceId: string;
  spans: InspectedSpan[];
  annotations: SpanAnnotation[];
}

export interface TraceQuery {
  session?: string;
  status?: TraceStatus;
  limit?: number;
}

export class ReceiverUnavailableError extends Error {}

export async function listTraces(receiverUrl: string, query: TraceQuery): Promise<TraceSummary[]> {
  const params = new URLSearchParams();
  if (query.session) params.set('session', query.session);
  if (query.status) params.set('status', query.status);
  params.set('limit', String(query.limit ?? 100));
  const body = (await getJson(`${receiverUrl}/traces?${params}`)) as { traces: TraceSummary[] } | undefined;
  return body?.traces ?? [];
}

/** The trace's spans and annotations, or undefined when the receiver holds none of its spans. */
export async function getTrace(receiverUrl: string, traceId: string): Promise<InspectedTrace | undefined> {
  return (await getJson(`${receiverUrl}/traces/${encodeURIComponent(traceId)}`)) as InspectedTrace | undefined;
}

export async function getJson(url: string): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { cache: 'no-store', headers: receiverHeaders(appConfig()), signal: AbortSignal.timeout(5000) });
  } catch (error) {
    throw new ReceiverUnavailableError(redactSecrets(`cannot reach the trace receiver at ${new URL(url).origin}: ${(error as Error).message}`));
  }
  if (response.status === 404) return undefined;
  if (response.status === 401) {
    throw new ReceiverUnavailableError('the trace receiver wants its key: set RECEIVER_API_KEY to the receiver\'s key');
  }
  if (!response.ok) throw new ReceiverUnavailableError(redactSecrets(`the trace receiver answered ${response.status}: ${(await response.text()).slice(0, 300)}`));
  return response.json();
}

export function parseTraceStatus(value: string | undefined): TraceStatus | undefined {
  return value === 'ok' || value === 'error' || value === 'unset' ? value : undefined;
}
