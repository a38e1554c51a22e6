/**
 * Test-only: the HTTP side shared by the fake Anthropic and Gemini servers (the OpenAI one decides
 * chunk by chunk — retries, per-request tool calls, usage recorded once sent — so it has its own loop).
 * Each request is recorded (method, path with query, headers, JSON body) and answered by the fake's
 * `reply`: a JSON error with a status, or server-sent-event frames written one by one — optionally
 * paced, cut off by a connection reset, or stalled (the connection stays open, nothing more comes).
 * A client that goes away mid-stream is counted in `disconnects`, so a test can see an abort reach
 * the provider.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { listenLocally, readJsonBody } from './local-http-server.ts';

export interface RecordedRequest {
  method: string;
  /** Path and query, e.g. `/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse`. */
  url: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

export type FakeReply =
  | { type: 'json'; status: number; body: unknown }
  | {
      type: 'sse';
      /** Complete SSE frames (`event: …\ndata: …\n\n`). */
      frames: string[];
      delayMs?: number;
      /** Reset the connection after this many frames. */
      resetAfterFrames?: number;
      /** Send this many frames, then nothing more (until `close()`). */
      stallAfterFrames?: number;
    };

export interface FakeSseServer {
  /** `http://127.0.0.1:<port><basePath>`. */
  baseURL: string;
  requests: RecordedRequest[];
  /** Streams the client closed before the server had finished writing them. */
  readonly disconnects: number;
  close(): Promise<void>;
}

/** What the provider fakes answer and how they misbehave, by the same names. */
export interface FakeStreamOptions {
  /** The answer's text deltas. */
  words?: string[];
  /** Answer with this status and the provider's error body. */
  failWithStatus?: number;
  /** Send the provider's error frame after this many text deltas, then end the stream. */
  errorAfterWords?: number;
  /** Stop sending after this many text deltas (the connection stays open). */
  stallAfterWords?: number;
  /** Pause between frames. */
  delayMs?: number;
}

/**
 * The reply that streams `before`, one frame per word and `after` — or, with `errorAfterWords`, the
 * words so far and `error`; with `stallAfterWords`, nothing after that many words.
 */
export function wordsReply(options: FakeStreamOptions, frames: { before: string[]; words: string[]; after: string[]; error: string }): FakeReply {
  const { before, words, after, error } = frames;
  const { errorAfterWords, stallAfterWords, delayMs } = options;
  if (errorAfterWords !== undefined && errorAfterWords < words.length) {
    return { type: 'sse', frames: [...before, ...words.slice(0, errorAfterWords), error], delayMs };
  }
  const stallAfterFrames = stallAfterWords === undefined ? undefined : before.length + stallAfterWords;
  return { type: 'sse', frames: [...before, ...words, ...after], delayMs, stallAfterFrames };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One SSE frame; `event` is the `event:` line (Anthropic names every event; OpenAI and Gemini do not). */
export function sseFrame(data: unknown, event?: string): string {
  return `${event ? `event: ${event}\n` : ''}data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`;
}

export async function startFakeSseServer(basePath: string, reply: (request: RecordedRequest) => FakeReply): Promise<FakeSseServer> {
  const requests: RecordedRequest[] = [];
  let disconnects = 0;
  const server = createServer(async (req, res) => {
    const request: RecordedRequest = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body: await readJsonBody(req) };
    requests.push(request);
    const answer = reply(request);
    if (answer.type === 'json') {
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer.body));
      return;
    }
    let finished = false;
    res.on('close', () => {
      if (!finished) disconnects++;
    });
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    res.flushHeaders();
    for (const [i, frame] of answer.frames.entries()) {
      if (res.destroyed) return;
      if (i === answer.resetAfterFrames) {
        await pause(50); // let the frames so far reach the client first
        return void req.socket.resetAndDestroy();
      }
      if (i === answer.stallAfterFrames) return;
      if (answer.delayMs && i > 0) await pause(answer.delayMs);
      res.write(frame);
    }
    finished = true;
    res.end();
  });
  const listening = await listenLocally(server);
  return {
    baseURL: `http://127.0.0.1:${listening.port}${basePath}`,
    requests,
    get disconnects() {
      return disconnects;
    },
    close: listening.close,
  };
}
