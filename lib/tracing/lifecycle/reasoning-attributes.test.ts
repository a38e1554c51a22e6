import type { LanguageModelV4StreamPart } from '@ai-sdk/provider';
import type { Context } from '@opentelemetry/api';
import { MockLanguageModelV4 } from 'ai/test';
import { beforeEach, describe, expect, it } from 'vitest';
import { createOfflineModel } from '@/lib/ai/offline-model';
import { countTextTokens } from '@/lib/ai/token-count';
import { composeOfflineReasoning } from '@/lib/ai/offline-answer';
import { getLLMRequestAttributes, getLLMResponseAttributes } from '../vocabulary/llm-attributes';
import { assistantMessage } from '../vocabulary/message-attributes';
import { promptToMessages } from '../vocabulary/prompt-messages';
import { OpenInferenceSpanKind } from '../vocabulary/semconv';
import { startSpan } from './span-lifecycle';
import { useInMemoryTracing } from '../testing/in-memory-tracing';
import { traceLanguageModel } from './traced-model';

const tracing = useInMemoryTracing();
beforeEach(() => tracing.reset());

const OUT = 'llm.output_messages.0.message';

describe('reasoning in the output message', () => {
  it('is a reasoning content block before the text block, never in output.value', () => {
    const attributes = getLLMResponseAttributes({ text: 'Four.', reasoning: '2 plus 2 is 4.' });
    expect(attributes).toMatchObject({
      'output.value': 'Four.',
      [`${OUT}.role`]: 'assistant',
      [`${OUT}.contents.0.message_content.type`]: 'reasoning',
      [`${OUT}.contents.0.message_content.text`]: '2 plus 2 is 4.',
      [`${OUT}.contents.1.message_content.type`]: 'text',
      [`${OUT}.contents.1.message_content.text`]: 'Four.',
    });
    // The answer is not duplicated as message.content (Phoenix would render it twice).
    expect(attributes[`${OUT}.content`]).toBeUndefined();
    expect(String(attributes['output.value'])).not.toContain('2 plus 2');
  });

  it('keeps plain message.content when there is no reasoning', () => {
    const attributes = getLLMResponseAttributes({ text: 'Hi.', reasoning: '' });
    expect(attributes[`${OUT}.content`]).toBe('Hi.');
    expect(attributes[`${OUT}.contents.0.message_content.type`]).toBeUndefined();
  });

  it('records reasoning of a turn stopped while thinking (no text block yet)', () => {
    expect(assistantMessage('', 'Let me think')).toEqual({ role: 'assistant', contents: [{ type: 'reasoning', text: 'Let me think' }] });
  });

  it('keeps tool calls beside reasoning', () => {
    const message = assistantMessage('', 'I need the calculator.', [{ id: 'c1', name: 'calculator', arguments: '{}' }]);
    expect(message.toolCalls).toHaveLength(1);
    expect(message.contents).toEqual([{ type: 'reasoning', text: 'I need the calculator.' }]);
  });
});

describe('reasoning in input messages (sent back from earlier turns)', () => {
  it('flattens an assistant turn with reasoning as reasoning and text blocks', () => {
    const messages = promptToMessages([
      { role: 'user', content: [{ type: 'text', text: '2+2?' }] },
      { role: 'assistant', content: [{ type: 'reasoning', text: 'Simple sum.' }, { type: 'text', text: '4' }] },
      { role: 'user', content: [{ type: 'text', text: 'and 3+3?' }] },
    ]);
    const attributes = getLLMRequestAttributes({ modelName: 'm', provider: 'p', system: 's', invocationParameters: {}, messages });
    expect(attributes).toMatchObject({
      'llm.input_messages.1.message.role': 'assistant',
      'llm.input_messages.1.message.contents.0.message_content.type': 'reasoning',
      'llm.input_messages.1.message.contents.0.message_content.text': 'Simple sum.',
      'llm.input_messages.1.message.contents.1.message_content.type': 'text',
      'llm.input_messages.1.message.contents.1.message_content.text': '4',
      'llm.input_messages.2.message.content': 'and 3+3?',
    });
    expect(attributes['llm.input_messages.1.message.content']).toBeUndefined();
  });
});

const llmSpan = () => {
  const spans = tracing.spans().filter((s) => s.attributes['openinference.span.kind'] === 'LLM');
  expect(spans).toHaveLength(1);
  return spans[0]!;
};

async function drain(stream: ReadableStream<unknown>) {
  for await (const _ of stream) void _;
}

describe('traced model records streamed reasoning', () => {
  it('collects reasoning-delta parts into the reasoning block', async () => {
    const parent = startSpan({ name: 'turn', kind: OpenInferenceSpanKind.CHAIN });
    const parts: LanguageModelV4StreamPart[] = [
      { type: 'stream-start', warnings: [] },
      { type: 'reasoning-start', id: 'r' },
      { type: 'reasoning-delta', id: 'r', delta: 'Think ' },
      { type: 'reasoning-delta', id: 'r', delta: 'hard.' },
      { type: 'reasoning-end', id: 'r' },
      { type: 'text-start', id: 't' },
      { type: 'text-delta', id: 't', delta: 'Done.' },
      { type: 'text-end', id: 't' },
      {
        type: 'finish',
        finishReason: { unified: 'stop', raw: 'stop' },
        usage: { inputTokens: { total: 5, noCache: 5, cacheRead: undefined, cacheWrite: undefined }, outputTokens: { total: 4, text: 1, reasoning: 3 } },
      },
    ];
    const inner = new MockLanguageModelV4({
      modelId: 'mock-1',
      doStream: async () => ({ stream: new ReadableStream({ start: (c) => (parts.forEach((p) => c.enqueue(p)), c.close()) }) }),
    });
    const model = traceLanguageModel(inner, { provider: 'p', system: 's' }, parent.context as Context);
    const { stream } = await model.doStream({ prompt: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }] });
    await drain(stream);
    parent.end({ type: 'ok' });
    const attributes = llmSpan().attributes;
    expect(attributes['output.value']).toBe('Done.');
    expect(attributes[`${OUT}.contents.0.message_content.text`]).toBe('Think hard.');
    expect(attributes[`${OUT}.contents.1.message_content.text`]).toBe('Done.');
    expect(attributes['llm.token_count.completion_details.reasoning']).toBe(3);
  });

  it('the offline model thinks on /think, with reasoning tokens counted apart', async () => {
    const parent = startSpan({ name: 'turn', kind: OpenInferenceSpanKind.CHAIN });
    const model = traceLanguageModel(createOfflineModel({ delayMs: 0 }), { provider: 'offline', system: 'offline' }, parent.context as Context);
    const { stream } = await model.doStream({ prompt: [{ role: 'user', content: [{ type: 'text', text: '/think why is the sky blue' }] }] });
    await drain(stream);
    parent.end({ type: 'ok' });
    const attributes = llmSpan().attributes;
    const reasoning = composeOfflineReasoning('why is the sky blue');
    expect(attributes[`${OUT}.contents.0.message_content.type`]).toBe('reasoning');
    expect(attributes[`${OUT}.contents.0.message_content.text`]).toBe(reasoning);
    const answer = attributes[`${OUT}.contents.1.message_content.text`] as string;
    expect(answer).toBe(attributes['output.value']);
    expect(answer).not.toContain(reasoning);
    expect(attributes['llm.token_count.completion_details.reasoning']).toBe(countTextTokens(reasoning));
    expect(attributes['llm.token_count.completion']).toBe(countTextTokens(reasoning) + countTextTokens(answer));
  });
});

describe('masking reaches reasoning', () => {
  it('OPENINFERENCE_HIDE_OUTPUT_TEXT redacts the reasoning block as well as the answer', async () => {
    const { maskAttributes } = await import('../vocabulary/mask-attributes');
    const { traceConfigFromEnv } = await import('../vocabulary/trace-config');
    const attributes = getLLMResponseAttributes({ text: 'Four.', reasoning: 'secret thoughts' });
    const masked = maskAttributes({ 'openinference.span.kind': 'LLM', ...attributes }, traceConfigFromEnv({ OPENINFERENCE_HIDE_OUTPUT_TEXT: 'true' }));
    expect(JSON.stringify(masked)).not.toContain('secret thoughts');
    expect(masked[`${OUT}.contents.0.message_content.type`]).toBe('reasoning');
  });
});
