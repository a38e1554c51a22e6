import { describe, expect, it } from 'vitest';
import { getEndpointAttributes } from './endpoint-attributes';
import { getResponseModelAttributes } from './response-model-attributes';
import {
  budgetInputMessages,
  getSpanLimits,
  INPUT_MESSAGE_ATTRIBUTE_BUDGET,
  INPUT_MESSAGE_CHAR_BUDGET,
  SPAN_ATTRIBUTE_COUNT_LIMIT,
} from './attribute-budget';
import { getLLMRequestAttributes, getLLMResponseAttributes } from './llm-attributes';
import type { OIMessage } from './message-attributes';
import { getLLMToolsAttributes } from './tool-attributes';
import { readConfig } from '@/lib/config/read-config';

const call = (i: number) => ({ id: `call_${i}`, name: 'calculator', arguments: '{"expression":"1+1"}' });
/** The most attributes a request our schema accepts can produce: 100 messages of 100 parts each. */
function worstCasePrompt(): OIMessage[] {
  const messages: OIMessage[] = [{ role: 'system', content: 'be helpful' }];
  for (let i = 0; i < 49; i++) {
    messages.push({
      role: 'user',
      contents: [
        { type: 'text', text: 'x'.repeat(200_000) },
        ...Array.from({ length: 4 }, () => [{ type: 'image' as const, url: 'data:image/png;base64,' + 'A'.repeat(2_000_000) }, { type: 'text' as const, text: 'y' }]).flat(),
      ],
    });
    messages.push({ role: 'assistant', content: 'z'.repeat(200_000), toolCalls: Array.from({ length: 100 }, (_, j) => call(j)) });
    for (let j = 0; j < 100; j++) messages.push({ role: 'tool', toolCallId: `call_${j}`, content: '{"result":2}' });
  }
  messages.push({ role: 'user', contents: [{ type: 'text', text: 'q'.repeat(200_000) }, { type: 'image', url: 'data:image/png;base64,' + 'B'.repeat(2_000_000) }] });
  return messages;
}

describe('the attribute budget', () => {
  it('keeps the worst-case LLM span (schema limits, 64 tools, 64 output tool calls, every count) under the count limit', () => {
    const messages = worstCasePrompt();
    const request = getLLMRequestAttributes({ modelName: 'm', provider: 'p', system: 's', invocationParameters: {}, messages });
    const tools = getLLMToolsAttributes(Array.from({ length: 200 }, (_, i) => ({ name: `t${i}`, parameters: {} })));
    const response = {
      ...getResponseModelAttributes('m-2024'),
      ...getEndpointAttributes({ full: 'https://api.example.com/v1/chat/completions', path: 'chat/completions' }),
      ...getLLMResponseAttributes({
      text: 'answer',
      toolCalls: Array.from({ length: 500 }, (_, i) => call(i)),
      usage: { prompt: 1, completion: 2, cacheRead: 3, cacheWrite: 4, reasoning: 5, promptAudio: 6, completionAudio: 7 },
      finishReason: 'stop',
      }),
    };
    // Context (session, user, metadata, tags) and outcome (stream.outcome, abort reason) come on top.
    const total = Object.keys({ ...request, ...tools, ...response }).length + 4 + 2;
    expect(total).toBeLessThan(SPAN_ATTRIBUTE_COUNT_LIMIT - 64); // room for conventions to come
    expect(request['llm.input_messages_omitted']).toBeGreaterThan(0);
  });

  it('keeps the system prompt and a contiguous run of the newest messages, within both budgets', () => {
    const messages = worstCasePrompt();
    const { kept, omitted } = budgetInputMessages(messages);
    expect(kept[0]).toBe(messages[0]);
    expect(kept.at(-1)).toBe(messages.at(-1));
    expect(kept.slice(1)).toEqual(messages.slice(messages.length - (kept.length - 1)));
    expect(kept.length + omitted).toBe(messages.length);
    const attrs = getLLMRequestAttributes({ modelName: 'm', provider: 'p', system: 's', invocationParameters: {}, messages });
    const keys = Object.keys(attrs).filter((k) => /^llm\.input_messages\.\d/.test(k));
    expect(keys.length).toBeLessThanOrEqual(INPUT_MESSAGE_ATTRIBUTE_BUDGET);
    const chars = keys.reduce((sum, k) => sum + Math.min(String(attrs[k]).length, 64 * 1024), 0);
    expect(chars).toBeLessThanOrEqual(INPUT_MESSAGE_CHAR_BUDGET);
  });

  it('always keeps the last message, even alone over the character budget', () => {
    const huge: OIMessage = { role: 'user', contents: Array.from({ length: 20 }, () => ({ type: 'text' as const, text: 'h'.repeat(100_000) })) };
    const { kept, omitted } = budgetInputMessages([{ role: 'user', content: 'old' }, huge]);
    expect(kept).toEqual([huge]);
    expect(omitted).toBe(1);
  });

  it('raises the SDK defaults (128 attributes, unlimited length) and honours the standard env vars', () => {
    expect(getSpanLimits(readConfig({}).tracing)).toEqual({ attributeCountLimit: 1024, attributeValueLengthLimit: 65536 });
    expect(getSpanLimits(readConfig({ OTEL_SPAN_ATTRIBUTE_COUNT_LIMIT: '2048', OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT: '1000' }).tracing)).toEqual({
      attributeCountLimit: 2048,
      attributeValueLengthLimit: 1000,
    });
    expect(getSpanLimits(readConfig({ OTEL_SPAN_ATTRIBUTE_COUNT_LIMIT: 'lots' }).tracing).attributeCountLimit).toBe(1024);
  });
});
