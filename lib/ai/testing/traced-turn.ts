/**
 * Test-only: runs one chat turn through the app's real path (`streamChatTurn`: the configured
 * provider, the traced model, the AI SDK) and reads it as the browser would, then returns the
 * turn's spans from the in-memory tracing.
 */
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, expect, vi } from 'vitest';
import { streamChatTurn } from '@/lib/chat/stream-chat-turn';
import { spanByKind } from '@/lib/tracing/testing/in-memory-tracing';
import type { FakeSseServer } from './fake-sse-server';

export interface TracedTurn {
  /** The text the UI received. */
  text: string;
  errors: string[];
  llm: ReadableSpan;
  turn: ReadableSpan;
}

type UiChunk = { type: string; delta?: string; errorText?: string };

/** `abortAfterTextChunks`: the client goes away (Stop) after that many text deltas. */
export async function runTracedTurn(
  spans: () => ReadableSpan[],
  question: string,
  options: { abortAfterTextChunks?: number } = {},
): Promise<TracedTurn> {
  const abort = new AbortController();
  const { result } = await streamChatTurn({
    sessionId: 'provider-test',
    messages: [{ id: 'u1', role: 'user', parts: [{ type: 'text', text: question }] }],
    signal: abort.signal,
  });
  const texts: string[] = [];
  const errors: string[] = [];
  for await (const chunk of result.toUIMessageStream({ onError: (e) => (e as Error).message }) as ReadableStream<UiChunk>) {
    if (chunk.type === 'text-delta') {
      texts.push(chunk.delta ?? '');
      if (texts.length === options.abortAfterTextChunks) abort.abort(new Error('client closed the connection'));
    }
    if (chunk.type === 'error') errors.push(chunk.errorText ?? '');
  }
  await vi.waitFor(() => expect(spans().some((s) => s.attributes['openinference.span.kind'] === 'CHAIN')).toBe(true));
  return { text: texts.join(''), errors, llm: spanByKind(spans(), 'LLM'), turn: spanByKind(spans(), 'CHAIN') };
}

/** Starts a fake provider server for the enclosing `describe` and points the app's env at it. */
export function useFakeProvider(start: () => Promise<FakeSseServer>, env: (fake: FakeSseServer) => Record<string, string>): () => FakeSseServer {
  let fake: FakeSseServer;
  beforeAll(async () => {
    fake = await start();
    vi.stubEnv('CHAT_MODEL_MAX_RETRIES', '0');
    for (const [key, value] of Object.entries(env(fake))) vi.stubEnv(key, value);
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await fake.close();
  });
  return () => fake;
}
