/**
 * Test and benchmark: the one local OpenAI-compatible chat-completions server (`POST
 * /v1/chat/completions`) of unit tests, e2e and the benchmark. It streams SSE chunks — optionally
 * `reasoning_content` deltas before the content, as vLLM, DeepSeek or Ollama do — and a final usage
 * chunk the way OpenAI does with `stream_options.include_usage`, and records each request (and the
 * usage it reported), so the real provider code paths (`@ai-sdk/openai`'s `.chat()`,
 * `@ai-sdk/openai-compatible`) run without a network. It can call tools, pause before its first byte
 * or before each chunk (the benchmark's pacing), and misbehave on request: answer with an HTTP error,
 * send an error event or reset the connection mid-stream, or stall. A client that goes away mid-stream
 * is counted in `disconnects`.
 * Its imports carry `.ts` extensions: the guide test loads it with Node's own type stripping.
 */
import { createServer, type IncomingMessage } from 'node:http';
import { chatChunks, defaultUsage, DONE_FRAME, openAIError, wantsUsage, type FakeToolCall, type FakeUsage } from './fake-openai-chunks.ts';
import type { RecordedRequest } from './fake-sse-server.ts';
import { listenLocally, readJsonBody } from './local-http-server.ts';

export { numberedWords, type FakeToolCall, type FakeUsage } from './fake-openai-chunks.ts';
export type FakeRequestBody = Record<string, unknown>;

export interface FakeOpenAIOptions {
  /** The answer's content chunks, fixed or per request. */
  words?: string[] | ((body: FakeRequestBody) => string[]);
  /** Streamed as `reasoning_content` deltas before the content, fixed or per request. */
  reasoning?: string[] | ((body: FakeRequestBody) => string[]);
  /** The `model` of the chunks (default: the requested one). */
  model?: string;
  /** The reported usage, fixed or per request (default: 21 prompt tokens, one completion token per chunk). */
  usage?: FakeUsage | ((body: FakeRequestBody, words: string[]) => FakeUsage);
  /** Per request: answer with these tool calls (finish reason `tool_calls`) instead of text; `undefined`/`[]` answers with text. */
  toolCalls?: (body: FakeRequestBody) => FakeToolCall[] | undefined;
  /** Answer every request with this HTTP status and an OpenAI-style error body instead. */
  failWithStatus?: number;
  /** With `failWithStatus`: fail only this many requests (counted from `configure`), then answer normally — a retry that succeeds. */
  failTimes?: number;
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
  /** Pause before each reasoning, content and tool-call chunk. */
  chunkDelayMs?: number;
  /** Listen on this port (default: any free one); only read by `startFakeOpenAI`. */
  port?: number;
}

export interface FakeOpenAIRequest extends RecordedRequest {
  /** The usage this response reported in its stream (unset when it reported none: an error, a reset, a stall). */
  usage?: FakeUsage;
  /** The tool calls this response made. */
  toolCalls?: (FakeToolCall & { id: string })[];
}

export interface FakeOpenAI {
  /** `http://127.0.0.1:<port>/v1`. */
  baseURL: string;
  requests: FakeOpenAIRequest[];
  /** Streams the client closed before the server had finished writing them. */
  readonly disconnects: number;
  /** Changes how later requests are answered (replaces the misbehaviour options, keeps `words`/`reasoning`/`model`/`usage`/`toolCalls` unless given). */
  configure(options: FakeOpenAIOptions): void;
  close(): Promise<void>;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const DEFAULT_WORDS = ['Hello', ' from', ' the', ' fake', ' model.'];
const perRequest = <T>(value: T[] | ((body: FakeRequestBody) => T[]) | undefined, body: FakeRequestBody, fallback: T[]) =>
  typeof value === 'function' ? value(body) : (value ?? fallback);

export async function startFakeOpenAI(initial: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  let options = initial;
  let callCount = 0;
  let failures = 0;
  let disconnects = 0;
  const requests: FakeOpenAIRequest[] = [];
  const server = createServer(async (req, res) => {
    const body = await readJsonBody(req);
    const record: FakeOpenAIRequest = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body };
    requests.push(record);
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
      return void res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify(openAIError(`Not found: ${req.url}`, 404)));
    }
    const mode = options;
    if (mode.firstByteDelayMs) await pause(mode.firstByteDelayMs);
    if (res.destroyed) return; // the client went away while we paused
    const errorMessage = () =>
      typeof mode.errorMessage === 'function' ? mode.errorMessage(req) : (mode.errorMessage ?? `fake upstream error ${mode.failWithStatus ?? 'event'}`);
    if (mode.failWithStatus && (mode.failTimes === undefined || failures++ < mode.failTimes)) {
      res.writeHead(mode.failWithStatus, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify(openAIError(errorMessage(), mode.failWithStatus)));
    }
    const toolCalls = (mode.toolCalls?.(body) ?? []).map((call) => ({ ...call, id: `call_fake_${++callCount}` }));
    const words = toolCalls.length ? [] : perRequest(mode.words, body, DEFAULT_WORDS);
    const reasoning = toolCalls.length ? [] : perRequest(mode.reasoning, body, []);
    const chunks = chatChunks(mode.model ?? String(body.model ?? 'fake-model'));
    let finished = false;
    res.on('close', () => {
      if (!finished) disconnects++;
    });
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    res.flushHeaders();
    res.write(chunks.role(toolCalls.length > 0));
    for (const thought of reasoning) {
      if (mode.chunkDelayMs) await pause(mode.chunkDelayMs);
      if (res.destroyed) return;
      res.write(chunks.reasoning(thought));
    }
    for (const [i, word] of words.entries()) {
      if (i === mode.resetAfterChunks) {
        await pause(50); // let the chunks so far reach the client first
        return void req.socket.resetAndDestroy();
      }
      if (i === mode.errorEventAfterChunks) {
        finished = true;
        return void res.end(`data: ${JSON.stringify(openAIError(errorMessage()))}\n\n`);
      }
      if (i === mode.stallAfterChunks) return; // say nothing more
      if (mode.chunkDelayMs) await pause(mode.chunkDelayMs);
      if (res.destroyed) return;
      res.write(chunks.content(word));
    }
    for (const [index, call] of toolCalls.entries()) {
      if (mode.chunkDelayMs) await pause(mode.chunkDelayMs);
      if (res.destroyed) return;
      res.write(chunks.toolCall(index, call));
    }
    res.write(chunks.finish(toolCalls.length ? 'tool_calls' : 'stop'));
    if (toolCalls.length) record.toolCalls = toolCalls;
    if (wantsUsage(body)) {
      const usage = typeof mode.usage === 'function' ? mode.usage(body, words) : (mode.usage ?? defaultUsage(words, toolCalls.length));
      record.usage = usage;
      res.write(chunks.usage(usage));
    }
    finished = true;
    res.end(DONE_FRAME);
  });
  // Longer than any pause between two turns of a benchmark batch, so the app's keep-alive socket is reused.
  server.keepAliveTimeout = 30_000;
  const listening = await listenLocally(server, initial.port);
  return {
    baseURL: `http://127.0.0.1:${listening.port}/v1`,
    requests,
    get disconnects() {
      return disconnects;
    },
    configure: (next) => {
      failures = 0;
      const { words, reasoning, model, usage, toolCalls } = initial;
      options = { words, reasoning, model, usage, toolCalls, ...next };
    },
    close: listening.close,
  };
}
