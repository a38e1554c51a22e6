/**
 * Test-only: a local OpenAI-compatible chat-completions server. It streams SSE chunks and a final
 * usage chunk the way OpenAI does with `stream_options.include_usage`, and records each request, so
 * the real provider code path (`@ai-sdk/openai`'s `.chat()`) runs in tests without a network.
 * It can misbehave on request: answer with an HTTP error, reset the connection or stall mid-stream.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeOpenAIOptions {
  words?: string[];
  usage?: { prompt_tokens: number; completion_tokens: number; total_tokens: number; prompt_tokens_details?: { cached_tokens: number } };
  /** Answer every request with this HTTP status and an OpenAI-style error body instead. */
  failWithStatus?: number;
  /** With `failWithStatus`: the error message (default `fake upstream error <status>`). */
  errorMessage?: string | ((request: IncomingMessage) => string);
  /** Destroy the connection (a reset) after this many content chunks. */
  resetAfterChunks?: number;
  /** Send this many content chunks, then nothing more (the connection stays open until `close()`). */
  stallAfterChunks?: number;
  /** Pause between chunks. */
  chunkDelayMs?: number;
}

export interface FakeOpenAI {
  baseURL: string;
  requests: { headers: IncomingMessage['headers']; body: Record<string, unknown> }[];
  /** Changes how later requests are answered (replaces the misbehaviour options, keeps `words`/`usage` unless given). */
  configure(options: FakeOpenAIOptions): void;
  close(): Promise<void>;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startFakeOpenAI(initial: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  let options = initial;
  const requests: FakeOpenAI['requests'] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
    requests.push({ headers: req.headers, body });
    const mode = options;
    const words = mode.words ?? ['Hello', ' from', ' the', ' fake', ' model.'];
    if (mode.failWithStatus) {
      const message =
        typeof mode.errorMessage === 'function' ? mode.errorMessage(req) : (mode.errorMessage ?? `fake upstream error ${mode.failWithStatus}`);
      res.writeHead(mode.failWithStatus, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message, type: mode.failWithStatus === 401 ? 'invalid_request_error' : 'server_error', code: null } }));
      return;
    }
    const model = String(body.model ?? 'fake-model');
    const chunk = (payload: Record<string, unknown>) =>
      `data: ${JSON.stringify({ id: 'chatcmpl-fake', object: 'chat.completion.chunk', created: 1, model, ...payload })}\n\n`;
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    res.flushHeaders();
    res.write(chunk({ choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] }));
    for (const [i, word] of words.entries()) {
      if (i === mode.resetAfterChunks) {
        await pause(50); // let the chunks so far reach the client first
        return void req.socket.resetAndDestroy();
      }
      if (i === mode.stallAfterChunks) return; // say nothing more
      if (mode.chunkDelayMs) await pause(mode.chunkDelayMs);
      res.write(chunk({ choices: [{ index: 0, delta: { content: word }, finish_reason: null }] }));
    }
    res.write(chunk({ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] }));
    const wantsUsage = (body.stream_options as { include_usage?: boolean } | undefined)?.include_usage === true;
    if (wantsUsage) {
      res.write(chunk({ choices: [], usage: mode.usage ?? { prompt_tokens: 21, completion_tokens: words.length, total_tokens: 21 + words.length } }));
    }
    res.end('data: [DONE]\n\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    configure: (next) => void (options = { words: initial.words, usage: initial.usage, ...next }),
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
