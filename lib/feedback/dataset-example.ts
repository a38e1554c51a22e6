/**
 * A thumbs-down answer as a Phoenix dataset example, built from the spans Phoenix stored for its
 * turn (never from what the browser says the conversation was): input = the messages the turn's
 * first model call received, output = the turn's answer, metadata = the comment and the ids that
 * lead back to the trace. Pure.
 */
import { messagesFromAttributes, type DatasetMessage } from './span-messages';

/** A span as Phoenix's REST API returns it (`GET /v1/projects/{project}/spans`). */
export interface PhoenixSpan {
  name: string;
  context: { trace_id: string; span_id: string };
  span_kind: string;
  parent_id?: string | null;
  start_time: string;
  end_time?: string | null;
  status_code: string;
  attributes?: Record<string, unknown>;
}

export interface DatasetFeedback {
  traceId: string;
  spanId: string;
  comment?: string;
}

export interface DatasetExample {
  input: { messages: DatasetMessage[] };
  output: { answer: string; messages: DatasetMessage[] };
  metadata: Record<string, unknown>;
  /** Stable: adding the same answer twice updates one example instead of creating two. */
  exampleId: string;
  spanId: string;
}

export type ExampleResult = { ok: true; example: DatasetExample } | { ok: false; reason: 'turn_not_found' | 'no_model_call' };

export function datasetExampleFromSpans(spans: readonly PhoenixSpan[], feedback: DatasetFeedback): ExampleResult {
  const inTrace = spans.filter((span) => span.context.trace_id === feedback.traceId);
  const turn = inTrace.find((span) => span.context.span_id === feedback.spanId);
  if (!turn) return { ok: false, reason: 'turn_not_found' };
  const byId = new Map(inTrace.map((span) => [span.context.span_id, span]));
  const calls = inTrace
    .filter((span) => span.span_kind === 'LLM' && isDescendant(span, turn, byId))
    .sort((a, b) => Date.parse(a.start_time) - Date.parse(b.start_time));
  const first = calls[0];
  const last = calls.at(-1);
  if (!first || !last) return { ok: false, reason: 'no_model_call' };
  const attributes = turn.attributes ?? {};
  const answer = str(attributes['output.value']) ?? str(last.attributes?.['output.value']) ?? '';
  const metadata = withoutUndefined({
    source: 'traced-chat',
    feedback: 'thumbs-down',
    comment: feedback.comment,
    trace_id: feedback.traceId,
    span_id: feedback.spanId,
    llm_span_id: last.context.span_id,
    session_id: str(attributes['session.id']),
    model: str(last.attributes?.['llm.model_name']),
    provider: str(last.attributes?.['llm.provider']),
    prompt_template_version: str(first.attributes?.['llm.prompt_template.version']),
    status: str(attributes['stream.outcome']) ?? turn.status_code,
  });
  return {
    ok: true,
    example: {
      input: { messages: messagesFromAttributes(first.attributes ?? {}, 'llm.input_messages') },
      output: { answer, messages: messagesFromAttributes(last.attributes ?? {}, 'llm.output_messages') },
      metadata,
      exampleId: `traced-chat-${feedback.traceId}-${feedback.spanId}`,
      spanId: feedback.spanId,
    },
  };
}

/** `POST /v1/datasets/upload` body: append one example, creating the dataset if it does not exist. */
export function datasetUploadBody(name: string, example: DatasetExample) {
  return {
    action: 'append',
    name,
    description: 'Answers users marked thumbs-down in traced-chat, with their comments (a regression set).',
    inputs: [example.input],
    outputs: [example.output],
    metadata: [example.metadata],
    span_ids: [example.spanId],
    example_ids: [example.exampleId],
  };
}

function isDescendant(span: PhoenixSpan, ancestor: PhoenixSpan, byId: ReadonlyMap<string, PhoenixSpan>): boolean {
  let parentId = span.parent_id ?? undefined;
  for (let depth = 0; parentId !== undefined && depth < 64; depth++) {
    if (parentId === ancestor.context.span_id) return true;
    parentId = byId.get(parentId)?.parent_id ?? undefined;
  }
  return false;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function withoutUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}
