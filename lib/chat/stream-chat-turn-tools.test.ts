import { SpanStatusCode } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { chatTools } from '@/lib/ai/tools/chat-tools';
import { openSpanCount } from '@/lib/tracing/lifecycle/span-lifecycle';
import { useInMemoryTracing } from '@/lib/tracing/testing/in-memory-tracing';
import type { ChatMessage } from './chat-message';
import { streamChatTurn } from './stream-chat-turn';

const tracing = useInMemoryTracing();
beforeAll(() => {
  vi.stubEnv('OPENAI_API_KEY', '');
  vi.stubEnv('OFFLINE_MODEL_DELAY_MS', '0');
});
beforeEach(() => tracing.reset());

const ask = (text: string): ChatMessage[] => [{ id: 'u1', role: 'user', parts: [{ type: 'text', text }] }];
const kind = (span: ReadableSpan) => span.attributes['openinference.span.kind'];

async function toolTurn(text: string) {
  const { turn, result } = await streamChatTurn({
    sessionId: 'chat-7',
    messages: ask(text),
    signal: new AbortController().signal,
    tools: chatTools,
    userId: 'user-1',
    metadata: { app_version: '1.2.3', runtime: 'nodejs', route: '/api/chat' },
    tags: ['chat', 'nodejs'],
  });
  const answer = await result.text;
  await turn.ended;
  const spans = tracing.spans();
  return {
    answer,
    spans,
    agent: spans.find((s) => kind(s) === 'AGENT')!,
    llms: spans.filter((s) => kind(s) === 'LLM').sort((a, b) => a.startTime[0] - b.startTime[0] || a.startTime[1] - b.startTime[1]),
    tools: spans.filter((s) => kind(s) === 'TOOL'),
  };
}

describe('a tool turn (offline model calls the calculator)', () => {
  it('is an AGENT span with one LLM span per step and a TOOL span, all in one tree', async () => {
    const { answer, spans, agent, llms, tools } = await toolTurn('Please calculate 17*23');
    expect(answer).toBe('17*23 = 391.');
    expect(spans).toHaveLength(4);
    expect(llms).toHaveLength(2);
    expect(tools).toHaveLength(1);
    for (const span of [...llms, ...tools]) {
      expect(span.parentSpanContext?.spanId).toBe(agent.spanContext().spanId);
      expect(span.spanContext().traceId).toBe(agent.spanContext().traceId);
    }
    expect(agent.attributes).toMatchObject({ 'input.value': 'Please calculate 17*23', 'output.value': '17*23 = 391.' });

    const [first, second] = llms as [ReadableSpan, ReadableSpan];
    const callId = first.attributes['llm.output_messages.0.message.tool_calls.0.tool_call.id'];
    expect(callId).toMatch(/^call_/);
    expect(first.attributes).toMatchObject({
      'llm.finish_reason': 'tool-calls',
      'llm.output_messages.0.message.tool_calls.0.tool_call.function.name': 'calculator',
    });
    expect(JSON.parse(first.attributes['llm.output_messages.0.message.tool_calls.0.tool_call.function.arguments'] as string)).toEqual({ expression: '17*23' });
    expect(JSON.parse(first.attributes['llm.tools.0.tool.json_schema'] as string).function.name).toBe('calculator');
    expect(JSON.parse(first.attributes['llm.tools.1.tool.json_schema'] as string).function.name).toBe('convert_units');

    // The second step's input has the tool result, linked by the call id.
    expect(second.attributes['llm.input_messages.3.message.role']).toBe('tool');
    expect(second.attributes['llm.input_messages.3.message.tool_call_id']).toBe(callId);
    expect(JSON.parse(second.attributes['llm.input_messages.3.message.content'] as string)).toEqual({ expression: '17*23', result: 391 });
    expect(second.attributes['llm.input_messages.2.message.tool_calls.0.tool_call.id']).toBe(callId);
    expect(second.attributes['output.value']).toBe('17*23 = 391.');

    const [tool] = tools as [ReadableSpan];
    expect(tool.attributes).toMatchObject({
      'tool.name': 'calculator',
      'tool.description': chatTools.calculator.description,
      'tool.id': callId,
      'input.mime_type': 'application/json',
      'output.mime_type': 'application/json',
    });
    expect(JSON.parse(tool.attributes['tool.parameters'] as string).properties.expression.type).toBe('string');
    expect(JSON.parse(tool.attributes['input.value'] as string)).toEqual({ expression: '17*23' });
    expect(JSON.parse(tool.attributes['output.value'] as string)).toEqual({ expression: '17*23', result: 391 });
    expect(tool.status.code).toBe(SpanStatusCode.OK);
    expect(openSpanCount()).toBe(0);
  });

  it('puts session, user, metadata and tags on every span; token counts only on LLM spans', async () => {
    const { spans } = await toolTurn('calculate 2+2');
    for (const span of spans) {
      expect(span.attributes['session.id']).toBe('chat-7');
      expect(span.attributes['user.id']).toBe('user-1');
      expect(JSON.parse(span.attributes['metadata'] as string)).toEqual({ app_version: '1.2.3', runtime: 'nodejs', route: '/api/chat' });
      expect(span.attributes['tag.tags']).toEqual(['chat', 'nodejs']);
      const counts = Object.keys(span.attributes).filter((key) => key.startsWith('llm.token_count.'));
      if (kind(span) === 'LLM') expect(counts.length).toBeGreaterThanOrEqual(3);
      else expect(counts).toEqual([]);
    }
  });

  it('records ERROR with the exception on the TOOL span when the tool throws; the model reports it', async () => {
    const { answer, tools, agent } = await toolTurn('calculate 1/0');
    expect(answer).toBe('The calculator tool could not do that: division by zero.');
    const [tool] = tools as [ReadableSpan];
    expect(tool.status).toMatchObject({ code: SpanStatusCode.ERROR, message: 'division by zero' });
    expect(tool.events.find((e) => e.name === 'exception')?.attributes?.['exception.message']).toBe('division by zero');
    expect(tool.attributes['output.value']).toBeUndefined();
    expect(agent.status.code).toBe(SpanStatusCode.OK);
  });

  it('converts units with the second tool', async () => {
    const { answer, tools } = await toolTurn('convert 10 km to mi');
    expect(answer).toBe('10 km is 6.213711922 mi.');
    expect(tools[0]!.attributes['tool.name']).toBe('convert_units');
  });

  it('is a CHAIN span without tools, and answers without calling any', async () => {
    const { turn, result } = await streamChatTurn({ sessionId: 's', messages: ask('calculate 17*23'), signal: new AbortController().signal });
    await result.text;
    await turn.ended;
    expect(tracing.spans().map(kind).sort()).toEqual(['CHAIN', 'LLM']);
  });
});
