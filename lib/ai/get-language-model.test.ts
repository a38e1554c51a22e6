import { SpanStatusCode } from '@opentelemetry/api';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { streamChatTurn } from '@/lib/chat/stream-chat-turn';
import { spanByKind, useInMemoryTracing } from '@/lib/tracing/testing/in-memory-tracing';
import { configuredModelId, DEFAULT_OPENAI_MODEL, getLanguageModel } from './get-language-model';
import { OFFLINE_MODEL_ID } from './offline-model';
import { startFakeOpenAI, type FakeOpenAI, type FakeOpenAIOptions } from './testing/fake-openai-server';
import { readConfig } from '@/lib/config/read-config';

const tracing = useInMemoryTracing();
beforeEach(() => tracing.reset());

describe('getLanguageModel', () => {
  it('picks the offline model without a key', () => {
    const { model, identity } = getLanguageModel(readConfig({}));
    expect(model.provider).toBe('offline');
    expect(identity).toEqual({ provider: 'offline', system: 'offline' });
    expect(configuredModelId(readConfig({}))).toBe(OFFLINE_MODEL_ID);
  });

  it("picks OpenAI's chat-completions API with a key, CHAT_MODEL naming the model", () => {
    expect(getLanguageModel(readConfig({ OPENAI_API_KEY: 'sk-test' })).model.modelId).toBe(DEFAULT_OPENAI_MODEL);
    const { model, identity } = getLanguageModel(readConfig({ OPENAI_API_KEY: 'sk-test', CHAT_MODEL: 'gpt-x' }));
    expect(model.modelId).toBe('gpt-x');
    expect(model.provider).toBe('openai.chat');
    expect(identity).toEqual({
      provider: 'openai',
      system: 'openai',
      invocationParameterStyle: 'openai',
      endpoint: {
        stream: { full: 'https://api.openai.com/v1/chat/completions', path: 'chat/completions' },
        generate: { full: 'https://api.openai.com/v1/chat/completions', path: 'chat/completions' },
      },
    });
  });

  it.each([
    [{ CHAT_PROVIDER: 'anthropic', ANTHROPIC_API_KEY: 'k' }, 'anthropic.messages', 'claude-haiku-4-5', 'https://api.anthropic.com/v1/messages'],
    [{ CHAT_PROVIDER: 'google', GOOGLE_GENERATIVE_AI_API_KEY: 'k' }, 'google.generative-ai', 'gemini-2.5-flash', 'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse'],
    [{ CHAT_PROVIDER: 'openai-compatible', OPENAI_COMPATIBLE_BASE_URL: 'http://localhost:11434/v1', CHAT_MODEL: 'llama3.2' }, 'openai-compatible.chat', 'llama3.2', 'http://localhost:11434/v1/chat/completions'],
    [{ ANTHROPIC_API_KEY: 'k' }, 'anthropic.messages', 'claude-haiku-4-5', 'https://api.anthropic.com/v1/messages'],
  ])('CHAT_PROVIDER %o selects %s', (env, provider, modelId, url) => {
    const { model, identity } = getLanguageModel(readConfig(env));
    expect(model.provider).toBe(provider);
    expect(model.modelId).toBe(modelId);
    expect(configuredModelId(readConfig(env))).toBe(modelId);
    expect(identity.endpoint?.stream.full).toBe(url);
  });

  it('refuses a misconfiguration with a 500 that names the variable, not its value', () => {
    expect(() => getLanguageModel(readConfig({ CHAT_PROVIDER: 'anthropic' }))).toThrow(/CHAT_PROVIDER=anthropic needs ANTHROPIC_API_KEY/);
    expect(() => configuredModelId(readConfig({ CHAT_PROVIDER: 'antropic' }))).toThrow(/CHAT_PROVIDER must be one of openai, anthropic, google, openai-compatible, offline/);
    try {
      getLanguageModel(readConfig({ CHAT_PROVIDER: 'openai', OPENAI_API_KEY: 'sk-secret', OPENAI_BASE_URL: 'ftp://x' }));
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ status: 500, code: 'provider_misconfigured' });
      expect(String(error)).not.toContain('sk-secret');
    }
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
    { OPENAI_API_KEY: 'sk-fake-key', CHAT_MODEL: 'fake-chat-1', CHAT_LLM_PROVIDER: 'openai' },
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
      'llm.response.model_name': 'fake-chat-1',
      'url.full': `${fakeServer().baseURL}/chat/completions`,
      'url.path': 'chat/completions',
    });
    // The fake reports no reasoning tokens: unknown, not 0.
    expect(llm.attributes['llm.token_count.completion_details.reasoning']).toBeUndefined();
    expect(llm.status.code).toBe(SpanStatusCode.OK);
    expect(JSON.stringify(llm.attributes)).not.toContain('sk-fake-key');
  });
});

describe('OPENAI_BASE_URL on a host that is not a known provider, without CHAT_LLM_PROVIDER', () => {
  useFakeOpenAI({}, { OPENAI_API_KEY: 'sk-fake-key', CHAT_MODEL: 'fake-chat-1' });

  it('claims no llm.provider (not `openai` for a server that may be vLLM or a gateway)', async () => {
    const { result } = await streamChatTurn({
      sessionId: 's',
      messages: [{ id: 'u', role: 'user', parts: [{ type: 'text', text: 'Hi' }] }],
      signal: new AbortController().signal,
    });
    await result.consumeStream();
    await vi.waitFor(() => expect(tracing.spans()).toHaveLength(2));
    const llm = spanByKind(tracing.spans(), 'LLM');
    expect(llm.attributes['llm.provider']).toBeUndefined();
    expect(llm.attributes['llm.system']).toBeUndefined();
    expect(llm.attributes['llm.model_name']).toBe('fake-chat-1');
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
