/**
 * Test-only: a local Anthropic Messages API (`POST /v1/messages`) that streams the way Anthropic
 * documents it (https://docs.anthropic.com/en/docs/build-with-claude/streaming): `message_start`
 * (with the input usage and cache counts), a `thinking` block (`thinking_delta`, `signature_delta`),
 * a `text` block (`text_delta`), `ping`s, `message_delta` (stop reason and output usage) and
 * `message_stop`; with `toolCall`, a `tool_use` block (`input_json_delta`s, stop reason `tool_use`)
 * until the request carries its `tool_result`. It can fail with an HTTP error (Anthropic's error body), send an `error` event
 * mid-stream, stall or reset.
 */
import { sseFrame, startFakeSseServer, wordsReply, type FakeSseServer, type FakeStreamOptions } from './fake-sse-server';

export interface AnthropicUsage {
  input_tokens: number;
  output_tokens: number;
  cache_creation_input_tokens?: number;
  cache_read_input_tokens?: number;
  output_tokens_details?: { thinking_tokens: number };
}

/** `failWithStatus` answers with Anthropic's error body (`{type:"error",error:{type,message}}`); `errorAfterWords` sends an `error` event (overloaded). */
export interface FakeAnthropicOptions extends FakeStreamOptions {
  /** The model the answer names in `message_start` (default: the requested one). */
  model?: string;
  /** Streamed as a thinking block before the text. */
  thinking?: string[];
  usage?: AnthropicUsage;
  stopReason?: string;
  /** Answer a request without a `tool_result` with this tool call (its input streamed in two pieces). */
  toolCall?: { name: string; input: Record<string, unknown> };
}

const ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  429: 'rate_limit_error',
  500: 'api_error',
  529: 'overloaded_error',
};

export const DEFAULT_ANTHROPIC_USAGE: AnthropicUsage = {
  input_tokens: 21,
  output_tokens: 9,
  cache_creation_input_tokens: 0,
  cache_read_input_tokens: 0,
};

export function startFakeAnthropic(options: FakeAnthropicOptions = {}): Promise<FakeSseServer> {
  return startFakeSseServer('/v1', (request) => {
    if (request.method !== 'POST' || request.url !== '/v1/messages') {
      return { type: 'json', status: 404, body: anthropicError('not_found_error', `Not found: ${request.url}`) };
    }
    if (options.failWithStatus) {
      const type = ERROR_TYPES[options.failWithStatus] ?? 'api_error';
      return { type: 'json', status: options.failWithStatus, body: anthropicError(type, `fake anthropic ${type} ${options.failWithStatus}`) };
    }
    const model = options.model ?? String(request.body.model);
    const words = options.words ?? ['Hello', ' from', ' the', ' fake', ' Claude.'];
    const usage = options.usage ?? DEFAULT_ANTHROPIC_USAGE;
    const { output_tokens, output_tokens_details, ...inputUsage } = usage;
    const frames = [
      sseFrame(
        {
          type: 'message_start',
          message: {
            id: 'msg_fake01',
            type: 'message',
            role: 'assistant',
            model,
            content: [],
            stop_reason: null,
            stop_sequence: null,
            usage: { ...inputUsage, output_tokens: 1 },
          },
        },
        'message_start',
      ),
    ];
    let index = 0;
    if (options.thinking) {
      frames.push(sseFrame({ type: 'content_block_start', index, content_block: { type: 'thinking', thinking: '' } }, 'content_block_start'));
      for (const thought of options.thinking) {
        frames.push(sseFrame({ type: 'content_block_delta', index, delta: { type: 'thinking_delta', thinking: thought } }, 'content_block_delta'));
      }
      frames.push(sseFrame({ type: 'content_block_delta', index, delta: { type: 'signature_delta', signature: 'EqQBCkYIARgCfake' } }, 'content_block_delta'));
      frames.push(sseFrame({ type: 'content_block_stop', index }, 'content_block_stop'));
      index++;
    }
    if (options.toolCall && !hasToolResult(request.body)) {
      const json = JSON.stringify(options.toolCall.input);
      const half = Math.floor(json.length / 2);
      frames.push(sseFrame({ type: 'content_block_start', index, content_block: { type: 'tool_use', id: 'toolu_fake01', name: options.toolCall.name, input: {} } }, 'content_block_start'));
      for (const piece of [json.slice(0, half), json.slice(half)]) {
        frames.push(sseFrame({ type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json: piece } }, 'content_block_delta'));
      }
      frames.push(sseFrame({ type: 'content_block_stop', index }, 'content_block_stop'));
      frames.push(sseFrame({ type: 'message_delta', delta: { stop_reason: 'tool_use', stop_sequence: null }, usage: { output_tokens } }, 'message_delta'));
      frames.push(sseFrame({ type: 'message_stop' }, 'message_stop'));
      return { type: 'sse', frames, delayMs: options.delayMs };
    }
    frames.push(sseFrame({ type: 'content_block_start', index, content_block: { type: 'text', text: '' } }, 'content_block_start'));
    frames.push(sseFrame({ type: 'ping' }, 'ping'));
    return wordsReply(options, {
      before: frames,
      words: words.map((word) => sseFrame({ type: 'content_block_delta', index, delta: { type: 'text_delta', text: word } }, 'content_block_delta')),
      error: sseFrame(anthropicError('overloaded_error', 'Overloaded'), 'error'),
      after: [
        sseFrame({ type: 'content_block_stop', index }, 'content_block_stop'),
        sseFrame(
          {
            type: 'message_delta',
            delta: { stop_reason: options.stopReason ?? 'end_turn', stop_sequence: null },
            usage: { output_tokens, ...(output_tokens_details ? { output_tokens_details } : {}) },
          },
          'message_delta',
        ),
        sseFrame({ type: 'message_stop' }, 'message_stop'),
      ],
    });
  });
}

function hasToolResult(body: Record<string, unknown>): boolean {
  const messages = Array.isArray(body.messages) ? (body.messages as { content?: unknown }[]) : [];
  return messages.some((m) => Array.isArray(m.content) && m.content.some((part: { type?: string }) => part.type === 'tool_result'));
}

function anthropicError(type: string, message: string) {
  return { type: 'error', error: { type, message } };
}
