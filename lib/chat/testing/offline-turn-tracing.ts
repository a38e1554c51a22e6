/**
 * The harness the turn-lifecycle tests share: `@vercel/otel`'s real SDK in memory (so a span we fail
 * to end is force-ended where the test can see it), the offline model with no delay, and the checks
 * every ended turn must pass: no span left open, none force-ended, no child ending after its parent.
 */
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterEach, beforeAll, beforeEach, expect, vi } from 'vitest';
import { openSpanCount } from '@/lib/tracing/lifecycle/span-lifecycle';
import { childrenEndingAfterParent, forceEndedSpans, useInMemoryTracing } from '@/lib/tracing/testing/in-memory-tracing';
import type { ChatMessage } from '../chat-message';

export function useOfflineTurnTracing() {
  const tracing = useInMemoryTracing();
  beforeAll(() => {
    vi.stubEnv('OPENAI_API_KEY', '');
    vi.stubEnv('OFFLINE_MODEL_DELAY_MS', '0');
  });
  beforeEach(() => tracing.reset());
  afterEach(() => expect(openSpanCount()).toBe(0));
  /** Waits until every span has ended, checks that each ended by us, child first; returns them all. */
  const endedSpans = async (ended: Promise<void>): Promise<ReadableSpan[]> => {
    await ended;
    await vi.waitFor(() => expect(openSpanCount()).toBe(0));
    const spans = tracing.spans();
    expect(forceEndedSpans(spans), 'spans ended by @vercel/otel, not by us').toEqual([]);
    expect(childrenEndingAfterParent(spans)).toEqual([]);
    return spans;
  };
  return { tracing, endedSpans };
}

/** A one-message chat: the user asks `text`. */
export const ask = (text: string): ChatMessage[] => [{ id: 'u1', role: 'user', parts: [{ type: 'text', text }] }];
