import { E2E } from '../../playwright.config';
import { fetchSpans, waitForReceivedSpans } from '../../receiver/api';
import type { ReceivedSpan } from '../../receiver/api';

export interface TurnSpans {
  /** The turn's root span: AGENT on the chat routes (tools offered), CHAIN in the follow-ups action. */
  chain: ReceivedSpan;
  llm: ReceivedSpan;
  all: ReceivedSpan[];
}

export const kindOf = (span: ReceivedSpan) => span.attributes['openinference.span.kind'];
const isTurn = (span: ReceivedSpan) => kindOf(span) === 'AGENT' || kindOf(span) === 'CHAIN';

/** Waits until the receiver holds the turn span and `llmCount` LLM spans of `traceId` (spans arrive only once ended). */
export async function waitForTurnSpans(traceId: string, timeoutMs = 15_000, llmCount = 1): Promise<TurnSpans> {
  const all = await waitForReceivedSpans(
    E2E.receiverUrl,
    (spans) => {
      const ofTrace = spans.filter((s) => s.traceId === traceId);
      return ofTrace.some(isTurn) && ofTrace.filter((s) => kindOf(s) === 'LLM').length >= llmCount;
    },
    timeoutMs,
  );
  const ofTrace = all.filter((s) => s.traceId === traceId);
  const turns = ofTrace.filter(isTurn);
  const llms = ofTrace.filter((s) => kindOf(s) === 'LLM');
  if (turns.length !== 1 || llms.length !== llmCount) {
    throw new Error(`expected one turn span and ${llmCount} LLM span(s) in ${traceId}, got ${ofTrace.map((s) => s.name).join(', ')}`);
  }
  return { chain: turns[0]!, llm: llms[0]!, all: ofTrace };
}

export async function allSpans(): Promise<ReceivedSpan[]> {
  return fetchSpans(E2E.receiverUrl);
}

export function endMs(span: ReceivedSpan): number {
  return Number(span.endTimeUnixNano / 1_000_000n);
}

export function startMs(span: ReceivedSpan): number {
  return Number(span.startTimeUnixNano / 1_000_000n);
}
