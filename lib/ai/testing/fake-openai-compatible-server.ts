/**
 * Test-only: a local OpenAI-compatible chat-completions server (`POST /v1/chat/completions`) that
 * streams like vLLM, DeepSeek or Ollama do: `chat.completion.chunk`s whose deltas carry
 * `reasoning_content` before the `content`, a finish chunk, and — only when the request asked with
 * `stream_options.include_usage` — a last chunk with empty `choices` and the usage (with
 * `completion_tokens_details.reasoning_tokens`), then `data: [DONE]`. It can fail with an HTTP error,
 * send an `{"error": …}` chunk mid-stream (as vLLM does), or stall.
 */
import { sseFrame, startFakeSseServer, type FakeSseServer } from './fake-sse-server';

export interface CompatibleUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  prompt_tokens_details?: { cached_tokens: number };
  completion_tokens_details?: { reasoning_tokens: number };
}

export interface FakeOpenAICompatibleOptions {
  /** The `model` of the chunks (default: the requested one). */
  model?: string;
  words?: string[];
  /** Streamed as `reasoning_content` deltas before the text. */
  reasoning?: string[];
  usage?: CompatibleUsage;
  failWithStatus?: number;
  errorAfterWords?: number;
  stallAfterWords?: number;
  delayMs?: number;
}

export function startFakeOpenAICompatible(options: FakeOpenAICompatibleOptions = {}): Promise<FakeSseServer> {
  return startFakeSseServer('/v1', (request) => {
    if (request.method !== 'POST' || request.url !== '/v1/chat/completions') {
      return { type: 'json', status: 404, body: { error: { message: `Not found: ${request.url}`, type: 'not_found', code: 404 } } };
    }
    if (options.failWithStatus) {
      return {
        type: 'json',
        status: options.failWithStatus,
        body: { error: { message: `fake compatible error ${options.failWithStatus}`, type: 'server_error', code: options.failWithStatus } },
      };
    }
    const model = options.model ?? String(request.body.model);
    const chunk = (payload: Record<string, unknown>) =>
      sseFrame({ id: 'chatcmpl-compat', object: 'chat.completion.chunk', created: 1_700_000_000, model, ...payload });
    const delta = (d: Record<string, unknown>, finish_reason: string | null = null) => chunk({ choices: [{ index: 0, delta: d, finish_reason }] });
    const words = options.words ?? ['Hello', ' from', ' the', ' compatible', ' server.'];
    const frames = [delta({ role: 'assistant', content: '' })];
    for (const thought of options.reasoning ?? []) frames.push(delta({ reasoning_content: thought }));
    const firstWordFrame = frames.length;
    for (const [i, word] of words.entries()) {
      if (i === options.errorAfterWords) {
        frames.push(sseFrame({ error: { message: 'fake mid-stream failure', type: 'InternalServerError', code: 500 } }));
        return { type: 'sse', frames, delayMs: options.delayMs };
      }
      frames.push(delta({ content: word }));
    }
    frames.push(delta({}, 'stop'));
    const wantsUsage = (request.body.stream_options as { include_usage?: boolean } | undefined)?.include_usage === true;
    if (wantsUsage) {
      frames.push(chunk({ choices: [], usage: options.usage ?? { prompt_tokens: 17, completion_tokens: words.length, total_tokens: 17 + words.length } }));
    }
    frames.push('data: [DONE]\n\n');
    const stallAfterFrames = options.stallAfterWords === undefined ? undefined : firstWordFrame + options.stallAfterWords;
    return { type: 'sse', frames, delayMs: options.delayMs, stallAfterFrames };
  });
}
