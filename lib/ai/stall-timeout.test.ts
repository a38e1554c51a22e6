import type { LanguageModelV4, LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { describe, expect, it, vi } from 'vitest';
import { ModelStallError, stallTimeoutMs, withStallTimeout } from './stall-timeout';
import { readConfig } from '@/lib/config/read-config';

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

  it('creates one timer per call, not one per part, and clears it when the stream ends', async () => {
    const parts = Array.from({ length: 1000 }, (_, i): LanguageModelV4StreamPart => ({ type: 'text-delta', id: 't', delta: `w${i}` }));
    const model = {
      ...quietModel([]).model,
      doStream: () =>
        Promise.resolve({
          stream: new ReadableStream<LanguageModelV4StreamPart>({
            start(controller) {
              for (const part of parts) controller.enqueue(part);
              controller.close();
            },
          }),
        }),
    } as unknown as LanguageModelV4;
    const setSpy = vi.spyOn(globalThis, 'setTimeout');
    const clearSpy = vi.spyOn(globalThis, 'clearTimeout');
    try {
      const { stream } = await withStallTimeout(model, 60_000).doStream(call);
      let count = 0;
      for await (const part of stream) if (part.type === 'text-delta') count++;
      expect(count).toBe(1000);
      expect(setSpy).toHaveBeenCalledTimes(1);
      expect(clearSpy).toHaveBeenCalledWith(setSpy.mock.results[0]!.value);
    } finally {
      setSpy.mockRestore();
      clearSpy.mockRestore();
    }
  });

  it('does not trip while the reader is slow (only upstream waits count), and still trips later', async () => {
    const { model } = quietModel([
      { type: 'text-delta', id: 't', delta: 'a' },
      { type: 'text-delta', id: 't', delta: 'b' },
    ]);
    const { stream } = await withStallTimeout(model, 60).doStream(call);
    const reader = stream.getReader();
    expect(await reader.read()).toMatchObject({ value: { delta: 'a' } });
    await new Promise((resolve) => setTimeout(resolve, 150)); // a slow consumer: 2.5 × the stall time
    expect(await reader.read()).toMatchObject({ value: { delta: 'b' } });
    const started = Date.now();
    const { value } = await reader.read();
    expect((value as { error: unknown }).error).toBeInstanceOf(ModelStallError);
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
  });

  it('reads CHAT_STALL_TIMEOUT_MS, defaulting to 60 s', () => {
    expect(stallTimeoutMs(readConfig({ CHAT_STALL_TIMEOUT_MS: '1500' }))).toBe(1500);
    expect(stallTimeoutMs(readConfig({ CHAT_STALL_TIMEOUT_MS: 'x' }))).toBe(60_000);
    expect(stallTimeoutMs(readConfig({}))).toBe(60_000);
  });
});
