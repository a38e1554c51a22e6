/**
 * One chat turn over HTTP, as the UI sends it: POST /api/chat, then read the AI SDK UI message
 * stream (SSE) to its end, timing the first byte, the first text chunk and the end.
 */
import { performance } from 'node:perf_hooks';

export interface TurnResult {
  ok: boolean;
  status: number;
  /** Request start → first byte of the response body, ms. */
  ttfbMs: number;
  /** Request start → first text chunk of the answer, ms. */
  ttftMs: number;
  totalMs: number;
  /** `text-delta` events received. */
  chunks: number;
  text: string;
  /** From the `traceresponse` header (the turn's trace; the request's trace when untraced). */
  traceId?: string;
  error?: string;
}

export function chatRequestBody(chatId: string, text: string) {
  return { id: chatId, messages: [{ id: `${chatId}-u1`, role: 'user', parts: [{ type: 'text', text }] }] };
}

export async function runTurn(appUrl: string, chatId: string, prompt: string): Promise<TurnResult> {
  const start = performance.now();
  let ttfb = Number.NaN;
  let ttft = Number.NaN;
  let chunks = 0;
  let text = '';
  let status = 0;
  let traceId: string | undefined;
  let sawError = false;
  try {
    const response = await fetch(`${appUrl}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(chatRequestBody(chatId, prompt)),
    });
    status = response.status;
    traceId = /^00-([0-9a-f]{32})-/.exec(response.headers.get('traceresponse') ?? '')?.[1];
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffered = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (Number.isNaN(ttfb)) ttfb = performance.now() - start;
      buffered += value;
      let newline: number;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, newline).trim();
        buffered = buffered.slice(newline + 1);
        if (!line.startsWith('data: ') || line === 'data: [DONE]') continue;
        const event = JSON.parse(line.slice(6)) as { type: string; delta?: string };
        if (event.type === 'text-delta') {
          if (chunks++ === 0) ttft = performance.now() - start;
          text += event.delta ?? '';
        } else if (event.type === 'error') sawError = true;
      }
    }
    const ok = response.ok && !sawError && chunks > 0;
    return { ok, status, ttfbMs: ttfb, ttftMs: ttft, totalMs: performance.now() - start, chunks, text, traceId, ...(ok ? {} : { error: sawError ? 'error event in stream' : `status ${status}, ${chunks} chunks` }) };
  } catch (error) {
    return { ok: false, status, ttfbMs: ttfb, ttftMs: ttft, totalMs: performance.now() - start, chunks, text, traceId, error: String(error) };
  }
}

export interface LoadResult {
  concurrency: number;
  wallMs: number;
  turns: TurnResult[];
}

/** Runs `turns` chat turns with `concurrency` in flight at all times (closed loop). */
export async function runLoad(appUrl: string, options: { concurrency: number; turns: number; label: string }): Promise<LoadResult> {
  let issued = 0;
  const turns: TurnResult[] = [];
  const start = performance.now();
  const worker = async () => {
    while (issued < options.turns) {
      const index = issued++;
      turns.push(await runTurn(appUrl, `${options.label}-${index}`, `Benchmark question ${index}: say something.`));
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, options.turns) }, worker));
  return { concurrency: options.concurrency, wallMs: performance.now() - start, turns };
}
