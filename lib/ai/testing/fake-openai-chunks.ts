/**
 * Test-only: the wire format of OpenAI's streamed chat completions, as OpenAI and the compatible
 * servers (vLLM, DeepSeek, Ollama) send it — pure builders of the SSE frames the fake server writes.
 */
import { sseFrame } from './fake-sse-server.ts';

export interface FakeUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  prompt_tokens_details?: { cached_tokens: number };
  completion_tokens_details?: { reasoning_tokens: number };
}

export interface FakeToolCall {
  name: string;
  /** The arguments as the model sends them: a JSON string. */
  arguments: string;
}

/** Builds the frames of one response; every chunk names `model`. */
export function chatChunks(model: string) {
  const chunk = (payload: Record<string, unknown>) => sseFrame({ id: 'chatcmpl-fake', object: 'chat.completion.chunk', created: 1, model, ...payload });
  const delta = (d: Record<string, unknown>, finish_reason: string | null = null) => chunk({ choices: [{ index: 0, delta: d, finish_reason }] });
  return {
    role: (withToolCalls: boolean) => delta({ role: 'assistant', content: withToolCalls ? null : '' }),
    /** `reasoning_content`, as the compatible servers stream their thinking. */
    reasoning: (text: string) => delta({ reasoning_content: text }),
    content: (text: string) => delta({ content: text }),
    toolCall: (index: number, call: FakeToolCall & { id: string }) =>
      delta({ tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.name, arguments: call.arguments } }] }),
    finish: (reason: 'stop' | 'tool_calls') => delta({}, reason),
    /** The last chunk with `stream_options.include_usage`: no choices, the usage. */
    usage: (usage: FakeUsage) => chunk({ choices: [], usage }),
  };
}

export const DONE_FRAME = 'data: [DONE]\n\n';

/** OpenAI's error object, as the HTTP error body and as a mid-stream `{"error": …}` event. */
export function openAIError(message: string, status?: number): { error: { message: string; type: string; code: null } } {
  return { error: { message, type: status === 401 ? 'invalid_request_error' : 'server_error', code: null } };
}

/** 21 prompt tokens; one completion token per content chunk, 7 per tool call. */
export function defaultUsage(words: string[], toolCalls: number): FakeUsage {
  const completion = toolCalls ? 7 * toolCalls : words.length;
  return { prompt_tokens: 21, completion_tokens: completion, total_tokens: 21 + completion };
}

/** `count` numbered content chunks: `word0`, ` word1`, … (the benchmark's answer). */
export function numberedWords(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `${index === 0 ? '' : ' '}word${index}`);
}

export function wantsUsage(body: Record<string, unknown>): boolean {
  return (body.stream_options as { include_usage?: boolean } | undefined)?.include_usage === true;
}
