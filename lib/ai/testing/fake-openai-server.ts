/**
 * Test-only: a local OpenAI-compatible chat-completions server. It streams SSE chunks and a final
 * usage chunk the way OpenAI does with `stream_options.include_usage`, and records each request, so
 * the real provider code path (`@ai-sdk/openai`'s `.chat()`) runs in tests without a network.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeOpenAIOptions {
  words?: string[];
  usage?: { prompt_tokens: number; completion_tokens: number; total_tokens: number; prompt_tokens_details?: { cached_tokens: number } };
  /** Answer every request with this HTTP status and an OpenAI-style error body instead. */
  failWithStatus?: number;
}

export interface FakeOpenAI {
  baseURL: string;
  requests: { headers: IncomingMessage['headers']; body: Record<string, unknown> }[];
  close(): Promise<void>;
}

export async function startFakeOpenAI(options: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  const words = options.words ?? ['Hello', ' from', ' the', ' fake', ' model.'];
  const requests: FakeOpenAI['requests'] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
    requests.push({ headers: req.headers, body });
    if (options.failWithStatus) {
      res.writeHead(options.failWithStatus, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: `fake upstream error ${options.failWithStatus}`, type: 'server_error' } }));
      return;
    }
    const model = String(body.model ?? 'fake-model');
    const chunk = (payload: Record<string, unknown>) =>
      `data: ${JSON.stringify({ id: 'chatcmpl-fake', object: 'chat.completion.chunk', created: 1, model, ...payload })}\n\n`;
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    res.write(chunk({ choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] }));
    for (const word of words) res.write(chunk({ choices: [{ index: 0, delta: { content: word }, finish_reason: null }] }));
    res.write(chunk({ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] }));
    const wantsUsage = (body.stream_options as { include_usage?: boolean } | undefined)?.include_usage === true;
    if (wantsUsage) {
      res.write(chunk({ choices: [], usage: options.usage ?? { prompt_tokens: 21, completion_tokens: words.length, total_tokens: 21 + words.length } }));
    }
    res.end('data: [DONE]\n\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
