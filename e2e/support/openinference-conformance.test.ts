import { describe, expect, it } from 'vitest';
import { conformanceViolations } from './openinference-conformance';

const span = (over: Record<string, unknown> = {}) => ({
  traceId: 't1',
  spanId: 's1',
  name: 'llm',
  parentSpanId: undefined as string | undefined,
  status: { code: 1 },
  droppedAttributesCount: 0 as number | undefined,
  endTimeUnixNano: 2_000n as bigint | undefined,
  events: [] as { name: string; timeUnixNano: bigint; attributes: Record<string, never> }[],
  attributes: {
    'openinference.span.kind': 'LLM',
    'llm.model_name': 'm',
    'llm.provider': 'p',
    'llm.system': 's',
    'llm.token_count.prompt': 3,
    'llm.token_count.completion': 2,
    'llm.token_count.total': 5,
    'llm.input_messages.0.message.role': 'user',
    'llm.invocation_parameters': '{}',
    'stream.outcome': 'completed',
  } as Record<string, unknown>,
  attributeTypes: { 'llm.token_count.prompt': 'int', 'llm.token_count.completion': 'int', 'llm.token_count.total': 'int' } as Record<string, string>,
  ...over,
});

describe('conformanceViolations', () => {
  it('accepts a conformant LLM span', () => {
    expect(conformanceViolations([span() as never])).toEqual([]);
  });

  it.each([
    ['a lowercase kind', { 'openinference.span.kind': 'llm' }, /not a valid kind/],
    ['an empty provider', { 'llm.provider': '' }, /empty or non-string llm.provider/],
    ['a missing model name', { 'llm.model_name': undefined }, /lacks llm.model_name/],
    ['a wrong total', { 'llm.token_count.total': 6 }, /total 6/],
    ['a gap in message indexes', { 'llm.input_messages.2.message.role': 'user' }, /not contiguous/],
    ['invalid JSON', { 'llm.invocation_parameters': '{oops' }, /not valid JSON/],
    ['tags as a string', { 'tag.tags': '["a"]' }, /string array/],
    ['an LLM span without stream.outcome (force-ended)', { 'stream.outcome': undefined }, /stream.outcome undefined/],
    ['an unknown stream.outcome', { 'stream.outcome': 'finished' }, /stream.outcome "finished"/],
    ['an empty output.value', { 'output.value': '' }, /output.value is empty/],
    ['an empty output message content', { 'llm.output_messages.0.message.role': 'assistant', 'llm.output_messages.0.message.content': '' }, /content is empty/],
  ])('flags %s', (_, attributes, message) => {
    const bad = span();
    bad.attributes = { ...bad.attributes, ...attributes };
    expect(conformanceViolations([bad as never]).join('\n')).toMatch(message);
  });

  it('flags double counts, float counts, ERROR without exception and broken trees', () => {
    const chain = span({ spanId: 's2', name: 'turn', parentSpanId: 'nope', status: { code: 2 } });
    chain.attributes = { 'openinference.span.kind': 'CHAIN', 'llm.token_count.prompt': 3 };
    chain.attributeTypes = { 'llm.token_count.prompt': 'double' };
    const text = conformanceViolations([span() as never, chain as never]).join('\n');
    expect(text).toMatch(/summed twice/);
    expect(text).toMatch(/not a non-negative integer/);
    expect(text).toMatch(/ERROR without an exception/);
    expect(text).toMatch(/outside its trace/);
  });

  it('flags dropped attributes, and spans whose dropped count was not decoded', () => {
    expect(conformanceViolations([span({ droppedAttributesCount: 20 }) as never]).join('\n')).toMatch(/20 attributes dropped/);
    expect(conformanceViolations([span({ droppedAttributesCount: undefined }) as never]).join('\n')).toMatch(/not decoded/);
  });

  it('flags a child that ends after its parent, and accepts one that ends with it', () => {
    const parent = span({ spanId: 'p', name: 'turn', endTimeUnixNano: 5_000n });
    parent.attributes = { 'openinference.span.kind': 'AGENT' };
    const late = span({ spanId: 'c', parentSpanId: 'p', endTimeUnixNano: 7_000n });
    expect(conformanceViolations([parent as never, late as never]).join('\n')).toMatch(/ends 2 µs after its parent turn/);
    const onTime = span({ spanId: 'c', parentSpanId: 'p', endTimeUnixNano: 5_000n });
    expect(conformanceViolations([parent as never, onTime as never])).toEqual([]);
  });
});
