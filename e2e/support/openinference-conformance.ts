/**
 * Checks exported spans against the OpenInference conventions, as Phoenix reads them, and against
 * this app's lifecycle promises: every LLM span says how its stream ended (`stream.outcome` — a span
 * force-ended by `@vercel/otel` has none), no span lost attributes to the SDK's count limit, and no
 * child ends after its parent. Returns the violations (empty when conformant), each naming the span
 * and the key. Keys are literal dotted strings on purpose: a renamed key in the app fails here.
 */
import type { ReceivedSpan } from '../../receiver/api';

const KINDS = new Set(['LLM', 'CHAIN', 'TOOL', 'AGENT', 'RETRIEVER', 'EMBEDDING', 'RERANKER', 'GUARDRAIL', 'EVALUATOR', 'PROMPT']);
const JSON_KEYS = [/^llm\.invocation_parameters$/, /^metadata$/, /^tool\.parameters$/, /^llm\.tools\.\d+\.tool\.json_schema$/, /\.tool_call\.function\.arguments$/];
const INDEXED = [
  /^(llm\.input_messages)\.(\d+)\./,
  /^(llm\.output_messages)\.(\d+)\./,
  /^(llm\.tools)\.(\d+)\./,
  /^(llm\.(?:input|output)_messages\.\d+\.message\.contents)\.(\d+)\./,
  /^(llm\.(?:input|output)_messages\.\d+\.message\.tool_calls)\.(\d+)\./,
];

type Span = Pick<
  ReceivedSpan,
  'traceId' | 'spanId' | 'parentSpanId' | 'name' | 'attributes' | 'attributeTypes' | 'events' | 'status' | 'droppedAttributesCount'
> & { endTimeUnixNano?: bigint };
const OUTCOMES = new Set(['completed', 'aborted', 'timeout', 'error']);

export function conformanceViolations(spans: readonly Span[]): string[] {
  const problems: string[] = [];
  for (const span of spans) problems.push(...spanViolations(span).map((problem) => `${span.name} (${span.spanId}): ${problem}`));
  problems.push(...treeViolations(spans));
  return problems;
}

function spanViolations(span: Span): string[] {
  const problems: string[] = [];
  const a = span.attributes;
  const kind = a['openinference.span.kind'];
  if (typeof kind !== 'string' || !KINDS.has(kind)) problems.push(`openinference.span.kind is ${JSON.stringify(kind)}, not a valid kind`);
  if (kind === 'LLM') {
    if (typeof a['llm.model_name'] !== 'string' || a['llm.model_name'] === '') problems.push('LLM span lacks llm.model_name');
    // Unknown is not a value: an unknown endpoint has no llm.provider, Gemini no llm.system. When present, not empty.
    for (const key of ['llm.provider', 'llm.system']) {
      if (key in a && (typeof a[key] !== 'string' || a[key] === '')) problems.push(`LLM span has an empty or non-string ${key}`);
    }
    const outcome = a['stream.outcome'];
    if (typeof outcome !== 'string' || !OUTCOMES.has(outcome)) {
      problems.push(`LLM span has stream.outcome ${JSON.stringify(outcome)} (ended by something other than its own lifecycle?)`);
    }
  }
  if (span.droppedAttributesCount === undefined) problems.push('droppedAttributesCount unknown (not decoded)');
  else if (span.droppedAttributesCount > 0) problems.push(`${span.droppedAttributesCount} attributes dropped by the count limit`);
  for (const [key, value] of Object.entries(a)) {
    if (value === '' && (key === 'output.value' || /^llm\.output_messages\.\d+\.message\.content$/.test(key))) problems.push(`${key} is empty (omit it)`);
  }
  const counts = Object.keys(a).filter((key) => key.startsWith('llm.token_count.'));
  if (kind !== 'LLM' && counts.length > 0) problems.push(`token counts on a ${String(kind)} span would be summed twice: ${counts.join(', ')}`);
  for (const key of counts) {
    if (span.attributeTypes[key] !== 'int' || (a[key] as number) < 0) problems.push(`${key} is not a non-negative integer`);
  }
  const [prompt, completion, total] = ['prompt', 'completion', 'total'].map((k) => a[`llm.token_count.${k}`]);
  if (total !== undefined && total !== Number(prompt) + Number(completion)) problems.push(`llm.token_count.total ${String(total)} ≠ prompt ${String(prompt)} + completion ${String(completion)}`);
  if (total === undefined && prompt !== undefined && completion !== undefined) problems.push('llm.token_count.total missing though prompt and completion are known');
  for (const [key, value] of Object.entries(a)) {
    const jsonByMime = (key === 'input.value' && a['input.mime_type'] === 'application/json') || (key === 'output.value' && a['output.mime_type'] === 'application/json');
    if (jsonByMime || JSON_KEYS.some((pattern) => pattern.test(key))) {
      try {
        JSON.parse(String(value));
      } catch {
        problems.push(`${key} is not valid JSON`);
      }
    }
  }
  if (a['tag.tags'] !== undefined && (!Array.isArray(a['tag.tags']) || !a['tag.tags'].every((t) => typeof t === 'string'))) {
    problems.push('tag.tags is not a string array');
  }
  problems.push(...indexViolations(Object.keys(a)));
  if (span.status.code === 2 && !span.events.some((event) => event.name === 'exception')) problems.push('ERROR without an exception event');
  return problems;
}

/** Flattened lists must be indexed 0, 1, 2, … with no gaps. */
function indexViolations(keys: readonly string[]): string[] {
  const lists = new Map<string, Set<number>>();
  for (const key of keys) {
    for (const pattern of INDEXED) {
      const match = pattern.exec(key);
      if (match) lists.set(match[1]!, (lists.get(match[1]!) ?? new Set()).add(Number(match[2])));
    }
  }
  const problems: string[] = [];
  for (const [prefix, indexes] of lists) {
    const sorted = [...indexes].sort((x, y) => x - y);
    if (sorted.some((index, i) => index !== i)) problems.push(`${prefix} indexes are not contiguous from 0: ${sorted.join(',')}`);
  }
  return problems;
}

/** Each trace is one tree: one root, every parent present, every child ended no later than its parent. */
function treeViolations(spans: readonly Span[]): string[] {
  const problems: string[] = [];
  const byTrace = Map.groupBy(spans, (span) => span.traceId);
  for (const [traceId, members] of byTrace) {
    const ids = new Set(members.map((span) => span.spanId));
    const roots = members.filter((span) => !span.parentSpanId);
    if (roots.length !== 1) problems.push(`trace ${traceId} has ${roots.length} roots`);
    for (const span of members) {
      if (span.parentSpanId && !ids.has(span.parentSpanId)) problems.push(`${span.name} (${span.spanId}) has a parent ${span.parentSpanId} outside its trace's exported spans`);
      const parent = members.find((other) => other.spanId === span.parentSpanId);
      if (parent && (span.endTimeUnixNano === undefined || parent.endTimeUnixNano === undefined)) {
        problems.push(`${span.name} (${span.spanId}): end times unknown, cannot check it ends before its parent`);
      } else if (parent && span.endTimeUnixNano! > parent.endTimeUnixNano!) {
        problems.push(`${span.name} (${span.spanId}) ends ${(span.endTimeUnixNano! - parent.endTimeUnixNano!) / 1000n} µs after its parent ${parent.name} (${parent.spanId})`);
      }
    }
  }
  return problems;
}
