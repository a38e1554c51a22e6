/**
 * What a guide reader must find at the collector for one turn: a root turn span with its
 * OpenInference kind, its LLM (and TOOL) children, each ended by our lifecycle (a span force-ended by
 * `@vercel/otel` has no `stream.outcome`), children before their parent, integer token counts, and
 * nothing dropped. Keys are literal dotted strings on purpose.
 */
import assert from 'node:assert/strict';
import type { ReceivedSpan, Receiver } from '../receiver/api.ts';
import { conformanceViolations } from '../e2e/support/openinference-conformance.ts';

export interface TurnTree {
  root: ReceivedSpan;
  llms: ReceivedSpan[];
  tools: ReceivedSpan[];
  all: ReceivedSpan[];
}

export const kindOf = (span: ReceivedSpan) => span.attributes['openinference.span.kind'];
export const endMs = (span: ReceivedSpan) => Number(span.endTimeUnixNano / 1_000_000n);
export const startMs = (span: ReceivedSpan) => Number(span.startTimeUnixNano / 1_000_000n);
const describe = (spans: ReceivedSpan[]) => spans.map((s) => `${s.name} [${String(kindOf(s))}]`).join(', ') || 'none';

/** Waits for the turn of `traceId`: its root and `llmCount` LLM and `toolCount` TOOL spans. */
export async function waitForTurn(receiver: Receiver, traceId: string, llmCount: number, toolCount: number, timeoutMs: number): Promise<TurnTree> {
  const ofTrace = (spans: ReceivedSpan[]) => spans.filter((span) => span.traceId === traceId);
  await receiver
    .waitForSpans((received) => {
      const mine = ofTrace(received);
      return mine.some((s) => s.parentSpanId === undefined) && mine.filter((s) => kindOf(s) === 'LLM').length >= llmCount && mine.filter((s) => kindOf(s) === 'TOOL').length >= toolCount;
    }, timeoutMs)
    .catch(() => {
      const arrived = describe(ofTrace(receiver.spans()));
      throw new Error(`the turn ${traceId} did not arrive complete within ${timeoutMs} ms (expected its root, ${llmCount} LLM and ${toolCount} TOOL span(s); arrived: ${arrived}) — a span left open, or not exported`);
    });
  // A moment more: a span that would arrive late (or twice) shows up here.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const all = ofTrace(receiver.spans());
  const roots = all.filter((span) => span.parentSpanId === undefined);
  assert.equal(roots.length, 1, `one root span in the turn's trace, got ${describe(roots)}`);
  const tree: TurnTree = {
    root: roots[0]!,
    llms: all.filter((s) => kindOf(s) === 'LLM').sort((a, b) => startMs(a) - startMs(b)),
    tools: all.filter((s) => kindOf(s) === 'TOOL'),
    all,
  };
  assert.equal(tree.llms.length, llmCount, `LLM spans: ${describe(all)}`);
  assert.equal(tree.tools.length, toolCount, `TOOL spans: ${describe(all)}`);
  assert.equal(all.length, 1 + llmCount + toolCount, `only our spans in the trace (no Next framework spans), got ${describe(all)}`);
  return tree;
}

/** The lifecycle's promises on every span of the tree, and the OpenInference conventions. */
export function checkLifecycle(tree: TurnTree, outcome: 'completed' | 'aborted', project: string): void {
  const ids = new Set(tree.all.map((span) => span.spanId));
  assert.equal(ids.size, tree.all.length, 'every span exported once');
  for (const span of tree.all) {
    assert.equal(span.attributes['stream.outcome'], outcome, `${span.name}: stream.outcome (unset = force-ended, not ended by the lifecycle)`);
    assert.equal(span.droppedAttributesCount ?? 0, 0, `${span.name}: no attribute dropped`);
    assert.equal(span.resource['openinference.project.name'], project, `${span.name}: project resource attribute`);
    if (span !== tree.root) {
      assert.equal(span.parentSpanId, tree.root.spanId, `${span.name}: child of the turn span`);
      assert.ok(endMs(span) <= endMs(tree.root), `${span.name} ended before its parent (${endMs(span)} > ${endMs(tree.root)})`);
    }
    if (outcome === 'aborted') {
      assert.ok(String(span.attributes['stream.abort_reason'] ?? '').length > 0, `${span.name}: stream.abort_reason`);
      assert.notEqual(span.status.code, 2, `${span.name}: an abort is not an error`);
    } else {
      assert.equal(span.status.code, 1, `${span.name}: status OK`);
    }
  }
  assert.deepEqual(conformanceViolations(tree.all), [], 'OpenInference conformance');
}

export interface ExpectedUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

/** An LLM span of the guide's model: name, provider, messages, integer counts (when reported). */
export function checkLlm(span: ReceivedSpan, model: string, question: string, usage: ExpectedUsage | undefined): void {
  assert.equal(span.attributes['llm.model_name'], model, 'llm.model_name');
  assert.equal(span.attributes['llm.provider'], 'openai', 'llm.provider');
  assert.equal(span.attributes['llm.system'], 'openai', 'llm.system');
  const inputs = Object.entries(span.attributes).filter(([key]) => /^llm\.input_messages\.\d+\.message\.content$/.test(key));
  assert.ok(inputs.some(([, value]) => value === question), `llm.input_messages holds the question, got ${JSON.stringify(inputs)}`);
  const counts = ['prompt', 'completion', 'total'] as const;
  for (const count of counts) {
    const key = `llm.token_count.${count}`;
    if (!usage) {
      assert.equal(span.attributes[key], undefined, `${key} unset (unknown is not zero)`);
      continue;
    }
    assert.equal(span.attributes[key], usage[`${count}_tokens`], key);
    assert.equal(span.attributeTypes[key], 'int', `${key} is an integer`);
  }
}
