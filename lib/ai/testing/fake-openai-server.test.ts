import { createOpenAI } from '@ai-sdk/openai';
import { jsonSchema, streamText, tool } from 'ai';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeOpenAI, type FakeOpenAIOptions } from './fake-openai-server';

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
