import { SpanStatusCode } from '@opentelemetry/api';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { streamChatTurn } from '@/lib/chat/stream-chat-turn';
import { spanByKind, useInMemoryTracing } from '@/lib/tracing/testing/in-memory-tracing';
import { DEFAULT_OPENAI_MODEL, getLanguageModel } from './get-language-model';
import { startFakeOpenAI, type FakeOpenAI, type FakeOpenAIOptions } from './testing/fake-openai-server';

const tracing = useInMemoryTracing();
beforeEach(() => tracing.reset());

describe('getLanguageModel', () => {
  it('picks the offline model without a key', () => {
    const { model, identity } = getLanguageModel({});
    expect(model.provider).toBe('offline');
    expect(identity).toEqual({ provider: 'offline', system: 'offline' });
  });

  it("picks OpenAI's chat-completions API with a key, CHAT_MODEL naming the model", () => {
    expect(getLanguageModel({ OPENAI_API_KEY: 'sk-test' }).model.modelId).toBe(DEFAULT_OPENAI_MODEL);
    const { model, identity } = getLanguageModel({ OPENAI_API_KEY: 'sk-test', CHAT_MODEL: 'gpt-x' });
    expect(model.modelId).toBe('gpt-x');
    expect(model.provider).toBe('openai.chat');
    expect(identity).toEqual({ provider: 'openai', system: 'openai' });
  });
});

/** Starts a fake OpenAI-compatible server for the enclosing describe and points the app's env at it. */
function useFakeOpenAI(options: FakeOpenAIOptions, env: Record<string, string>): () => FakeOpenAI {
  let fake: FakeOpenAI;
  beforeAll(async () => {
    fake = await startFakeOpenAI(options);
    vi.stubEnv('OPENAI_BASE_URL', fake.baseURL);
    for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await fake.close();
  });
  return () => fake;
}

describe('an OpenAI-compatible server, through the real provider and the traced turn', () => {
  const fakeServer = useFakeOpenAI(
    { usage: { prompt_tokens: 30, completion_tokens: 5, total_tokens: 35, prompt_tokens_details: { cached_tokens: 4 } } },
    { OPENAI_API_KEY: 'sk-fake-key', CHAT_MODEL: 'fake-chat-1' },
  );

  it('requests usage in the stream and records the reported counts on the LLM span', async () => {
    const { result } = await streamChatTurn({
      sessionId: 's',
      messages: [{ id: 'u', role: 'user', parts: [{ type: 'text', text: 'Hi there' }] }],
      signal: new AbortController().signal,
    });
    expect(await result.text).toBe('Hello from the fake model.');
    await vi.waitFor(() => expect(tracing.spans()).toHaveLength(2));

    const request = fakeServer().requests[0]!;
    expect(request.body).toMatchObject({ model: 'fake-chat-1', stream: true, stream_options: { include_usage: true } });
    expect(request.headers.authorization).toBe('Bearer sk-fake-key');

    const llm = spanByKind(tracing.spans(), 'LLM');
    expect(llm.attributes).toMatchObject({
      'llm.model_name': 'fake-chat-1',
      'llm.provider': 'openai',
      'llm.system': 'openai',
      'output.value': 'Hello from the fake model.',
      'llm.token_count.prompt': 30,
      'llm.token_count.completion': 5,
      'llm.token_count.total': 35,
      'llm.token_count.prompt_details.cache_read': 4,
      'llm.finish_reason': 'stop',
    });
    expect(llm.status.code).toBe(SpanStatusCode.OK);
    expect(JSON.stringify(llm.attributes)).not.toContain('sk-fake-key');
  });
});

describe('an OpenAI-compatible server that rejects the call', () => {
  useFakeOpenAI({ failWithStatus: 401 }, { OPENAI_API_KEY: 'sk-bad' });

  it('ends both spans with ERROR and the provider error as the exception', async () => {
    const { result } = await streamChatTurn({
      sessionId: 's',
      messages: [{ id: 'u', role: 'user', parts: [{ type: 'text', text: 'Hi' }] }],
      signal: new AbortController().signal,
    });
    await result.consumeStream({ onError: () => undefined });
    await vi.waitFor(() => expect(tracing.spans()).toHaveLength(2));
    for (const kind of ['CHAIN', 'LLM']) {
      const span = spanByKind(tracing.spans(), kind);
      expect(span.status.code).toBe(SpanStatusCode.ERROR);
      expect(span.events.find((e) => e.name === 'exception')?.attributes?.['exception.message']).toMatch(/fake upstream error 401/);
    }
    expect(spanByKind(tracing.spans(), 'LLM').attributes['llm.token_count.prompt']).toBeUndefined();
  });
});
