/**
 * When a real Arize Phoenix is there (`PHOENIX_TEST_URL`, or the one `.ci/run` prepares once its
 * `PHOENIX_TEST_PENDING` file says `ready <url>`), the guide's app exports to it as a reader's would
 * (`PHOENIX_COLLECTOR_ENDPOINT`), with a copy to the local receiver (`TRACE_LOCAL_COPY`), and a turn
 * is checked as Phoenix itself stored it: same spans, kinds and parents, token counts, a cost.
 * Without one, the receiver gets the spans directly and this part is skipped (said in one line).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { phoenixGraphql, waitForPhoenixSpans } from '../e2e/phoenix/phoenix-api.ts';
import type { TurnTree } from './span-checks.ts';

/** The Phoenix to check against now, or why there is none (no waiting: the guide test is quick). */
export function phoenixForTest(env: NodeJS.ProcessEnv = process.env): { url: string } | { skip: string } {
  const url = env.PHOENIX_TEST_URL?.trim();
  if (url) return { url: url.replace(/\/+$/, '') };
  const pending = env.PHOENIX_TEST_PENDING?.trim();
  if (pending && existsSync(pending)) {
    const [state, ready] = readFileSync(pending, 'utf8').trim().split(' ');
    if (state === 'ready' && ready) return { url: ready.replace(/\/+$/, '') };
    return { skip: 'the Phoenix that .ci/run prepares is unavailable' };
  }
  return { skip: pending ? 'the Phoenix that .ci/run prepares is not ready yet' : 'PHOENIX_TEST_URL is not set' };
}

/** Phoenix stored exactly the turn the receiver got, as a trace with its session and a cost. */
export async function checkInPhoenix(project: string, tree: TurnTree, sessionId: string): Promise<void> {
  const spans = await waitForPhoenixSpans(project, tree.root.traceId, (stored) => stored.length >= tree.all.length, 30_000);
  const byId = new Map(spans.map((span) => [span.context.span_id, span]));
  assert.equal(spans.length, tree.all.length, `Phoenix stored ${spans.length} spans of the trace, the receiver ${tree.all.length}`);
  for (const span of tree.all) {
    const stored = byId.get(span.spanId);
    assert.ok(stored, `Phoenix has ${span.name} (${span.spanId})`);
    assert.equal(stored.span_kind, span.attributes['openinference.span.kind'], `${span.name}: span_kind in Phoenix`);
    assert.equal(stored.parent_id, span.parentSpanId ?? null, `${span.name}: parent in Phoenix`);
    for (const count of ['prompt', 'completion', 'total']) {
      const key = `llm.token_count.${count}`;
      assert.equal(stored.attributes[key], span.attributes[key], `${span.name}: ${key} in Phoenix`);
    }
  }
  const data = await phoenixGraphql<{ getProjectByName: { trace: GqlTrace | null } | null }>(
    `query ($project: String!, $traceId: ID!) { getProjectByName(name: $project) { trace(traceId: $traceId) {
      rootSpan { spanId spanKind } session { sessionId } costSummary { total { tokens cost } } } } }`,
    { project, traceId: tree.root.traceId },
  );
  const trace = data.getProjectByName?.trace;
  assert.equal(trace?.rootSpan?.spanId, tree.root.spanId, "Phoenix's root span is the turn span");
  assert.equal(trace?.session?.sessionId, sessionId, 'Phoenix files the trace under its session');
  const tokens = tree.llms.reduce((sum, llm) => sum + Number(llm.attributes['llm.token_count.total'] ?? 0), 0);
  assert.equal(trace?.costSummary.total.tokens, tokens, "Phoenix's token total is the LLM spans' sum (none counted twice)");
  assert.ok((trace?.costSummary.total.cost ?? 0) > 0, `Phoenix priced the trace (model ${String(tree.llms[0]?.attributes['llm.model_name'])})`);
}

interface GqlTrace {
  rootSpan: { spanId: string; spanKind: string } | null;
  session: { sessionId: string } | null;
  costSummary: { total: { tokens: number | null; cost: number | null } };
}
