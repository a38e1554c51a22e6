import { describe, expect, it } from 'vitest';
import { datasetExampleFromSpans, datasetUploadBody, type PhoenixSpan } from './dataset-example';
import { messagesFromAttributes } from './span-messages';

const TRACE = '0af7651916cd43dd8448eb211c80319c';
const ROOT = 'b7ad6b7169203331';

const span = (id: string, parent: string | null, kind: string, start: number, attributes: Record<string, unknown>): PhoenixSpan => ({
  name: id,
  context: { trace_id: TRACE, span_id: id },
  span_kind: kind,
  parent_id: parent,
  start_time: new Date(Date.UTC(2026, 0, 1, 0, 0, start)).toISOString(),
  end_time: null,
  status_code: 'OK',
  attributes,
});

const turnSpans = [
  span(ROOT, null, 'AGENT', 0, { 'output.value': '42 km is 26.1 mi.', 'session.id': 'chat-1', 'stream.outcome': 'completed' }),
  span('1111111111111111', ROOT, 'LLM', 2, {
    'llm.model_name': 'gpt-4o-mini',
    'llm.provider': 'openai',
    'llm.input_messages.0.message.role': 'system',
    'llm.input_messages.0.message.content': 'Be brief.',
    'llm.input_messages.1.message.role': 'user',
    'llm.input_messages.1.message.content': '42 km in miles?',
    'llm.input_messages.2.message.role': 'assistant',
    'llm.input_messages.2.message.tool_calls.0.tool_call.id': 'c1',
    'llm.input_messages.2.message.tool_calls.0.tool_call.function.name': 'convert_units',
    'llm.input_messages.2.message.tool_calls.0.tool_call.function.arguments': '{"value":42}',
    'llm.input_messages.3.message.role': 'tool',
    'llm.input_messages.3.message.tool_call_id': 'c1',
    'llm.input_messages.3.message.content': '26.1',
    'llm.output_messages.0.message.role': 'assistant',
    'llm.output_messages.0.message.contents.0.message_content.type': 'reasoning',
    'llm.output_messages.0.message.contents.0.message_content.text': 'Convert.',
    'llm.output_messages.0.message.contents.1.message_content.type': 'text',
    'llm.output_messages.0.message.contents.1.message_content.text': '42 km is 26.1 mi.',
    'output.value': '42 km is 26.1 mi.',
  }),
  span('0000000000000aaa', ROOT, 'LLM', 1, {
    'llm.prompt_template.version': 'chat-system-v1',
    'llm.input_messages.0.message.role': 'system',
    'llm.input_messages.0.message.content': 'Be brief.',
    'llm.input_messages.1.message.role': 'user',
    'llm.input_messages.1.message.contents.0.message_content.type': 'text',
    'llm.input_messages.1.message.contents.0.message_content.text': '42 km in miles?',
    'llm.input_messages.1.message.contents.1.message_content.type': 'image',
    'llm.input_messages.1.message.contents.1.message_content.image.image.url': 'https://example.com/a.png',
  }),
  // Another turn's span in the same trace id list must not leak in.
  { ...span('2222222222222222', null, 'LLM', 0, { 'llm.input_messages.0.message.content': 'other' }) },
];

describe('datasetExampleFromSpans', () => {
  it("takes the turn's first model call's input, the turn's answer and ids for metadata", () => {
    const result = datasetExampleFromSpans(turnSpans, { traceId: TRACE, spanId: ROOT, comment: 'wrong unit' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.example.input.messages).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: [{ type: 'text', text: '42 km in miles?' }, { type: 'image_url', image_url: { url: 'https://example.com/a.png' } }] },
    ]);
    expect(result.example.output).toEqual({
      answer: '42 km is 26.1 mi.',
      messages: [{ role: 'assistant', content: [{ type: 'reasoning', text: 'Convert.' }, { type: 'text', text: '42 km is 26.1 mi.' }] }],
    });
    expect(result.example.metadata).toEqual({
      source: 'traced-chat',
      feedback: 'thumbs-down',
      comment: 'wrong unit',
      trace_id: TRACE,
      span_id: ROOT,
      llm_span_id: '1111111111111111',
      session_id: 'chat-1',
      model: 'gpt-4o-mini',
      provider: 'openai',
      prompt_template_version: 'chat-system-v1',
      status: 'completed',
    });
    const body = datasetUploadBody('my-set', result.example);
    expect(body).toMatchObject({ action: 'append', name: 'my-set', span_ids: [ROOT], example_ids: [`traced-chat-${TRACE}-${ROOT}`] });
    expect(body.inputs).toHaveLength(1);
  });

  it('says what is missing: the turn, or its model call', () => {
    expect(datasetExampleFromSpans([], { traceId: TRACE, spanId: ROOT })).toEqual({ ok: false, reason: 'turn_not_found' });
    expect(datasetExampleFromSpans(turnSpans.slice(0, 1), { traceId: TRACE, spanId: ROOT })).toEqual({ ok: false, reason: 'no_model_call' });
  });

  it('reads tool calls and tool results back', () => {
    const messages = messagesFromAttributes(turnSpans[1]!.attributes!, 'llm.input_messages');
    expect(messages[2]).toEqual({ role: 'assistant', tool_calls: [{ id: 'c1', type: 'function', function: { name: 'convert_units', arguments: '{"value":42}' } }] });
    expect(messages[3]).toEqual({ role: 'tool', tool_call_id: 'c1', content: '26.1' });
  });
});
