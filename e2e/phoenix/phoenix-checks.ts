/**
 * Assertions on what Phoenix stored, shared by the real-Phoenix specs: the tree of a turn, tokens
 * against the provider's usage, cost against Phoenix's own price table, trace cost against its spans.
 */
import { expect } from '@playwright/test';
import type { FakeUsage } from '../../lib/ai/testing/fake-openai-server';
import { phoenixSpans, spanKind, type PhoenixSpan } from './phoenix-api';
import { spansOf, type GqlSpan, type GqlTrace, type TokenPrice } from './phoenix-queries';

export interface TurnTree {
  root: PhoenixSpan;
  llms: PhoenixSpan[];
  tools: PhoenixSpan[];
  all: PhoenixSpan[];
}

/** Exactly one root (the turn span, of `rootKind`), every other span's parent stored in the same trace, LLM/TOOL spans in start order. */
export function expectTurnTree(spans: PhoenixSpan[], rootKind = 'AGENT', rootName = 'chat turn'): TurnTree {
  const roots = spans.filter((s) => s.parent_id === null);
  expect(roots.map((s) => s.name), 'one root per turn').toEqual([rootName]);
  const root = roots[0]!;
  expect(spanKind(root)).toBe(rootKind);
  const ids = new Set(spans.map((s) => s.context.span_id));
  for (const span of spans) {
    if (span !== root) expect(ids.has(span.parent_id!), `parent of ${span.name} is stored (no orphan)`).toBe(true);
    expect(span.context.trace_id).toBe(root.context.trace_id);
  }
  const byStart = [...spans].sort((a, b) => Date.parse(a.start_time) - Date.parse(b.start_time));
  return {
    root,
    llms: byStart.filter((s) => spanKind(s) === 'LLM'),
    tools: byStart.filter((s) => spanKind(s) === 'TOOL'),
    all: spans,
  };
}

/** Every trace of the project has exactly one root, of a turn kind, and no span's parent is missing. */
export async function expectNoOrphansInProject(project: string): Promise<PhoenixSpan[]> {
  const spans = await phoenixSpans(project);
  const byTrace = Map.groupBy(spans, (s) => s.context.trace_id);
  for (const [traceId, ofTrace] of byTrace) {
    const roots = ofTrace.filter((s) => s.parent_id === null);
    expect(roots.map((s) => `${s.name} (${s.span_kind})`), `roots of trace ${traceId}`).toHaveLength(1);
    expect(['AGENT', 'CHAIN']).toContain(spanKind(roots[0]!));
    const ids = new Set(ofTrace.map((s) => s.context.span_id));
    const orphans = ofTrace.filter((s) => s.parent_id !== null && !ids.has(s.parent_id));
    expect(orphans.map((s) => s.name), `orphans in trace ${traceId}`).toEqual([]);
  }
  return spans;
}

/** The LLM span's token counts, as Phoenix parsed them (REST attributes and GraphQL counts), equal the provider's usage. */
export function expectTokensEqualUsage(rest: PhoenixSpan, gql: GqlSpan, usage: FakeUsage): void {
  expect(rest.attributes).toMatchObject({
    'llm.token_count.prompt': usage.prompt_tokens,
    'llm.token_count.completion': usage.completion_tokens,
    'llm.token_count.total': usage.total_tokens,
  });
  if (usage.prompt_tokens_details) {
    expect(rest.attributes['llm.token_count.prompt_details.cache_read']).toBe(usage.prompt_tokens_details.cached_tokens);
  }
  expect({ prompt: gql.tokenCountPrompt, completion: gql.tokenCountCompletion, total: gql.tokenCountTotal }).toEqual({
    prompt: usage.prompt_tokens,
    completion: usage.completion_tokens,
    total: usage.total_tokens,
  });
}

const price = (prices: TokenPrice[], tokenType: string, kind: TokenPrice['kind']) =>
  prices.find((p) => p.tokenType === tokenType && p.kind === kind)?.costPerToken ?? 0;

/** The cost Phoenix should compute for `usage` from its own price table: uncached input, cache reads and output each at their price. */
export function expectedCost(usage: FakeUsage, prices: TokenPrice[]): number {
  const cached = usage.prompt_tokens_details?.cached_tokens ?? 0;
  return (
    (usage.prompt_tokens - cached) * price(prices, 'input', 'PROMPT') +
    cached * price(prices, 'cache_read', 'PROMPT') +
    usage.completion_tokens * price(prices, 'output', 'COMPLETION')
  );
}

/** Phoenix computed a cost for the LLM span, and it is the price table's cost of the provider's usage. */
export function expectCostOfUsage(gql: GqlSpan, usage: FakeUsage, prices: TokenPrice[]): number {
  const cost = gql.costSummary?.total.cost;
  expect(cost, `Phoenix computed a cost for ${gql.name}`).toBeGreaterThan(0);
  expect(cost!).toBeCloseTo(expectedCost(usage, prices), 12);
  expect(gql.costSummary!.prompt.tokens).toBe(usage.prompt_tokens);
  expect(gql.costSummary!.completion.tokens).toBe(usage.completion_tokens);
  return cost!;
}

/** The trace's cost and tokens are the sums over its LLM spans: nothing counted twice, nothing left out; no other span has tokens or cost. */
export function expectTraceCostIsSumOfLlms(trace: GqlTrace): void {
  const spans = spansOf(trace);
  const llms = spans.filter((s) => s.spanKind === 'llm');
  for (const other of spans.filter((s) => s.spanKind !== 'llm')) {
    expect(other.tokenCountTotal ?? 0, `${other.name} carries no tokens`).toBe(0);
    expect(other.costSummary?.total.cost ?? 0, `${other.name} carries no cost`).toBe(0);
  }
  const sum = (pick: (s: GqlSpan) => number | null | undefined) => llms.reduce((total, s) => total + (pick(s) ?? 0), 0);
  expect(trace.costSummary.total.cost!).toBeCloseTo(sum((s) => s.costSummary?.total.cost), 12);
  expect(trace.costSummary.total.tokens).toBe(sum((s) => s.tokenCountTotal));
  expect(trace.costSummary.prompt.tokens).toBe(sum((s) => s.tokenCountPrompt));
}

export function gqlSpanOf(trace: GqlTrace, spanId: string): GqlSpan {
  const span = spansOf(trace).find((s) => s.spanId === spanId);
  if (!span) throw new Error(`span ${spanId} is not in Phoenix's trace ${trace.traceId}`);
  return span;
}
