import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetTraceConfig } from '@/lib/tracing/vocabulary/trace-config';
import { spanByKind, useInMemoryTracing } from '@/lib/tracing/testing/in-memory-tracing';
import type { ChatMessage } from './chat-message';
import { streamChatTurn } from './stream-chat-turn';

const tracing = useInMemoryTracing();
beforeAll(() => {
  vi.stubEnv('OPENAI_API_KEY', '');
  vi.stubEnv('OFFLINE_MODEL_DELAY_MS', '0');
});
beforeEach(() => {
  tracing.reset();
  resetTraceConfig();
});

const PNG = 'data:image/png;base64,' + 'iVBORw0KGgo'.repeat(20);
const withImage: ChatMessage[] = [
  {
    id: 'u1',
    role: 'user',
    parts: [
      { type: 'text', text: 'What is in this picture?' },
      { type: 'file', mediaType: 'image/png', url: PNG, filename: 'a.png' },
    ],
  },
];

async function llmSpan() {
  const { turn, result } = await streamChatTurn({ sessionId: 's', messages: withImage, signal: new AbortController().signal });
  const answer = await result.text;
  await turn.ended;
  return { answer, llm: spanByKind(tracing.spans(), 'LLM') };
}

describe('image attachments on LLM spans', () => {
  it('are traced as message contents (type text + image url), never inside input.value', async () => {
    const { answer, llm } = await llmSpan();
    expect(answer).toContain('I received 1 image');
    const base = 'llm.input_messages.1.message.contents';
    expect(llm.attributes).toMatchObject({
      'llm.input_messages.1.message.role': 'user',
      [`${base}.0.message_content.type`]: 'text',
      [`${base}.0.message_content.text`]: 'What is in this picture?',
      [`${base}.1.message_content.type`]: 'image',
      [`${base}.1.message_content.image.image.url`]: PNG,
    });
    expect(llm.attributes['input.value']).not.toContain('iVBORw0KGgo');
  });

  it('redacts a base64 image longer than OPENINFERENCE_BASE64_IMAGE_MAX_LENGTH', async () => {
    vi.stubEnv('OPENINFERENCE_BASE64_IMAGE_MAX_LENGTH', '100');
    try {
      const { llm } = await llmSpan();
      expect(llm.attributes['llm.input_messages.1.message.contents.1.message_content.image.image.url']).toBe('__REDACTED__');
    } finally {
      vi.stubEnv('OPENINFERENCE_BASE64_IMAGE_MAX_LENGTH', '');
    }
  });
});
