import type { LanguageModelV4, LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { ModelStallError, stallTimeoutMs, withStallTimeout } from './stall-timeout';

/** A model that sends `parts` and then stays silent (or never answers at all). */
function quietModel(parts: LanguageModelV4StreamPart[], answer = true) {
  const seen: { signal?: AbortSignal } = {};
  const model = {
    specificationVersion: 'v4',
    provider: 'fake',
    modelId: 'quiet',
    supportedUrls: {},
    doGenerate: () => Promise.reject(new Error('unused')),
    doStream: (options: { abortSignal?: AbortSignal }) => {
      seen.signal = options.abortSignal;
      if (!answer) return new Promise(() => undefined);
      return Promise.resolve({
        stream: new ReadableStream<LanguageModelV4StreamPart>({
          start(controller) {
            for (const part of parts) controller.enqueue(part);
          },
        }),
      });
    },
  } as unknown as LanguageModelV4;
  return { model, seen };
}

const call = { prompt: [] } as unknown as Parameters<LanguageModelV4['doStream']>[0];

describe('withStallTimeout', () => {
  it('fails a stream that goes quiet mid-answer and aborts the upstream request', async () => {
    const { model, seen } = quietModel([{ type: 'text-delta', id: 't', delta: 'Hi' }]);
    const { stream } = await withStallTimeout(model, 50).doStream(call);
    const reader = stream.getReader();
    expect(await reader.read()).toMatchObject({ value: { delta: 'Hi' } });
    const { value } = await reader.read();
    expect(value).toMatchObject({ type: 'error' });
    expect((value as { error: unknown }).error).toBeInstanceOf(ModelStallError);
    expect((await reader.read()).done).toBe(true);
    expect(seen.signal?.aborted).toBe(true);
  });

  it('fails a call whose response never starts', async () => {
    const { model } = quietModel([], false);
    await expect(withStallTimeout(model, 50).doStream(call)).rejects.toThrow('the model sent no data for 50 ms');
  });

  it('reads CHAT_STALL_TIMEOUT_MS, defaulting to 60 s', () => {
    expect(stallTimeoutMs({ CHAT_STALL_TIMEOUT_MS: '1500' })).toBe(1500);
    expect(stallTimeoutMs({ CHAT_STALL_TIMEOUT_MS: 'x' })).toBe(60_000);
    expect(stallTimeoutMs({})).toBe(60_000);
  });
});
