/**
 * Test-only: runs one chat turn through the app's real path (`streamChatTurn`: the configured
 * provider, the traced model, the AI SDK) and reads it as the browser would, then returns the
 * turn's spans from the in-memory tracing.
 */
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import type { ToolSet } from 'ai';
import { afterAll, beforeAll, expect, vi } from 'vitest';
import { streamChatTurn } from '@/lib/chat/stream-chat-turn';
import { spanByKind } from '@/lib/tracing/testing/in-memory-tracing';
import type { FakeSseServer } from './fake-sse-server';

export interface TracedTurn {
  /** The text the UI received. */
  text: string;
  errors: string[];
  /** The LLM span (the only one; with tools: the last one). */
  llm: ReadableSpan;
  llms: ReadableSpan[];
  tools: ReadableSpan[];
  turn: ReadableSpan;
}

type UiChunk = { type: string; delta?: string; errorText?: string };

/** `abortAfterTextChunks`: the client goes away (Stop) after that many text deltas. `tools`: the chat's tools (an AGENT turn). */
export async function runTracedTurn(
  spans: () => ReadableSpan[],
  question: string,
  options: { abortAfterTextChunks?: number; tools?: ToolSet } = {},
): Promise<TracedTurn> {
  const abort = new AbortController();
  const { result } = await streamChatTurn({
    sessionId: 'provider-test',
    messages: [{ id: 'u1', role: 'user', parts: [{ type: 'text', text: question }] }],
    signal: abort.signal,
    tools: options.tools,
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
  const turnKind = options.tools ? 'AGENT' : 'CHAIN';
  await vi.waitFor(() => expect(spans().some((s) => s.attributes['openinference.span.kind'] === turnKind)).toBe(true));
  const ofKind = (kind: string) =>
    spans()
      .filter((s) => s.attributes['openinference.span.kind'] === kind)
      .sort((a, b) => a.startTime[0] - b.startTime[0] || a.startTime[1] - b.startTime[1]);
  const llms = ofKind('LLM');
  return { text: texts.join(''), errors, llm: llms.length === 1 ? spanByKind(spans(), 'LLM') : llms.at(-1)!, llms, tools: ofKind('TOOL'), turn: spanByKind(spans(), turnKind) };
}

/** Starts a fake provider server for the enclosing `describe` and points the app's env at it. */
export function useFakeProvider<Fake extends FakeSseServer>(start: () => Promise<Fake>, env: (fake: Fake) => Record<string, string>): () => Fake {
  let fake: Fake;
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
