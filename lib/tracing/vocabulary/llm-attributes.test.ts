import { describe, expect, it } from 'vitest';
import { getChainEndAttributes, getChainStartAttributes } from './chain-attributes';
import { getInvocationParameters } from './invocation-parameters';
import { getLLMRequestAttributes, getLLMResponseAttributes } from './llm-attributes';
import { promptToMessages } from './prompt-messages';
import { getTokenCountAttributes, usageFromProvider } from './token-usage';

describe('getLLMRequestAttributes', () => {
  it('writes model, provider, system, invocation parameters and flattened input messages', () => {
    const messages = promptToMessages([
      { role: 'system', content: 'be brief' },
      { role: 'user', content: [{ type: 'text', text: 'hello ' }, { type: 'text', text: 'there' }] },
      { role: 'assistant', content: [{ type: 'text', text: 'hi' }] },
      { role: 'user', content: [{ type: 'text', text: 'again' }] },
    ]);
    const attributes = getLLMRequestAttributes({
      modelName: 'gpt-4o-mini',
      provider: 'openai',
      system: 'openai',
      invocationParameters: getInvocationParameters('gpt-4o-mini', { temperature: 0.2, maxOutputTokens: 100 }),
      messages,
    });
    expect(attributes).toMatchObject({
      'llm.model_name': 'gpt-4o-mini',
      'llm.provider': 'openai',
      'llm.system': 'openai',
      'input.mime_type': 'application/json',
      'llm.input_messages.0.message.role': 'system',
      'llm.input_messages.0.message.content': 'be brief',
      'llm.input_messages.1.message.role': 'user',
      'llm.input_messages.1.message.content': 'hello there',
      'llm.input_messages.2.message.role': 'assistant',
      'llm.input_messages.3.message.content': 'again',
    });
    expect(JSON.parse(attributes['llm.invocation_parameters'] as string)).toEqual({
      model: 'gpt-4o-mini',
      temperature: 0.2,
      max_tokens: 100,
    });
    expect(JSON.parse(attributes['input.value'] as string).messages).toHaveLength(4);
    expect(attributes['llm.input_messages.4.message.role']).toBeUndefined();
  });

  it('flattens tool calls and tool results', () => {
    const messages = promptToMessages([
      { role: 'assistant', content: [{ type: 'tool-call', toolCallId: 'c1', toolName: 'calc', input: { a: 1 } }] },
      { role: 'tool', content: [{ type: 'tool-result', toolCallId: 'c1', toolName: 'calc', output: { type: 'json', value: 2 } }] },
    ]);
    const attributes = getLLMRequestAttributes({ modelName: 'm', provider: 'p', system: 's', invocationParameters: {}, messages });
    expect(attributes['llm.input_messages.0.message.tool_calls.0.tool_call.id']).toBe('c1');
    expect(attributes['llm.input_messages.0.message.tool_calls.0.tool_call.function.name']).toBe('calc');
    expect(attributes['llm.input_messages.0.message.tool_calls.0.tool_call.function.arguments']).toBe('{"a":1}');
    expect(attributes['llm.input_messages.1.message.role']).toBe('tool');
    expect(attributes['llm.input_messages.1.message.tool_call_id']).toBe('c1');
  });
});

describe('getLLMResponseAttributes', () => {
  it('writes output, output message, finish reason and integer token counts', () => {
    const attributes = getLLMResponseAttributes({
      text: 'The answer.',
      finishReason: 'stop',
      usage: { prompt: 12, completion: 3 },
    });
    expect(attributes).toEqual({
      'output.value': 'The answer.',
      'output.mime_type': 'text/plain',
      'llm.output_messages.0.message.role': 'assistant',
      'llm.output_messages.0.message.content': 'The answer.',
      'llm.finish_reason': 'stop',
      'llm.token_count.prompt': 12,
      'llm.token_count.completion': 3,
      'llm.token_count.total': 15,
    });
  });

  it('leaves unknown counts unset instead of writing 0, and total only when both parts are known', () => {
    expect(getTokenCountAttributes({ prompt: 10 })).toEqual({ 'llm.token_count.prompt': 10 });
    expect(getTokenCountAttributes({})).toEqual({});
    expect(getTokenCountAttributes({ prompt: 1.5, completion: 2 })).toEqual({ 'llm.token_count.completion': 2 });
    expect(
      getTokenCountAttributes(
        usageFromProvider({
          inputTokens: { total: 5, noCache: 3, cacheRead: 2, cacheWrite: undefined },
          outputTokens: { total: 7, text: 4, reasoning: 3 },
        }),
      ),
    ).toEqual({
      'llm.token_count.prompt': 5,
      'llm.token_count.completion': 7,
      'llm.token_count.total': 12,
      'llm.token_count.prompt_details.cache_read': 2,
      'llm.token_count.completion_details.reasoning': 3,
    });
  });

  it('writes cache-write and audio details when the provider reports them (raw OpenAI usage for audio)', () => {
    expect(
      getTokenCountAttributes(
        usageFromProvider({
          inputTokens: { total: 50, noCache: 10, cacheRead: 30, cacheWrite: 10 },
          outputTokens: { total: 20, text: 20, reasoning: undefined },
          raw: { prompt_tokens_details: { audio_tokens: 4 }, completion_tokens_details: { audio_tokens: 6 } },
        }),
      ),
    ).toEqual({
      'llm.token_count.prompt': 50,
      'llm.token_count.completion': 20,
      'llm.token_count.total': 70,
      'llm.token_count.prompt_details.cache_read': 30,
      'llm.token_count.prompt_details.cache_write': 10,
      'llm.token_count.prompt_details.audio': 4,
      'llm.token_count.completion_details.audio': 6,
    });
  });
});

describe('chain attributes', () => {
  it('writes input, session and output with mime types', () => {
    expect(getChainStartAttributes({ input: 'hi', sessionId: 'chat-1' })).toEqual({
      'input.value': 'hi',
      'input.mime_type': 'text/plain',
      'session.id': 'chat-1',
    });
    expect(getChainEndAttributes('bye')).toEqual({ 'output.value': 'bye', 'output.mime_type': 'text/plain' });
  });
});
