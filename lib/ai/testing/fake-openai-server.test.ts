import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { jsonSchema, streamText, tool } from 'ai';
import { afterEach, describe, expect, it } from 'vitest';
import { numberedWords, startFakeOpenAI, type FakeOpenAI, type FakeOpenAIOptions } from './fake-openai-server';

/** The fake upstream through the real provider (`@ai-sdk/openai`'s chat API), as the app uses it. */
let fake: FakeOpenAI | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function modelOn(options: FakeOpenAIOptions) {
  fake = await startFakeOpenAI(options);
  return createOpenAI({ apiKey: 'sk-fake', baseURL: fake.baseURL }).chat('gpt-4o-mini');
}

describe('fake OpenAI server', () => {
  it('calls a tool when asked, then answers; records each response’s usage and tool calls', async () => {
    const model = await modelOn({
      toolCalls: (body) => ((body.messages as { role: string }[]).at(-1)?.role === 'user' ? [{ name: 'calculator', arguments: '{"expression":"2+2"}' }] : undefined),
      words: ['It', ' is', ' 4.'],
    });
    const calculator = tool({ inputSchema: jsonSchema<{ expression: string }>({ type: 'object', properties: { expression: { type: 'string' } } }), execute: async () => ({ result: 4 }) });
    const result = streamText({ model, prompt: 'what is 2+2', tools: { calculator }, stopWhen: () => false, maxRetries: 0 });
    expect(await result.text).toBe('It is 4.');
    const steps = await result.steps;
    expect(steps[0]!.toolCalls).toMatchObject([{ toolName: 'calculator', input: { expression: '2+2' } }]);
    expect(steps[0]!.finishReason).toBe('tool-calls');
    expect(fake!.requests).toHaveLength(2);
    expect(fake!.requests[0]!.toolCalls).toMatchObject([{ name: 'calculator', id: steps[0]!.toolCalls[0]!.toolCallId }]);
    expect(fake!.requests[1]!.usage).toEqual({ prompt_tokens: 21, completion_tokens: 3, total_tokens: 24 });
    expect(steps[1]!.usage.inputTokens).toBe(21);
  });

  it('fails only the first `failTimes` requests', async () => {
    const model = await modelOn({ failWithStatus: 500, failTimes: 1 });
    const result = streamText({ model, prompt: 'hi', maxRetries: 1 });
    expect(await result.text).toBe('Hello from the fake model.');
    expect(fake!.requests).toHaveLength(2);
    expect(fake!.requests.map((r) => r.usage)).toEqual([undefined, { prompt_tokens: 21, completion_tokens: 5, total_tokens: 26 }]);
  });

  it('sends an error event mid-stream and reports no usage', async () => {
    const model = await modelOn({ errorEventAfterChunks: 2, errorMessage: 'overloaded' });
    const errors: unknown[] = [];
    const result = streamText({ model, prompt: 'hi', maxRetries: 0, onError: ({ error }) => void errors.push(error) });
    let text = '';
    for await (const part of result.fullStream) if (part.type === 'text-delta') text += part.text;
    expect(text).toBe('Hello from');
    expect(String((errors[0] as Error)?.message ?? errors[0])).toMatch(/overloaded/);
    expect(fake!.requests[0]!.usage).toBeUndefined();
  });

  it('holds its first byte for firstByteDelayMs', async () => {
    const model = await modelOn({ firstByteDelayMs: 300 });
    const started = Date.now();
    expect(await streamText({ model, prompt: 'hi' }).text).toBe('Hello from the fake model.');
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });
});

describe('fake OpenAI server, as a compatible server (vLLM, DeepSeek, Ollama) and as the benchmark upstream', () => {
  it('streams reasoning_content before the content and names the configured model', async () => {
    fake = await startFakeOpenAI({ reasoning: ['Think', 'ing.'], model: 'deepseek-r1:8b-q4', words: numberedWords(3) });
    const model = createOpenAICompatible({ name: 'local', baseURL: fake.baseURL, includeUsage: true }).chatModel('deepseek-r1:8b');
    const result = streamText({ model, prompt: 'hi', maxRetries: 0 });
    expect(await result.text).toBe('word0 word1 word2');
    expect(await result.reasoningText).toBe('Thinking.');
    expect((await result.response).modelId).toBe('deepseek-r1:8b-q4');
    expect(fake.requests[0]).toMatchObject({ method: 'POST', url: '/v1/chat/completions', usage: { completion_tokens: 3 } });
  });

  it('paces each chunk by chunkDelayMs and counts a client that goes away mid-stream', async () => {
    const model = await modelOn({ chunkDelayMs: 40 });
    const abort = new AbortController();
    const started = Date.now();
    const result = streamText({ model, prompt: 'hi', maxRetries: 0, abortSignal: abort.signal });
    let deltas = 0;
    for await (const part of result.fullStream) if (part.type === 'text-delta' && ++deltas === 2) abort.abort();
    expect(Date.now() - started).toBeGreaterThanOrEqual(75);
    await expect.poll(() => fake!.disconnects).toBe(1);
    expect(fake!.requests[0]!.usage).toBeUndefined();
  });

  it('answers 404 with an OpenAI error body off the chat-completions path', async () => {
    fake = await startFakeOpenAI();
    const response = await fetch(`${fake.baseURL}/responses`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { message: 'Not found: /v1/responses' } });
  });
});
