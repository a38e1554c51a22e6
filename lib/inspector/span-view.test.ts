import { describe, expect, it } from 'vitest';
import { displayValue, exceptionOf, formatMs, messagesOf, orderSpans, spanKindOf, timeToFirstTokenMs, tokenCountsOf } from './span-view';
import type { InspectedSpan } from './trace-api';

const span = (id: string, parent: string | undefined, startMs: number, endMs: number, extra: Partial<InspectedSpan> = {}): InspectedSpan => ({
  traceId: 't'.repeat(32),
  spanId: id,
  ...(parent ? { parentSpanId: parent } : {}),
  name: id,
  kind: 1,
  startTimeUnixNano: String(BigInt(startMs) * 1_000_000n),
  endTimeUnixNano: String(BigInt(endMs) * 1_000_000n),
  attributes: {},
  events: [],
  status: { code: 0 },
  resource: {},
  ...extra,
});

describe('span view', () => {
  it('orders spans as a tree with depth, offset and duration', () => {
    const rows = orderSpans([span('llm2', 'root', 1500, 1800), span('llm1', 'root', 1010, 1400), span('root', undefined, 1000, 2000), span('orphan', 'gone', 1200, 1300)]);
    expect(rows.map((r) => [r.span.spanId, r.depth, r.offsetMs, r.durationMs])).toEqual([
      ['root', 0, 0, 1000],
      ['llm1', 1, 10, 390],
      ['llm2', 1, 500, 300],
      ['orphan', 0, 200, 100],
    ]);
    expect(orderSpans([])).toEqual([]);
  });

  it('reads kind, messages in index order, token counts (only numbers)', () => {
    const attributes = {
      'openinference.span.kind': 'LLM',
      'llm.input_messages.10.message.role': 'user',
      'llm.input_messages.10.message.content': 'later',
      'llm.input_messages.0.message.role': 'system',
      'llm.input_messages.0.message.content': 'be brief',
      'llm.output_messages.0.message.role': 'assistant',
      'llm.output_messages.0.message.content': 'ok',
      'llm.token_count.prompt': 12,
      'llm.token_count.completion': 3,
      'llm.token_count.total': '15',
    };
    const s = span('a', undefined, 0, 1, { attributes });
    expect(spanKindOf(s)).toBe('LLM');
    expect(spanKindOf(span('b', undefined, 0, 1))).toBe('UNKNOWN');
    expect(messagesOf(attributes, 'input')).toEqual([{ role: 'system', content: 'be brief' }, { role: 'user', content: 'later' }]);
    expect(messagesOf(attributes, 'output')).toEqual([{ role: 'assistant', content: 'ok' }]);
    expect(tokenCountsOf(attributes)).toEqual({ prompt: 12, completion: 3 });
  });

  it('finds TTFT from an attribute in ms or a first_token event, and the exception', () => {
    expect(timeToFirstTokenMs(span('a', undefined, 1000, 2000, { attributes: { 'llm.ttft_ms': 42 } }))).toBe(42);
    const withEvent = span('b', undefined, 1000, 2000, { events: [{ name: 'llm.first_token', timeUnixNano: String(1250n * 1_000_000n), attributes: {} }] });
    expect(timeToFirstTokenMs(withEvent)).toBe(250);
    expect(timeToFirstTokenMs(span('c', undefined, 0, 1))).toBeUndefined();
    const failed = span('d', undefined, 0, 1, { events: [{ name: 'exception', timeUnixNano: '1', attributes: { 'exception.type': 'Error', 'exception.message': 'boom' } }] });
    expect(exceptionOf(failed)).toEqual({ type: 'Error', message: 'boom', stacktrace: undefined });
    expect(exceptionOf(withEvent)).toBeUndefined();
  });

  it('formats values and durations', () => {
    expect(displayValue('{"a":1}')).toBe('{\n  "a": 1\n}');
    expect(displayValue('{not json')).toBe('{not json');
    expect(displayValue(3)).toBe('3');
    expect(formatMs(0.5)).toBe('0.50 ms');
    expect(formatMs(12.4)).toBe('12 ms');
    expect(formatMs(2345)).toBe('2.35 s');
  });
});

describe('messagesOf with content blocks', () => {
  it('joins text blocks into the content and keeps reasoning apart', () => {
    expect(
      messagesOf(
        {
          'llm.output_messages.0.message.role': 'assistant',
          'llm.output_messages.0.message.contents.1.message_content.type': 'text',
          'llm.output_messages.0.message.contents.1.message_content.text': 'Four.',
          'llm.output_messages.0.message.contents.0.message_content.type': 'reasoning',
          'llm.output_messages.0.message.contents.0.message_content.text': 'Two and two.',
        },
        'output',
      ),
    ).toEqual([{ role: 'assistant', content: 'Four.', reasoning: 'Two and two.' }]);
  });
});
