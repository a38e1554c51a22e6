import { E2E } from '../../playwright.config';
import { fetchSpans, waitForReceivedSpans } from '../receiver/http-client';
import type { ReceivedSpan } from '../receiver/decode-traces';

export interface TurnSpans {
  chain: ReceivedSpan;
  llm: ReceivedSpan;
  all: ReceivedSpan[];
}

const kindOf = (span: ReceivedSpan) => span.attributes['openinference.span.kind'];

/** Waits until the receiver holds the CHAIN and LLM spans of `traceId` (spans arrive only once ended). */
export async function waitForTurnSpans(traceId: string, timeoutMs = 15_000): Promise<TurnSpans> {
  const all = await waitForReceivedSpans(
    E2E.receiverUrl,
    (spans) => {
      const ofTrace = spans.filter((s) => s.traceId === traceId);
      return ofTrace.some((s) => kindOf(s) === 'CHAIN') && ofTrace.some((s) => kindOf(s) === 'LLM');
    },
    timeoutMs,
  );
  const ofTrace = all.filter((s) => s.traceId === traceId);
  const chains = ofTrace.filter((s) => kindOf(s) === 'CHAIN');
  const llms = ofTrace.filter((s) => kindOf(s) === 'LLM');
  if (chains.length !== 1 || llms.length !== 1) {
    throw new Error(`expected one CHAIN and one LLM span in ${traceId}, got ${ofTrace.map((s) => s.name).join(', ')}`);
  }
  return { chain: chains[0]!, llm: llms[0]!, all: ofTrace };
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
