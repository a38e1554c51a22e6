/**
 * What one model call has produced so far, held from the moment its LLM span starts — so whichever
 * way the call ends (stream closes, provider error, Stop or deadline before the first byte, the turn
 * ending, shutdown) the LLM span ends once with its outcome and everything it has: partial output,
 * tool calls, token counts when known, the first-token event.
 */
import { getLLMResponseAttributes } from '../vocabulary/llm-attributes';
import { getResponseModelAttributes } from '../vocabulary/response-model-attributes';
import type { OIToolCall } from '../vocabulary/message-attributes';
import { ATTR, EVENT } from '../vocabulary/semconv';
import { now, type FinalState, type OpenSpan } from './span-lifecycle';
import { outcomeOfAbort, type SpanOutcome } from './span-outcome';
import type { TokenUsage } from '../vocabulary/token-usage';

export interface LLMCallRecord {
  readonly span: OpenSpan;
  /** Text deltas in order (a live list: callers may read it while the call streams). */
  readonly textChunks: string[];
  /** Reasoning (thinking) deltas in order: a `reasoning` content block of the output message. */
  readonly reasoningChunks: string[];
  readonly toolCalls: OIToolCall[];
  usage?: TokenUsage;
  finishReason?: string;
  /** The model the provider says answered (`response-metadata`). */
  responseModelName?: string;
  /** An `error` part the provider streamed. */
  streamError?: { error: unknown };
  /** Notes the first text delta (once). */
  markFirstToken(): void;
  finalState(): FinalState;
  /** Ends the span with `outcome` and the final state; false if it had already ended. */
  end(outcome: SpanOutcome): boolean;
}


/**
 * Starts recording for `span` and arms its abort handling now: an abort (Stop, client gone, deadline)
 * ends the span even while the provider has not answered yet.
 */
export function startLLMCallRecord(span: OpenSpan, signal: AbortSignal | undefined): LLMCallRecord {
  const startedAt = now();
  let firstTokenAt: number | undefined;
  const onAbort = () => {
    if (signal) record.end(outcomeOfAbort(signal));
  };
  const record: LLMCallRecord = {
    span,
    textChunks: [],
    reasoningChunks: [],
    toolCalls: [],
    markFirstToken() {
      firstTokenAt ??= now();
    },
    finalState() {
      const { textChunks, reasoningChunks, toolCalls, usage, finishReason } = record;
      return {
        attributes: {
          ...getLLMResponseAttributes({ text: textChunks.join(''), reasoning: reasoningChunks.join(''), toolCalls, usage, finishReason }),
          ...getResponseModelAttributes(record.responseModelName),
        },
        events:
          firstTokenAt === undefined
            ? []
            : [{ name: EVENT.FIRST_TOKEN, time: firstTokenAt, attributes: { [ATTR.TIME_TO_FIRST_TOKEN_MS]: firstTokenAt - startedAt } }],
      };
    },
    end(outcome) {
      signal?.removeEventListener('abort', onAbort);
      if (span.ended) return false;
      const { attributes, events } = record.finalState();
      return span.end(outcome, attributes, events);
    },
  };
  span.finalStateOnInterrupt = () => {
    signal?.removeEventListener('abort', onAbort);
    return record.finalState();
  };
  if (!signal?.aborted) signal?.addEventListener('abort', onAbort, { once: true });
  return record;
}
