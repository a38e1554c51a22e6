import { ROOT_CONTEXT, SpanStatusCode, trace } from '@opentelemetry/api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ReceivedSpan } from '../otlp/decode-traces.ts';
import { startReceiver, type Receiver } from '../http/receiver-server.ts';
import { recordSpans, serialize } from '../otlp/sdk-fixtures.ts';
import type { SpanAnnotation } from './span-annotations.ts';
import { sessionDetail, summarizeSessions } from './session-summary.ts';

let n = 0;
const ms = (value: number) => BigInt(value) * 1_000_000n;
function turn(session: string | undefined, startMs: number, durationMs: number, root: Record<string, unknown>, llm: Record<string, unknown>[] = [], code = 1): ReceivedSpan[] {
  const traceId = (++n).toString(16).padStart(32, '0');
  const rootId = `${n.toString(16).padStart(14, '0')}00`;
  const base = { traceId, kind: 1, attributeTypes: {}, events: [], links: [], resource: {}, scope: { name: 'test' }, project: 'p' };
  return [
    {
      ...base,
      spanId: rootId,
      name: 'chat turn',
      startTimeUnixNano: ms(startMs),
      endTimeUnixNano: ms(startMs + durationMs),
      attributes: { 'openinference.span.kind': 'AGENT', ...(session ? { 'session.id': session } : {}), ...root },
      status: { code },
    },
    ...llm.map((attributes, i) => ({
      ...base,
      spanId: `${n.toString(16).padStart(14, '0')}1${i}`,
      parentSpanId: rootId,
      name: 'llm',
      startTimeUnixNano: ms(startMs + 1 + i),
      endTimeUnixNano: ms(startMs + 2 + i),
      attributes: { 'openinference.span.kind': 'LLM', ...(session ? { 'session.id': session } : {}), ...attributes },
      status: { code: 1 },
    })),
  ] as ReceivedSpan[];
}
const feedback = (spanId: string, label: string, explanation?: string): SpanAnnotation => ({
  id: `a-${spanId}`,
  span_id: spanId,
  name: 'user_feedback',
  annotator_kind: 'HUMAN',
  result: { label, score: label === 'thumbs-up' ? 1 : 0, ...(explanation ? { explanation } : {}) },
  updated_at: '2026-01-01T00:00:00Z',
});

describe('summarizeSessions', () => {
  const first = turn('chat-a', 1000, 400, { 'input.value': 'hello', 'output.value': 'hi there', 'stream.outcome': 'completed', 'user.id': 'u1' }, [
    { 'llm.token_count.prompt': 10, 'llm.token_count.completion': 5, 'llm.token_count.total': 15, 'llm.model_name': 'm1' },
  ]);
  const stopped = turn('chat-a', 3000, 200, { 'input.value': '/slow story', 'output.value': 'This is', 'stream.outcome': 'aborted', 'stream.abort_reason': 'client closed' }, [
    { 'llm.token_count.prompt': 20 }, // a stopped call: completion count unknown, not zero
  ], 0);
  const tool = turn('chat-a', 2000, 600, { 'input.value': '2+2?', 'output.value': '4', 'stream.outcome': 'completed' }, [
    { 'llm.token_count.prompt': 30, 'llm.token_count.completion': 3, 'llm.token_count.total': 33 },
    { 'llm.token_count.prompt': 40, 'llm.token_count.completion': 2, 'llm.token_count.total': 42 },
  ]);
  const other = turn('chat-b', 5000, 100, { 'input.value': 'x', 'output.value': 'y' }, [], 2);
  const loose = turn(undefined, 6000, 100, { 'input.value': 'no session' });
  const spans = [...stopped, ...other, ...first, ...loose, ...tool];
  const annotations = [feedback(first[0]!.spanId, 'thumbs-up'), feedback(tool[0]!.spanId, 'thumbs-down', 'wrong'), feedback('ffffffffffffffff', 'thumbs-down')];

  it('groups traces by session.id, most recently active first, with totals, first input and last output', () => {
    const sessions = summarizeSessions(spans, annotations);
    expect(sessions.map((s) => s.sessionId)).toEqual(['chat-b', 'chat-a']);
    expect(sessions[1]).toEqual({
      sessionId: 'chat-a',
      userId: 'u1',
      project: 'p',
      turns: 3,
      startMs: 1000,
      endMs: 3200,
      promptTokens: 100,
      completionTokens: 10,
      totalTokens: 90,
      latencyMs: 1200,
      medianLatencyMs: 400,
      firstInput: 'hello',
      lastOutput: 'This is',
      feedback: { up: 1, down: 1 },
      stopped: 1,
      errors: 0,
    });
    expect(sessions[0]).toMatchObject({ turns: 1, errors: 1, feedback: { up: 0, down: 0 } });
    expect(sessions[0]!.totalTokens).toBeUndefined();
  });

  it('a session page lists its turns in order; a stopped turn is "stopped", not UNSET', () => {
    const detail = sessionDetail(spans, annotations, 'chat-a')!;
    expect(detail.turnList.map((t) => [t.input, t.outcome, t.status, t.totalTokens])).toEqual([
      ['hello', 'completed', 'ok', 15],
      ['2+2?', 'completed', 'ok', 75],
      ['/slow story', 'stopped', 'unset', undefined],
    ]);
    expect(detail.turnList[2]).toMatchObject({ outcomeReason: 'client closed', promptTokens: 20 });
    expect(detail.turnList[1]!.feedback).toEqual([{ label: 'thumbs-down', score: 0, explanation: 'wrong' }]);
    expect(detail.turnList[0]!.model).toBe('m1');
    expect(sessionDetail(spans, annotations, 'chat-b')!.turnList[0]!.outcome).toBe('error');
    expect(sessionDetail(spans, annotations, 'nope')).toBeUndefined();
  });
});

describe('GET /sessions and /sessions/<id>', () => {
  let receiver: Receiver;
  beforeAll(async () => (receiver = await startReceiver()));
  afterAll(() => receiver.close());
  beforeEach(() => receiver.clear());

  it('serves summaries and one session from exported spans; 404 for an unknown session, 400 for a bad limit', async () => {
    const spans = recordSpans({ 'openinference.project.name': 'p' }, (tracer) => {
      for (const input of ['one', 'two']) {
        const root = tracer.startSpan('chat turn', { attributes: { 'openinference.span.kind': 'AGENT', 'session.id': 'chat/1', 'input.value': input } });
        const llm = tracer.startSpan('llm', { attributes: { 'openinference.span.kind': 'LLM', 'llm.token_count.total': 7 } }, trace.setSpan(ROOT_CONTEXT, root));
        llm.end();
        root.setAttributes({ 'output.value': `re ${input}`, 'stream.outcome': 'completed' });
        root.setStatus({ code: SpanStatusCode.OK });
        root.end();
      }
    });
    await fetch(`${receiver.url}/v1/traces`, { method: 'POST', body: serialize(spans), headers: { 'content-type': 'application/x-protobuf' } });
    const list = (await (await fetch(`${receiver.url}/sessions`)).json()) as { sessions: { sessionId: string; turns: number; totalTokens: number }[] };
    expect(list.sessions).toMatchObject([{ sessionId: 'chat/1', turns: 2, totalTokens: 14, firstInput: 'one', lastOutput: 're two' }]);
    const detail = (await (await fetch(`${receiver.url}/sessions/${encodeURIComponent('chat/1')}`)).json()) as { turnList: { input: string }[] };
    expect(detail.turnList.map((t) => t.input)).toEqual(['one', 'two']);
    expect((await fetch(`${receiver.url}/sessions/unknown`)).status).toBe(404);
    expect((await fetch(`${receiver.url}/sessions?limit=0`)).status).toBe(400);
    expect((await fetch(`${receiver.url}/sessions/%E0%A4%A`)).status).toBe(400);
  });
});
