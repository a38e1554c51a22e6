import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useInMemoryTracing } from '@/lib/tracing/testing/in-memory-tracing';
import { startFakeGemini, type FakeGeminiOptions } from '../testing/fake-gemini-server';
import { chatTools } from '../tools/chat-tools';
import { runTracedTurn, useFakeProvider } from '../testing/traced-turn';
import { expectCalculatorTurn, expectCompletedTurn, expectFailedMidStream, expectRefusedTurn, expectStopped } from '../testing/turn-expectations';

const tracing = useInMemoryTracing();
beforeEach(() => tracing.reset());

const useFakeGemini = (options: FakeGeminiOptions, extra: Record<string, string> = { CHAT_LLM_PROVIDER: 'google' }) =>
  useFakeProvider(
    () => startFakeGemini(options),
    (fake) => ({
      CHAT_PROVIDER: 'google',
      GOOGLE_GENERATIVE_AI_API_KEY: 'AIza-fake-key',
      GOOGLE_GENERATIVE_AI_BASE_URL: fake.baseURL,
      CHAT_MODEL: 'gemini-flash-latest',
      ...extra,
    }),
  );

describe('Gemini streamGenerateContent, through the traced turn', () => {
  const fake = useFakeGemini({
    modelVersion: 'gemini-2.5-flash',
    thoughts: ['The user says hi.'],
    usageMetadata: { promptTokenCount: 50, cachedContentTokenCount: 32, candidatesTokenCount: 5, thoughtsTokenCount: 11, totalTokenCount: 66 },
  });

  it('streams over SSE with the key in a header and records cached, thought and total counts and the model version', async () => {
    const { text, llm, turn } = await runTracedTurn(tracing.spans, 'Hi Gemini');
    expect(text).toBe('Hello from the fake Gemini.');

    const request = fake().requests[0]!;
    expect(request.url).toBe('/v1beta/models/gemini-flash-latest:streamGenerateContent?alt=sse');
    expect(request.headers['x-goog-api-key']).toBe('AIza-fake-key');
    expect(request.body).toHaveProperty('contents');

    expect(llm.attributes).toMatchObject({
      'llm.model_name': 'gemini-flash-latest',
      'llm.response.model_name': 'gemini-2.5-flash',
      'llm.provider': 'google',
      'url.full': `${fake().baseURL}/models/gemini-flash-latest:streamGenerateContent?alt=sse`,
      'url.path': 'models/gemini-flash-latest:streamGenerateContent',
      'llm.token_count.prompt': 50,
      'llm.token_count.prompt_details.cache_read': 32,
      // Gemini counts thoughts apart from the candidates: the completion is both.
      'llm.token_count.completion': 16,
      'llm.token_count.completion_details.reasoning': 11,
      'llm.token_count.total': 66,
      'llm.finish_reason': 'stop',
      'output.value': 'Hello from the fake Gemini.',
      'stream.outcome': 'completed',
    });
    // OpenInference has no llm.system for Google's Gemini API (Phoenix maps gcp.gemini to none either).
    expect(llm.attributes['llm.system']).toBeUndefined();
    expectCompletedTurn({ llm, turn }, { reasoning: 'says hi', apiKey: 'AIza-fake-key' });
  });
});

describe('Gemini usage without cache or thoughts', () => {
  useFakeGemini({ usageMetadata: { promptTokenCount: 7, candidatesTokenCount: 5, totalTokenCount: 12 } });

  it('leaves unreported details unset', async () => {
    const { llm } = await runTracedTurn(tracing.spans, 'Hi');
    expect(llm.attributes).toMatchObject({ 'llm.token_count.prompt': 7, 'llm.token_count.completion': 5, 'llm.token_count.total': 12 });
    expect(llm.attributes['llm.token_count.prompt_details.cache_read']).toBeUndefined();
    expect(llm.attributes['llm.token_count.completion_details.reasoning']).toBeUndefined();
    expect(llm.attributes['llm.response.model_name']).toBe('gemini-flash-latest');
  });
});

describe.each([
  [429, /fake gemini error 429/],
  [500, /fake gemini error 500/],
])('Gemini answering HTTP %i', (status, message) => {
  useFakeGemini({ failWithStatus: status });

  it("ends both spans with ERROR and Google's message", async () => {
    expectRefusedTurn(await runTracedTurn(tracing.spans, 'Hi'), message);
  });
});

describe('Gemini sending an error chunk mid-stream', () => {
  useFakeGemini({ errorAfterWords: 3 });

  it('ends the LLM span with ERROR, keeping the partial output', async () => {
    const { llm } = await runTracedTurn(tracing.spans, 'Hi');
    expectFailedMidStream(llm, 'Hello from the', /overloaded/);
  });
});

describe('Gemini stream stopped by the user', () => {
  const fake = useFakeGemini({ delayMs: 30 });

  it('ends the LLM span as aborted with the partial output, and the request is cancelled upstream', async () => {
    const { llm } = await runTracedTurn(tracing.spans, 'Hi', { abortAfterTextChunks: 2 });
    expectStopped(llm, 'Hello from');
    expect(llm.attributes['llm.response.model_name']).toBe('gemini-flash-latest');
    await vi.waitFor(() => expect(fake().disconnects).toBe(1));
  });
});

describe('Gemini calling a tool (functionCall part, then the answer)', () => {
  const fake = useFakeGemini({ toolCall: { name: 'calculator', args: { expression: '17*23' } }, words: ['17*23', ' = 391.'] });

  it('traces AGENT → LLM (tool call) → TOOL → LLM (answer), and sends the functionResponse back', async () => {
    expectCalculatorTurn(await runTracedTurn(tracing.spans, 'What is 17*23?', { tools: chatTools }));
    const contents = fake().requests[1]!.body.contents as { parts: { functionResponse?: { name: string } }[] }[];
    expect(contents.some((c) => c.parts.some((p) => p.functionResponse?.name === 'calculator'))).toBe(true);
  });
});
