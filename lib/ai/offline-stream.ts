/**
 * The offline model's answer stream: optional reasoning parts (`/think`), then the answer word by
 * word with a pause between words, ending with usage counted by the tokenizer. Stops at once on abort
 * or cancel, so no timer outlives the stream. Web APIs only.
 */
import type { LanguageModelV4CallOptions, LanguageModelV4Prompt, LanguageModelV4StreamPart, LanguageModelV4Usage } from '@ai-sdk/provider';
import { FAIL_MID_AFTER_WORDS, toWordChunks } from './offline-directives';
import { countPromptTokens, countTextTokens } from './token-count';

export function streamAnswer(
  call: LanguageModelV4CallOptions,
  modelId: string,
  { answer, reasoning }: { answer: string; reasoning: string },
  delayMs: number,
  failMidway: boolean,
): ReadableStream<LanguageModelV4StreamPart> {
  const signal = call.abortSignal;
  const words = toWordChunks(answer);
  const thoughts = toWordChunks(reasoning);
  let thought = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let wake: (() => void) | undefined;
  let cancelled = false;
  let index = 0;
  /** Resolves after `delayMs`, or at once on abort or cancel, so no timer outlives the stream. */
  const wait = () =>
    delayMs === 0 || signal?.aborted
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          wake = () => {
            clearTimeout(timer);
            signal?.removeEventListener('abort', wake!);
            wake = undefined;
            resolve();
          };
          timer = setTimeout(wake, delayMs);
          signal?.addEventListener('abort', wake, { once: true });
        });

  return new ReadableStream<LanguageModelV4StreamPart>({
    start(controller) {
      controller.enqueue({ type: 'stream-start', warnings: [] });
      controller.enqueue({ type: 'response-metadata', id: `offline-${Date.now().toString(36)}`, modelId, timestamp: new Date() });
      controller.enqueue(thoughts.length > 0 ? { type: 'reasoning-start', id: 'reasoning-0' } : { type: 'text-start', id: 'text-0' });
    },
    async pull(controller) {
      if (signal?.aborted) return controller.error(signal.reason);
      if (thought < thoughts.length) {
        if (thought > 0) await wait();
        if (cancelled) return;
        if (signal?.aborted) return controller.error(signal.reason);
        controller.enqueue({ type: 'reasoning-delta', id: 'reasoning-0', delta: thoughts[thought++]! });
        if (thought === thoughts.length) {
          controller.enqueue({ type: 'reasoning-end', id: 'reasoning-0' });
          controller.enqueue({ type: 'text-start', id: 'text-0' });
        }
        return;
      }
      if (failMidway && index === Math.min(FAIL_MID_AFTER_WORDS, words.length - 1)) {
        controller.enqueue({ type: 'error', error: new Error('Offline model: simulated failure mid-stream (/fail-mid)') });
        return controller.close();
      }
      if (index < words.length) {
        if (index > 0 || thoughts.length > 0) await wait();
        if (cancelled) return;
        if (signal?.aborted) return controller.error(signal.reason);
        controller.enqueue({ type: 'text-delta', id: 'text-0', delta: words[index++]! });
        return;
      }
      controller.enqueue({ type: 'text-end', id: 'text-0' });
      controller.enqueue({ type: 'finish', finishReason: { unified: 'stop', raw: 'stop' }, usage: usage(call.prompt, answer, reasoning) });
      controller.close();
    },
    cancel() {
      cancelled = true;
      wake?.();
    },
  });
}

/** Reasoning counts as output tokens, reported apart as reasoning tokens (as providers do). */
export function usage(prompt: LanguageModelV4Prompt, answer: string, reasoning = ''): LanguageModelV4Usage {
  const input = countPromptTokens(prompt);
  const text = countTextTokens(answer);
  const thinking = reasoning === '' ? undefined : countTextTokens(reasoning);
  return {
    inputTokens: { total: input, noCache: input, cacheRead: undefined, cacheWrite: undefined },
    outputTokens: { total: text + (thinking ?? 0), text, reasoning: thinking },
  };
}
