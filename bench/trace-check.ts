/**
 * Did every streamed turn arrive as a complete trace? Ours: an AGENT (tools offered) or CHAIN root and an LLM span whose
 * `output.value` is the streamed text, with token counts. The peer's equivalent: a root span and an
 * LLM span whose output message text is the streamed text (its `output.value` is the messages' JSON),
 * with token counts. Every span's parent must be in the trace (received spans have all ended).
 */
import type { ReceivedSpan } from '../receiver/api';
import type { TurnResult } from './chat-client';

export type TracedMode = 'openinference' | 'peer';

export interface TraceCheck {
  checked: number;
  complete: number;
  /** Up to a few reasons for incomplete traces. */
  problems: string[];
}

const PEER_OUTPUT_TEXT = 'llm.output_messages.0.message.contents.0.message_content.text';

export function checkTraces(mode: TracedMode, turns: readonly TurnResult[], spans: readonly ReceivedSpan[]): TraceCheck {
  const byTrace = new Map<string, ReceivedSpan[]>();
  for (const span of spans) byTrace.set(span.traceId, [...(byTrace.get(span.traceId) ?? []), span]);
  const problems: string[] = [];
  let complete = 0;
  for (const turn of turns) {
    const problem = turn.traceId ? checkTrace(mode, turn.text, byTrace.get(turn.traceId) ?? []) : 'no traceresponse header';
    if (problem === undefined) complete++;
    else if (problems.length < 5) problems.push(`${turn.traceId ?? '?'}: ${problem}`);
  }
  return { checked: turns.length, complete, problems };
}

/** Undefined when the trace is complete, else what is missing. */
export function checkTrace(mode: TracedMode, streamedText: string, trace: readonly ReceivedSpan[]): string | undefined {
  if (trace.length === 0) return 'no spans received';
  const ids = new Set(trace.map((span) => span.spanId));
  const dangling = trace.find((span) => span.parentSpanId !== undefined && !ids.has(span.parentSpanId));
  if (dangling) return `span "${dangling.name}" has a parent that was not received`;
  const roots = trace.filter((span) => span.parentSpanId === undefined);
  if (roots.length !== 1) return `${roots.length} root spans`;
  const kind = (span: ReceivedSpan) => span.attributes['openinference.span.kind'];
  const rootKind = kind(roots[0]!);
  if (mode === 'openinference' && rootKind !== 'AGENT' && rootKind !== 'CHAIN') return `root is ${String(rootKind)}, not an AGENT or CHAIN turn`;
  const llms = trace.filter((span) => kind(span) === 'LLM');
  if (llms.length !== 1) return `${llms.length} LLM spans`;
  const llm = llms[0]!;
  const output = mode === 'openinference' ? llm.attributes['output.value'] : llm.attributes[PEER_OUTPUT_TEXT];
  if (output !== streamedText) return `LLM output ${JSON.stringify(output)?.slice(0, 60)} is not the streamed text`;
  for (const count of ['llm.token_count.prompt', 'llm.token_count.completion']) {
    if (typeof llm.attributes[count] !== 'number') return `LLM span lacks ${count}`;
  }
  return undefined;
}
