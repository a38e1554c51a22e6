/**
 * The benchmark's OpenAI-compatible chat-completions upstream: every answer is the same fixed number
 * of content chunks sent at a fixed interval, then the finish chunk and the usage chunk
 * (`stream_options.include_usage`), as OpenAI sends them. Deterministic, so every mode streams the
 * same work. (The tests' `lib/ai/testing/fake-openai-server.ts` has no pacing; this one is paced.)
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeUpstreamOptions {
  port?: number;
  /** Content chunks per answer. */
  chunks: number;
  /** Pause before each content chunk, ms (0: no pause). */
  intervalMs: number;
}

export interface FakeUpstream {
  baseURL: string;
  /** The text every answer streams. */
  answer: string;
  requestCount(): number;
  close(): Promise<void>;
}

export const PROMPT_TOKENS = 24;

export function answerChunks(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `${index === 0 ? '' : ' '}word${index}`);
}

export async function startFakeUpstream(options: FakeUpstreamOptions): Promise<FakeUpstream> {
  const words = answerChunks(options.chunks);
  let requests = 0;
  const server: Server = createServer((req, res) => {
    const body: Buffer[] = [];
    req.on('data', (chunk: Buffer) => body.push(chunk));
    req.on('end', () => {
      requests++;
      const request = JSON.parse(Buffer.concat(body).toString('utf8') || '{}') as { model?: string; stream_options?: { include_usage?: boolean } };
      const frame = (payload: Record<string, unknown>) =>
        `data: ${JSON.stringify({ id: 'chatcmpl-bench', object: 'chat.completion.chunk', created: 1, model: request.model ?? 'bench-model', ...payload })}\n\n`;
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      res.write(frame({ choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] }));
      let index = 0;
      const next = () => {
        if (res.destroyed) return;
        if (index < words.length) {
          res.write(frame({ choices: [{ index: 0, delta: { content: words[index++] }, finish_reason: null }] }));
          return void (options.intervalMs > 0 ? setTimeout(next, options.intervalMs) : setImmediate(next));
        }
        res.write(frame({ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] }));
        if (request.stream_options?.include_usage) {
          const usage = { prompt_tokens: PROMPT_TOKENS, completion_tokens: words.length, total_tokens: PROMPT_TOKENS + words.length };
          res.write(frame({ choices: [], usage }));
        }
        res.end('data: [DONE]\n\n');
      };
      if (options.intervalMs > 0) setTimeout(next, options.intervalMs);
      else next();
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    answer: words.join(''),
    requestCount: () => requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
