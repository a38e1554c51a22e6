import { expect } from '@playwright/test';
import type { ReceivedSpan } from '../../receiver/api';
import { fetchSpans } from '../../receiver/api';
import { conformanceViolations } from '../../e2e/support/openinference-conformance';
import { SERVERLESS } from '../playwright.config';

export type Outcome = 'completed' | 'aborted' | 'error';

export interface ExpectedTurn {
  outcome: Outcome;
  /** The turn span's kind: AGENT on the chat routes (tools offered), CHAIN for the follow-ups action. */
  kind?: 'AGENT' | 'CHAIN';
  /** Model calls in the turn (a tool turn has two: the call, then the answer with its result). */
  llmCalls?: number;
  toolSpans?: number;
  /** Whether the LLM spans carry output text (a turn stopped before its first token has none). */
  output?: boolean;
}

const kind = (span: ReceivedSpan) => span.attributes['openinference.span.kind'];

/**
 * Reads, right now and without waiting, what the receiver holds for `traceId`, and asserts that the
 * whole turn is there and complete: the turn span, every LLM span with its outcome, output and
 * integer token counts, the TOOL spans, all conformant. Called at the moment the platform freezes
 * or disposes the function, so a span still queued in the function fails it.
 */
export async function expectCompleteTurnNow(traceId: string, expected: ExpectedTurn): Promise<ReceivedSpan[]> {
  const spans = await fetchSpans(SERVERLESS.receiverUrl, traceId);
  const turns = spans.filter((s) => kind(s) === (expected.kind ?? 'AGENT'));
  const llms = spans.filter((s) => kind(s) === 'LLM');
  const tools = spans.filter((s) => kind(s) === 'TOOL');
  const names = spans.map((s) => `${s.name} [${String(kind(s))}]`).join(', ') || 'none';
  expect(turns, `turn span of ${traceId} at the receiver (got: ${names})`).toHaveLength(1);
  expect(llms, `LLM spans of ${traceId} (got: ${names})`).toHaveLength(expected.llmCalls ?? 1);
  expect(tools, `TOOL spans of ${traceId} (got: ${names})`).toHaveLength(expected.toolSpans ?? 0);
  const turn = turns[0]!;
  expect(turn.attributes['stream.outcome']).toBe(expected.outcome);
  for (const llm of llms) {
    expect(llm.parentSpanId, `${llm.name} is a child of the turn`).toBe(turn.spanId);
    expect(llm.attributes['stream.outcome'], `${llm.name} outcome; ${describe(llm)}`).toBeDefined();
    // A tool-call-only step has no text (and so no output.value): its output message carries the calls.
    const toolCallOnly = llm.attributes['llm.output_messages.0.message.tool_calls.0.tool_call.function.name'] !== undefined && llm.attributes['output.value'] === undefined;
    if (expected.output !== false && !toolCallOnly) expect(typeof llm.attributes['output.value'], `${llm.name} output`).toBe('string');
    if (expected.outcome === 'completed') {
      for (const key of ['llm.token_count.prompt', 'llm.token_count.completion', 'llm.token_count.total']) {
        expect(Number.isInteger(llm.attributes[key]), `${llm.name} ${key} = ${String(llm.attributes[key])}`).toBe(true);
      }
    }
  }
  expect(llms.at(-1)!.attributes['stream.outcome']).toBe(expected.outcome);
  expect(conformanceViolations(spans)).toEqual([]);
  return spans;
}

/** The spans of `traceId` the receiver holds right now (possibly none). */
export async function spansNow(traceId: string): Promise<ReceivedSpan[]> {
  return fetchSpans(SERVERLESS.receiverUrl, traceId);
}

function describe(span: ReceivedSpan): string {
  const { attributes, status, events } = span;
  const keys = Object.keys(attributes).filter((key) => !key.startsWith('llm.input_messages') && !key.startsWith('llm.tools') && key !== 'input.value');
  return JSON.stringify({ status, events: events.map((e) => e.name), attributes: Object.fromEntries(keys.map((k) => [k, attributes[k]])) });
}

/**
 * The harness's negative control (per-turn flush off): frozen for longer than the batch delay, the
 * function cannot export, so the receiver holds nothing of `traceId`; once thawed, the spans leave.
 */
export async function expectNothingUntilThawed(traceId: string, thaw: () => void): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  expect(await spansNow(traceId)).toEqual([]);
  thaw();
  await expect.poll(async () => (await spansNow(traceId)).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
}
