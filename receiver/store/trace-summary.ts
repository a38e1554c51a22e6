/**
 * Spans grouped into traces for the inspector's list: the root's input and output (previews), status,
 * latency, total tokens, start time, session, filtered by session and status, newest first.
 */
import type { ReceivedSpan } from '../otlp/decode-traces.ts';

export type TraceStatus = 'ok' | 'error' | 'unset';

export interface TraceSummary {
  traceId: string;
  /** The root span's name and OpenInference kind. */
  name: string;
  kind?: string;
  /** Epoch ms of the earliest span start. */
  startMs: number;
  /** The root span's duration (or first start to last end without a root), ms. */
  durationMs: number;
  /** error when any span failed; else the root's status. */
  status: TraceStatus;
  spanCount: number;
  sessionId?: string;
  project?: string;
  input?: string;
  output?: string;
  /** Sum of `llm.token_count.total` over the LLM spans; absent when none reported one. */
  totalTokens?: number;
  /** The root's `stream.outcome` (`completed`, `aborted`, `timeout`, `error`): a stopped turn's status is UNSET. */
  outcome?: string;
}

export interface TraceFilter {
  sessionId?: string;
  status?: TraceStatus;
  /** Default 50, at most 500. */
  limit?: number;
}

export const PREVIEW_CHARS = 200;
const STATUS_OF_CODE: Record<number, TraceStatus> = { 0: 'unset', 1: 'ok', 2: 'error' };

/** Spans grouped by trace id, in arrival order. */
export function groupByTrace(spans: readonly ReceivedSpan[]): Map<string, ReceivedSpan[]> {
  const byTrace = new Map<string, ReceivedSpan[]>();
  for (const span of spans) {
    const list = byTrace.get(span.traceId);
    if (list) list.push(span);
    else byTrace.set(span.traceId, [span]);
  }
  return byTrace;
}

/** A trace failed if any of its spans did; otherwise it has its root's status. */
export function traceStatus(spans: readonly ReceivedSpan[], root: ReceivedSpan): TraceStatus {
  return spans.some((s) => s.status.code === 2) ? 'error' : (STATUS_OF_CODE[root.status.code] ?? 'unset');
}

export function summarizeTraces(spans: ReceivedSpan[], filter: TraceFilter = {}): TraceSummary[] {
  const byTrace = groupByTrace(spans);
  const limit = Math.min(Math.max(1, filter.limit ?? 50), 500);
  return [...byTrace.values()]
    .map(summarizeTrace)
    .filter((t) => (filter.sessionId ? t.sessionId === filter.sessionId : true) && (filter.status ? t.status === filter.status : true))
    .sort((a, b) => b.startMs - a.startMs)
    .slice(0, limit);
}

export function summarizeTrace(spans: ReceivedSpan[]): TraceSummary {
  const root = rootSpan(spans);
  const start = spans.reduce((min, s) => (s.startTimeUnixNano < min ? s.startTimeUnixNano : min), spans[0]!.startTimeUnixNano);
  const end = spans.reduce((max, s) => (s.endTimeUnixNano > max ? s.endTimeUnixNano : max), spans[0]!.endTimeUnixNano);
  const durationNs = root.endTimeUnixNano - root.startTimeUnixNano;
  const tokens = spans
    .filter((s) => s.attributes['openinference.span.kind'] === 'LLM')
    .map((s) => s.attributes['llm.token_count.total'])
    .filter((n): n is number => typeof n === 'number');
  const session = root.attributes['session.id'] ?? spans.find((s) => typeof s.attributes['session.id'] === 'string')?.attributes['session.id'];
  const kind = root.attributes['openinference.span.kind'];
  return {
    traceId: root.traceId,
    name: root.name,
    ...(typeof kind === 'string' ? { kind } : {}),
    startMs: Number(start / 1_000_000n),
    durationMs: Number(root.parentSpanId === undefined ? durationNs : end - start) / 1e6,
    status: traceStatus(spans, root),
    spanCount: spans.length,
    ...(typeof session === 'string' ? { sessionId: session } : {}),
    ...(root.project ? { project: root.project } : {}),
    ...preview('input', root.attributes['input.value']),
    ...preview('output', root.attributes['output.value']),
    ...(tokens.length > 0 ? { totalTokens: tokens.reduce((a, b) => a + b, 0) } : {}),
    ...(typeof root.attributes['stream.outcome'] === 'string' ? { outcome: root.attributes['stream.outcome'] } : {}),
  };
}

/** The span without a parent in this trace, earliest first (a trace may still lack its root). */
export function rootSpan(spans: ReceivedSpan[]): ReceivedSpan {
  const ids = new Set(spans.map((s) => s.spanId));
  const roots = spans.filter((s) => !s.parentSpanId || !ids.has(s.parentSpanId));
  const candidates = roots.length > 0 ? roots : spans;
  return candidates.reduce((first, s) => (s.startTimeUnixNano < first.startTimeUnixNano ? s : first));
}

function preview(key: 'input' | 'output', value: unknown): Partial<Record<'input' | 'output', string>> {
  if (typeof value !== 'string') return {};
  return { [key]: value.length > PREVIEW_CHARS ? `${value.slice(0, PREVIEW_CHARS)}…` : value };
}

export function parseTraceStatus(value: string | null): TraceStatus | undefined {
  return value === 'ok' || value === 'error' || value === 'unset' ? value : undefined;
}
