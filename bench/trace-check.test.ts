import { describe, expect, it } from 'vitest';
import type { ReceivedSpan } from '../receiver/api';
import { checkTrace, checkTraces } from './trace-check';

const T = 'a'.repeat(32);
function span(spanId: string, kind: string | undefined, attributes: Record<string, unknown> = {}, parentSpanId?: string): ReceivedSpan {
  return {
    traceId: T, spanId, parentSpanId, name: spanId, kind: 1, startTimeUnixNano: 0n, endTimeUnixNano: 1n,
    attributes: { ...(kind ? { 'openinference.span.kind': kind } : {}), ...attributes } as ReceivedSpan['attributes'],
    attributeTypes: {}, events: [], links: [], status: { code: 1 }, resource: {}, scope: { name: 's' },
  };
}
const tokens = { 'llm.token_count.prompt': 3, 'llm.token_count.completion': 2 };

describe('checkTrace', () => {
  it('accepts our CHAIN root with an LLM child carrying the streamed text and token counts', () => {
    const trace = [span('c'.repeat(16), 'CHAIN'), span('d'.repeat(16), 'LLM', { 'output.value': 'hi there', ...tokens }, 'c'.repeat(16))];
    expect(checkTrace('openinference', 'hi there', trace)).toBeUndefined();
    expect(checkTraces('openinference', [{ ok: true, status: 200, ttfbMs: 1, ttftMs: 1, totalMs: 1, chunks: 2, text: 'hi there', traceId: T }], trace)).toMatchObject({ checked: 1, complete: 1 });
  });

  it('names what is missing', () => {
    const root = span('c'.repeat(16), 'CHAIN');
    expect(checkTrace('openinference', 'x', [])).toBe('no spans received');
    expect(checkTrace('openinference', 'x', [root])).toBe('0 LLM spans');
    expect(checkTrace('openinference', 'x', [root, span('d'.repeat(16), 'LLM', { 'output.value': 'y', ...tokens }, 'c'.repeat(16))])).toMatch(/not the streamed text/);
    expect(checkTrace('openinference', 'x', [root, span('d'.repeat(16), 'LLM', { 'output.value': 'x' }, 'c'.repeat(16))])).toMatch(/token_count.prompt/);
    expect(checkTrace('openinference', 'x', [span('d'.repeat(16), 'LLM', {}, 'e'.repeat(16))])).toMatch(/parent that was not received/);
  });

  it("reads the peer's output text from its output message", () => {
    const trace = [span('c'.repeat(16), 'AGENT'), span('d'.repeat(16), 'LLM', { 'llm.output_messages.0.message.contents.0.message_content.text': 'ok', ...tokens }, 'c'.repeat(16))];
    expect(checkTrace('peer', 'ok', trace)).toBeUndefined();
    const ours = [trace[0]!, span('d'.repeat(16), 'LLM', { 'output.value': 'ok', ...tokens }, 'c'.repeat(16))];
    expect(checkTrace('openinference', 'ok', ours)).toBeUndefined(); // an AGENT turn (tools offered) is ours too
    const toolRoot = [span('c'.repeat(16), 'TOOL'), ours[1]!];
    expect(checkTrace('openinference', 'ok', toolRoot)).toMatch(/not an AGENT or CHAIN turn/);
  });
});
