import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useInMemoryTracing } from '@/lib/tracing/testing/in-memory-tracing';
import { startFakeOpenAI, type FakeOpenAIOptions } from '../testing/fake-openai-server';
import { runTracedTurn, useFakeProvider } from '../testing/traced-turn';
import { expectCompletedTurn, expectFailedMidStream, expectRefusedTurn, expectStopped } from '../testing/turn-expectations';

const tracing = useInMemoryTracing();
beforeEach(() => tracing.reset());

const useFakeCompatible = (options: FakeOpenAIOptions, extra: Record<string, string> = {}) =>
  useFakeProvider(
    () => startFakeOpenAI(options),
    (fake) => ({
      CHAT_PROVIDER: 'openai-compatible',
      OPENAI_COMPATIBLE_BASE_URL: fake.baseURL,
      CHAT_MODEL: 'deepseek-r1:8b',
      ...extra,
    }),
  );

describe('an OpenAI-compatible server streaming reasoning_content, through the traced turn', () => {
  const fake = useFakeCompatible(
    {
      model: 'deepseek-r1:8b-q4',
      reasoning: ['Greeting detected.', ' Answer politely.'],
      usage: { prompt_tokens: 30, completion_tokens: 20, total_tokens: 50, completion_tokens_details: { reasoning_tokens: 14 } },
    },
    { OPENAI_COMPATIBLE_API_KEY: 'local-key', CHAT_LLM_PROVIDER: 'ollama' },
  );

  it('asks for usage in the stream and records it, the reasoning tokens and the reported model', async () => {
    const { text, llm, turn } = await runTracedTurn(tracing.spans, 'Hi there');
    expect(text).toBe('Hello from the fake model.');

    const request = fake().requests[0]!;
    expect(request.url).toBe('/v1/chat/completions');
    expect(request.headers.authorization).toBe('Bearer local-key');
    expect(request.body).toMatchObject({ model: 'deepseek-r1:8b', stream: true, stream_options: { include_usage: true } });

    expect(llm.attributes).toMatchObject({
      'llm.model_name': 'deepseek-r1:8b',
      'llm.response.model_name': 'deepseek-r1:8b-q4',
      'llm.provider': 'ollama',
      'url.full': `${fake().baseURL}/chat/completions`,
      'url.path': 'chat/completions',
      'llm.token_count.prompt': 30,
      'llm.token_count.completion': 20,
      'llm.token_count.completion_details.reasoning': 14,
      'llm.token_count.total': 50,
      'llm.finish_reason': 'stop',
      'output.value': 'Hello from the fake model.',
    });
    // Ollama has no OpenInference llm.system; the server reported no cached tokens: unknown, not 0.
    expect(llm.attributes['llm.system']).toBeUndefined();
    expect(llm.attributes['llm.token_count.prompt_details.cache_read']).toBeUndefined();
    expectCompletedTurn({ llm, turn }, { reasoning: 'Greeting detected', apiKey: 'local-key' });
  });
});

describe('an OpenAI-compatible server on an unknown host, without a key', () => {
  const fake = useFakeCompatible({});

  it('sends no Authorization header and claims no llm.provider', async () => {
    const { llm } = await runTracedTurn(tracing.spans, 'Hi');
    expect(fake().requests[0]!.headers.authorization).toBeUndefined();
    expect(llm.attributes['llm.provider']).toBeUndefined();
    expect(llm.attributes['llm.system']).toBeUndefined();
    expect(llm.attributes['llm.token_count.prompt']).toBe(21);
  });
});

describe('an OpenAI-compatible server answering HTTP 503', () => {
  useFakeCompatible({ failWithStatus: 503 });

  it('ends both spans with ERROR and the server message', async () => {
    expectRefusedTurn(await runTracedTurn(tracing.spans, 'Hi'), /fake upstream error 503/);
  });
});

describe('an OpenAI-compatible server failing mid-stream', () => {
  useFakeCompatible({ errorEventAfterChunks: 2, errorMessage: 'fake mid-stream failure' });

  it('ends the LLM span with ERROR, keeping the partial output', async () => {
    const { llm } = await runTracedTurn(tracing.spans, 'Hi');
    expectFailedMidStream(llm, 'Hello from', /fake mid-stream failure/);
  });
});

describe('an OpenAI-compatible stream stopped by the user', () => {
  const fake = useFakeCompatible({ chunkDelayMs: 30 });

  it('ends the LLM span as aborted with the partial output', async () => {
    const { llm } = await runTracedTurn(tracing.spans, 'Hi', { abortAfterTextChunks: 2 });
    expectStopped(llm, 'Hello from');
    expect(llm.attributes['llm.token_count.prompt']).toBeUndefined();
    await vi.waitFor(() => expect(fake().disconnects).toBe(1));
  });
});
