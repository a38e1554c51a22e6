/**
 * Traces grouped into sessions (`session.id`), as Phoenix's Sessions view shows them: turns, token
 * totals, latency, first input, last output and thumbs feedback per session; and one session's turns
 * in order, each with how it ended (a turn the user stopped is "stopped", not UNSET). Pure.
 */
import type { ReceivedSpan } from '../otlp/decode-traces.ts';
import type { SpanAnnotation } from './span-annotations.ts';
import { groupByTrace, rootSpan, traceStatus, type TraceStatus } from './trace-summary.ts';

/** How a turn ended, from its root's `stream.outcome` and the spans' statuses. */
export type TurnOutcome = 'completed' | 'stopped' | 'timed out' | 'error' | 'unfinished';

export interface FeedbackCount {
  up: number;
  down: number;
}

export interface SessionTurn {
  traceId: string;
  /** The turn's root span (the one feedback is recorded on). */
  spanId: string;
  name: string;
  startMs: number;
  durationMs: number;
  status: TraceStatus;
  outcome: TurnOutcome;
  /** Why a stopped or timed-out turn ended (`stream.abort_reason`). */
  outcomeReason?: string;
  input?: string;
  output?: string;
  model?: string;
  promptTokens?: number;
  completionTokens?: number;
  totalTokens?: number;
  feedback: { label?: string; score?: number; explanation?: string }[];
}

export interface SessionSummary {
  sessionId: string;
  userId?: string;
  project?: string;
  turns: number;
  startMs: number;
  /** Start of the last turn plus its duration. */
  endMs: number;
  /** Sums over the session's LLM spans; absent when none reported a count. */
  promptTokens?: number;
  completionTokens?: number;
  totalTokens?: number;
  /** Sum and median of the turns' latencies, ms. */
  latencyMs: number;
  medianLatencyMs: number;
  firstInput?: string;
  lastOutput?: string;
  feedback: FeedbackCount;
  stopped: number;
  errors: number;
}

export interface SessionDetail extends SessionSummary {
  turnList: SessionTurn[];
}

const FEEDBACK_NAME = 'user_feedback';
const OUTCOME: Record<string, TurnOutcome> = { completed: 'completed', aborted: 'stopped', timeout: 'timed out', error: 'error' };

/** Sessions, most recently active first. */
export function summarizeSessions(spans: ReceivedSpan[], annotations: SpanAnnotation[], limit = 50): SessionSummary[] {
  return [...sessionsOf(spans, annotations).values()]
    .map(({ turnList: _, ...summary }) => summary)
    .sort((a, b) => b.endMs - a.endMs)
    .slice(0, Math.min(Math.max(1, limit), 500));
}

/** One session with its turns in the order they happened; undefined when no trace carries that session id. */
export function sessionDetail(spans: ReceivedSpan[], annotations: SpanAnnotation[], sessionId: string): SessionDetail | undefined {
  return sessionsOf(spans.filter((span) => span.attributes['session.id'] === sessionId || !('session.id' in span.attributes)), annotations).get(sessionId);
}

function sessionsOf(spans: ReceivedSpan[], annotations: SpanAnnotation[]): Map<string, SessionDetail> {
  const byTrace = groupByTrace(spans);
  const turnsBySession = new Map<string, { turn: SessionTurn; userId?: string; project?: string }[]>();
  for (const traceSpans of byTrace.values()) {
    const root = rootSpan(traceSpans);
    const sessionId = str(root.attributes['session.id']) ?? traceSpans.map((s) => str(s.attributes['session.id'])).find(Boolean);
    if (!sessionId) continue;
    const entry = { turn: toTurn(traceSpans, root, annotations), userId: str(root.attributes['user.id']), project: root.project };
    const entries = turnsBySession.get(sessionId);
    if (entries) entries.push(entry);
    else turnsBySession.set(sessionId, [entry]);
  }
  const sessions = new Map<string, SessionDetail>();
  for (const [sessionId, entries] of turnsBySession) {
    const turnList = entries.map((e) => e.turn).sort((a, b) => a.startMs - b.startMs);
    const first = turnList[0]!;
    const last = turnList.at(-1)!;
    const latencies = turnList.map((t) => t.durationMs).sort((a, b) => a - b);
    const feedback = turnList.flatMap((t) => t.feedback);
    sessions.set(sessionId, {
      sessionId,
      ...optional('userId', entries.find((e) => e.userId)?.userId),
      ...optional('project', entries.find((e) => e.project)?.project),
      turns: turnList.length,
      startMs: first.startMs,
      endMs: Math.max(...turnList.map((t) => t.startMs + t.durationMs)),
      ...optional('promptTokens', sum(turnList.map((t) => t.promptTokens))),
      ...optional('completionTokens', sum(turnList.map((t) => t.completionTokens))),
      ...optional('totalTokens', sum(turnList.map((t) => t.totalTokens))),
      latencyMs: latencies.reduce((a, b) => a + b, 0),
      medianLatencyMs: median(latencies),
      ...optional('firstInput', turnList.find((t) => t.input !== undefined)?.input),
      ...optional('lastOutput', turnList.findLast((t) => t.output !== undefined)?.output ?? last.output),
      feedback: { up: feedback.filter((f) => f.label === 'thumbs-up').length, down: feedback.filter((f) => f.label === 'thumbs-down').length },
      stopped: turnList.filter((t) => t.outcome === 'stopped').length,
      errors: turnList.filter((t) => t.outcome === 'error' || t.outcome === 'timed out').length,
      turnList,
    });
  }
  return sessions;
}

function toTurn(spans: ReceivedSpan[], root: ReceivedSpan, annotations: SpanAnnotation[]): SessionTurn {
  const llm = spans.filter((s) => s.attributes['openinference.span.kind'] === 'LLM').sort((a, b) => Number(a.startTimeUnixNano - b.startTimeUnixNano));
  const count = (key: string) => sum(llm.map((s) => (typeof s.attributes[key] === 'number' ? (s.attributes[key] as number) : undefined)));
  const status = traceStatus(spans, root);
  const recorded = OUTCOME[str(root.attributes['stream.outcome']) ?? ''];
  const outcome: TurnOutcome = recorded ?? (status === 'error' ? 'error' : status === 'ok' ? 'completed' : 'unfinished');
  const ids = new Set(spans.map((s) => s.spanId));
  return {
    traceId: root.traceId,
    spanId: root.spanId,
    name: root.name,
    startMs: Number(root.startTimeUnixNano / 1_000_000n),
    durationMs: Number(root.endTimeUnixNano - root.startTimeUnixNano) / 1e6,
    status,
    outcome,
    ...optional('outcomeReason', outcome === 'stopped' || outcome === 'timed out' ? str(root.attributes['stream.abort_reason']) : undefined),
    ...optional('input', str(root.attributes['input.value'])),
    ...optional('output', str(root.attributes['output.value'])),
    ...optional('model', str(llm.at(-1)?.attributes['llm.model_name'])),
    ...optional('promptTokens', count('llm.token_count.prompt')),
    ...optional('completionTokens', count('llm.token_count.completion')),
    ...optional('totalTokens', count('llm.token_count.total')),
    feedback: annotations
      .filter((a) => a.name === FEEDBACK_NAME && ids.has(a.span_id))
      .map((a) => ({ ...optional('label', a.result?.label), ...optional('score', a.result?.score), ...optional('explanation', a.result?.explanation) })),
  };
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function sum(values: (number | undefined)[]): number | undefined {
  const known = values.filter((v): v is number => typeof v === 'number');
  return known.length === 0 ? undefined : known.reduce((a, b) => a + b, 0);
}

function median(sorted: number[]): number {
  if (sorted.length === 0) return 0;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
