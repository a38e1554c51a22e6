/**
 * Test-only: a local OpenAI-compatible chat-completions server. It streams SSE chunks and a final
 * usage chunk the way OpenAI does with `stream_options.include_usage`, and records each request (and
 * the usage it reported), so the real provider code path (`@ai-sdk/openai`'s `.chat()`) runs in
 * tests without a network. It can call tools, pause before its first byte or between chunks, and
 * misbehave on request: answer with an HTTP error, send an error event or reset the connection
 * mid-stream, or stall.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  prompt_tokens_details?: { cached_tokens: number };
  completion_tokens_details?: { reasoning_tokens: number };
}
export type FakeRequestBody = Record<string, unknown>;
export interface FakeToolCall {
  name: string;
  /** The arguments as the model sends them: a JSON string. */
  arguments: string;
}

export interface FakeOpenAIOptions {
  /** The answer's content chunks, fixed or per request. */
  words?: string[] | ((body: FakeRequestBody) => string[]);
  /** The reported usage, fixed or per request (default: 21 prompt tokens, one completion token per chunk). */
  usage?: FakeUsage | ((body: FakeRequestBody, words: string[]) => FakeUsage);
  /** Per request: answer with these tool calls (finish reason `tool_calls`) instead of text; `undefined`/`[]` answers with text. */
  toolCalls?: (body: FakeRequestBody) => FakeToolCall[] | undefined;
  /** Answer every request with this HTTP status and an OpenAI-style error body instead. */
  failWithStatus?: number;
  /** With `failWithStatus` or `errorEventAfterChunks`: the error message (default `fake upstream error <status>`). */
  errorMessage?: string | ((request: IncomingMessage) => string);
  /** Destroy the connection (a reset) after this many content chunks. */
  resetAfterChunks?: number;
  /** Send an OpenAI-style `{"error": …}` event after this many content chunks, then end the stream. */
  errorEventAfterChunks?: number;
  /** Send this many content chunks, then nothing more (the connection stays open until `close()`). */
  stallAfterChunks?: number;
  /** Pause before the response starts (no status line, no byte). */
  firstByteDelayMs?: number;
  /** Pause between chunks. */
  chunkDelayMs?: number;
}

export interface FakeOpenAIRequest {
  headers: IncomingMessage['headers'];
  body: FakeRequestBody;
  /** The usage this response reported in its stream (unset when it reported none: an error, a reset, a stall). */
  usage?: FakeUsage;
  /** The tool calls this response made. */
  toolCalls?: (FakeToolCall & { id: string })[];
}

export interface FakeOpenAI {
  baseURL: string;
  requests: FakeOpenAIRequest[];
  /** Changes how later requests are answered (replaces the misbehaviour options, keeps `words`/`usage`/`toolCalls` unless given). */
  configure(options: FakeOpenAIOptions): void;
  close(): Promise<void>;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const DEFAULT_WORDS = ['Hello', ' from', ' the', ' fake', ' model.'];

export async function startFakeOpenAI(initial: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  let options = initial;
  let callCount = 0;
  const requests: FakeOpenAIRequest[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as FakeRequestBody;
    const record: FakeOpenAIRequest = { headers: req.headers, body };
    requests.push(record);
    const mode = options;
    if (mode.firstByteDelayMs) await pause(mode.firstByteDelayMs);
    if (res.destroyed) return; // the client went away while we paused
    const errorMessage = () =>
      typeof mode.errorMessage === 'function' ? mode.errorMessage(req) : (mode.errorMessage ?? `fake upstream error ${mode.failWithStatus ?? 'event'}`);
    if (mode.failWithStatus) {
      res.writeHead(mode.failWithStatus, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: errorMessage(), type: mode.failWithStatus === 401 ? 'invalid_request_error' : 'server_error', code: null } }));
      return;
    }
    const toolCalls = (mode.toolCalls?.(body) ?? []).map((call) => ({ ...call, id: `call_fake_${++callCount}` }));
    const words = toolCalls.length ? [] : typeof mode.words === 'function' ? mode.words(body) : (mode.words ?? DEFAULT_WORDS);
    const model = String(body.model ?? 'fake-model');
    const chunk = (payload: Record<string, unknown>) =>
      `data: ${JSON.stringify({ id: 'chatcmpl-fake', object: 'chat.completion.chunk', created: 1, model, ...payload })}\n\n`;
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    res.flushHeaders();
    res.write(chunk({ choices: [{ index: 0, delta: { role: 'assistant', content: toolCalls.length ? null : '' }, finish_reason: null }] }));
    for (const [i, word] of words.entries()) {
      if (i === mode.resetAfterChunks) {
        await pause(50); // let the chunks so far reach the client first
        return void req.socket.resetAndDestroy();
      }
      if (i === mode.errorEventAfterChunks) {
        return void res.end(`data: ${JSON.stringify({ error: { message: errorMessage(), type: 'server_error', code: null } })}\n\n`);
      }
      if (i === mode.stallAfterChunks) return; // say nothing more
      if (mode.chunkDelayMs) await pause(mode.chunkDelayMs);
      if (res.destroyed) return;
      res.write(chunk({ choices: [{ index: 0, delta: { content: word }, finish_reason: null }] }));
    }
    for (const [index, call] of toolCalls.entries()) {
      if (mode.chunkDelayMs) await pause(mode.chunkDelayMs);
      const delta = { tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.name, arguments: call.arguments } }] };
      res.write(chunk({ choices: [{ index: 0, delta, finish_reason: null }] }));
    }
    res.write(chunk({ choices: [{ index: 0, delta: {}, finish_reason: toolCalls.length ? 'tool_calls' : 'stop' }] }));
    if (toolCalls.length) record.toolCalls = toolCalls;
    const wantsUsage = (body.stream_options as { include_usage?: boolean } | undefined)?.include_usage === true;
    if (wantsUsage) {
      const completion = toolCalls.length ? 7 * toolCalls.length : words.length;
      const usage =
        typeof mode.usage === 'function'
          ? mode.usage(body, words)
          : (mode.usage ?? { prompt_tokens: 21, completion_tokens: completion, total_tokens: 21 + completion });
      record.usage = usage;
      res.write(chunk({ choices: [], usage }));
    }
    res.end('data: [DONE]\n\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    configure: (next) => void (options = { words: initial.words, usage: initial.usage, toolCalls: initial.toolCalls, ...next }),
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
