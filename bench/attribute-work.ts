/**
 * Shows that our tracing does no per-chunk span work: one chat turn (CHAIN + LLM span, through the
 * AI SDK's `streamText`, as `lib/chat/stream-chat-turn.ts` runs it) is streamed with 10, 100 and 1000
 * chunks under a counting tracer provider, then 50 turns of 1000 chunks at once; the span writes,
 * attribute keys and exports per turn are the same for every run, because attributes are built once,
 * when the stream closes.
 */
import type { LanguageModelV4, LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { trace } from '@opentelemetry/api';
import { streamText } from 'ai';
import { startChatTurn } from '../lib/tracing/lifecycle/chat-turn';
import { createCountingTracerProvider, type SpanWorkCounts } from './counting-tracer';

export interface AttributeWorkRow extends SpanWorkCounts {
  chunks: number;
  /** Turns run at once (the counts are per turn). */
  concurrency: number;
}

function chunkedModel(chunks: number): LanguageModelV4 {
  const parts: LanguageModelV4StreamPart[] = [
    { type: 'stream-start', warnings: [] },
    { type: 'text-start', id: 't' },
    ...Array.from({ length: chunks }, (_, index): LanguageModelV4StreamPart => ({ type: 'text-delta', id: 't', delta: ` w${index}` })),
    { type: 'text-end', id: 't' },
    {
      type: 'finish',
      finishReason: { unified: 'stop', raw: 'stop' },
      usage: {
        inputTokens: { total: 20, noCache: 20, cacheRead: undefined, cacheWrite: undefined },
        outputTokens: { total: chunks, text: chunks, reasoning: undefined },
      },
    },
  ];
  return {
    specificationVersion: 'v4',
    provider: 'bench',
    modelId: 'bench-chunks',
    supportedUrls: {},
    doGenerate: () => Promise.reject(new Error('stream only')),
    doStream: async () => ({
      stream: new ReadableStream<LanguageModelV4StreamPart>({
        start(controller) {
          for (const part of parts) controller.enqueue(part);
          controller.close();
        },
      }),
    }),
  };
}

/**
 * Runs one traced turn per chunk count, then `concurrent` turns of `concurrentChunks` chunks at once,
 * and returns what each turn cost in span work (counts per turn).
 */
export async function measureAttributeWork(
  chunkCounts: readonly number[] = [10, 100, 1000],
  concurrent = 50,
  concurrentChunks = 1000,
): Promise<AttributeWorkRow[]> {
  const rows: AttributeWorkRow[] = [];
  const runs = [...chunkCounts.map((chunks) => ({ chunks, concurrency: 1 })), { chunks: concurrentChunks, concurrency: concurrent }];
  for (const { chunks, concurrency } of runs) {
    const { provider, counts } = createCountingTracerProvider();
    trace.disable();
    trace.setGlobalTracerProvider(provider);
    try {
      await Promise.all(
        Array.from({ length: concurrency }, async (_, index) => {
          const turn = startChatTurn({ input: 'hello', sessionId: `work-${chunks}-${index}` });
          const result = turn.run(() =>
            streamText({ model: turn.traceModel(chunkedModel(chunks), { provider: 'bench', system: 'bench' }), prompt: 'hello' }),
          );
          const text = await result.text;
          if (text.split(' w').length - 1 !== chunks) throw new Error(`turn streamed ${text.length} characters, not ${chunks} chunks`);
          turn.end({ type: 'ok' });
          await turn.ended;
        }),
      );
      const perTurn = (value: number) => value / concurrency;
      rows.push({ chunks, concurrency, spans: perTurn(counts.spans), writes: perTurn(counts.writes), attributeKeys: perTurn(counts.attributeKeys), exportCalls: perTurn(counts.exportCalls) });
    } finally {
      trace.disable();
    }
  }
  return rows;
}

/** True when no count grows with the number of chunks. */
export function isChunkIndependent(rows: readonly AttributeWorkRow[]): boolean {
  const [first, ...rest] = rows;
  return first !== undefined && rest.every((row) => row.spans === first.spans && row.writes === first.writes && row.attributeKeys === first.attributeKeys && row.exportCalls === first.exportCalls);
}
