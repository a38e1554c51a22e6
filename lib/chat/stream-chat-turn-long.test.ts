/** Long chats (the schema's 100 messages, tools, images, long texts) keep every close-time attribute. */
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { chatRequestSchema } from '@/app/api/chat/schema';
import { chatTools } from '@/lib/ai/tools/chat-tools';
import { spansWithDroppedAttributes, useInMemoryTracing } from '@/lib/tracing/testing/in-memory-tracing';
import type { ChatMessage } from './chat-message';
import { streamChatTurn } from './stream-chat-turn';
import { longChat } from './testing/long-chat';

const tracing = useInMemoryTracing();
beforeAll(() => {
  vi.stubEnv('OPENAI_API_KEY', '');
  vi.stubEnv('OFFLINE_MODEL_DELAY_MS', '0');
});
beforeEach(() => tracing.reset());

async function turnOf(messages: ReturnType<typeof longChat>) {
  // Exactly what the route accepts.
  const parsed = chatRequestSchema.parse({ id: 'long', messages });
  const { turn, result } = await streamChatTurn({
    sessionId: 'long',
    messages: parsed.messages as ChatMessage[],
    signal: new AbortController().signal,
    tools: chatTools,
  });
  const answer = await result.text;
  await turn.ended;
  const spans = tracing.spans();
  const llms = spans.filter((s) => s.attributes['openinference.span.kind'] === 'LLM');
  return { answer, spans, last: llms.at(-1) as ReadableSpan };
}

function expectCloseTimeAttributes(llm: ReadableSpan, answer: string) {
  expect(llm.droppedAttributesCount).toBe(0);
  expect(llm.attributes).toMatchObject({
    'output.value': answer,
    'output.mime_type': 'text/plain',
    'llm.output_messages.0.message.role': 'assistant',
    'llm.output_messages.0.message.content': answer,
    'llm.finish_reason': 'stop',
    'stream.outcome': 'completed',
  });
  for (const key of ['llm.token_count.prompt', 'llm.token_count.completion', 'llm.token_count.total']) {
    expect(Number.isInteger(llm.attributes[key]), key).toBe(true);
  }
  expect(llm.events.map((e) => e.name)).toContain('First Token Stream Event');
}

describe('a long chat', () => {
  it('of 100 messages with tools and images keeps output, tokens, finish reason and outcome (nothing dropped)', async () => {
    const { answer, spans, last } = await turnOf(longChat({ messages: 99, question: 'And now?', toolEvery: 1, imageEvery: 1 }));
    expectCloseTimeAttributes(last, answer);
    expect(spansWithDroppedAttributes(spans)).toEqual([]);
    // The system prompt and the newest messages are flattened; the older ones are counted, not lost silently.
    expect(last.attributes['llm.input_messages.0.message.role']).toBe('system');
    const omitted = last.attributes['llm.input_messages_omitted'] as number;
    expect(omitted).toBeGreaterThan(0);
    const flattened = Object.keys(last.attributes).filter((k) => /^llm\.input_messages\.\d+\.message\.role$/.test(k)).length;
    const lastIndex = flattened - 1;
    expect(last.attributes[`llm.input_messages.${lastIndex}.message.content`]).toBe('And now?');
    expect(Object.keys(last.attributes).length).toBeLessThanOrEqual(1024);
    expect(JSON.parse(last.attributes['input.value'] as string).messages.length).toBe(flattened + omitted);
  });

  it('of 61 messages with long texts stays within the character budget and keeps everything that matters', async () => {
    const { answer, last } = await turnOf(longChat({ messages: 61, question: 'Summarise', textLength: 50_000 }));
    expectCloseTimeAttributes(last, answer);
    const chars = Object.entries(last.attributes)
      .filter(([k]) => k.startsWith('llm.input_messages.') && k !== 'llm.input_messages_omitted')
      .reduce((sum, [, v]) => sum + String(v).length, 0);
    expect(chars).toBeLessThanOrEqual(1024 * 1024 + 64 * 1024);
    expect(last.attributes['llm.input_messages_omitted']).toBeGreaterThan(0);
    // input.value stays valid JSON within the value length limit (long texts shortened, not cut mid-JSON).
    expect(String(last.attributes['input.value']).length).toBeLessThanOrEqual(64 * 1024);
    expect(() => JSON.parse(String(last.attributes['input.value']))).not.toThrow();
  });

  it('of a few messages flattens all of them and writes no omitted count', async () => {
    const { answer, last } = await turnOf(longChat({ messages: 5, question: 'Hi' }));
    expectCloseTimeAttributes(last, answer);
    expect(last.attributes['llm.input_messages_omitted']).toBeUndefined();
  });
});
