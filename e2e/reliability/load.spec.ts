import { expect, test } from '@playwright/test';
import { E2E, appEnv } from '../../playwright.config';
import type { ReceivedSpan } from '../../receiver/api';
import { startReceiver, type Receiver } from '../../receiver/api';
import { postChat, type ChatResult } from '../support/read-chat-stream';
import { startNextCollecting } from '../support/spawn-next';

/**
 * Load against `next start` (offline model, loopback only): ROUNDS rounds of CONCURRENCY concurrent
 * chats with distinct prompts. Every turn yields a complete trace (AGENT + LLM, both ended, completed),
 * each AGENT span's `output.value` is exactly what its own client received (no cross-talk), no span is
 * left open, and memory after the run returns near its starting level.
 */
const PORT = Number(new URL(E2E.appUrl).port) + 14;
const RECEIVER_PORT = Number(new URL(E2E.receiverUrl).port) + 14;
const APP = `http://127.0.0.1:${PORT}`;
const CONCURRENCY = Number(process.env.LOAD_CONCURRENCY ?? 50);
const ROUNDS = Number(process.env.LOAD_ROUNDS ?? 20);
/** Growth allowed after the run (after GC): generous, a shared 2-core machine is noisy. */
const MAX_HEAP_GROWTH = { ratio: 0.25, bytes: 60 * 1024 * 1024 };
const MAX_SECOND_HALF_HEAP_GROWTH = 20 * 1024 * 1024;

interface Diagnostics {
  openSpans: number;
  rss: number;
  heapUsed: number;
}

let receiver: Receiver;
test.beforeAll(async () => {
  receiver = await startReceiver({ port: RECEIVER_PORT, apiKey: E2E.apiKey });
});
test.afterAll(async () => receiver?.close());

async function diagnostics(): Promise<Diagnostics> {
  // Two GC passes with a pause, so what is measured is what is still referenced.
  await getDiagnostics('?gc=1');
  await new Promise((resolve) => setTimeout(resolve, 500));
  return getDiagnostics('?gc=1');
}

/** An idempotent GET, retried once: a pooled keep-alive connection the server has just closed fails it. */
async function getDiagnostics(query: string): Promise<Diagnostics> {
  const get = async () => (await (await fetch(`${APP}/api/diagnostics${query}`)).json()) as Diagnostics;
  return get().catch(get);
}

async function round(r: number): Promise<ChatResult[]> {
  return Promise.all(
    Array.from({ length: CONCURRENCY }, (_, i) => postChat(`${APP}/api/chat`, `load-${r}-${i}`, `Explain zeta${i}x${r} and omega${r}y${i} with tracing`)),
  );
}

test(`${CONCURRENCY} concurrent chats × ${ROUNDS} rounds: complete traces, no cross-talk, no open span, no leak`, async () => {
  test.setTimeout(180_000);
  const { server, output } = await startNextCollecting(
    PORT,
    appEnv({
      PHOENIX_COLLECTOR_ENDPOINT: receiver.url,
      OFFLINE_MODEL_DELAY_MS: '1',
      OTEL_BSP_SCHEDULE_DELAY: '200',
      TRACE_FLUSH_AFTER_TURN: '0',
      TRACE_DIAGNOSTICS: '1',
      NODE_OPTIONS: '--expose-gc',
    }),
  );
  try {
    await round(-1); // warm-up: compile caches, connection pools
    await new Promise((resolve) => setTimeout(resolve, 1000));
    receiver.clear();
    const before = await diagnostics();

    const started = Date.now();
    const results: ChatResult[] = [];
    let middle: Diagnostics | undefined;
    for (let r = 0; r < ROUNDS; r++) {
      results.push(...(await round(r)));
      if (process.env.LOAD_DEBUG) console.log(`[load] round ${r} done`);
      if (r === Math.floor(ROUNDS / 2) - 1) middle = await diagnostics();
    }
    const elapsedMs = Date.now() - started;

    for (const result of results) {
      expect(result.status).toBe(200);
      expect(result.error).toBeUndefined();
      expect(result.traceId).toMatch(/^[0-9a-f]{32}$/);
    }
    expect(new Set(results.map((r) => r.traceId)).size).toBe(results.length);
    expect(new Set(results.map((r) => r.text)).size, 'prompts are distinct, so are answers').toBe(results.length);

    if (process.env.LOAD_DEBUG) console.log('[load] rounds done');
    const spans = await receiver.waitForSpans((all) => all.length >= results.length * 2, 30_000);
    const byTrace = new Map<string, ReceivedSpan[]>();
    for (const span of spans) byTrace.set(span.traceId, [...(byTrace.get(span.traceId) ?? []), span]);
    expect(byTrace.size).toBe(results.length);
    for (const result of results) {
      const ofTrace = byTrace.get(result.traceId!) ?? [];
      const agent = ofTrace.filter((s) => s.attributes['openinference.span.kind'] === 'AGENT');
      const llm = ofTrace.filter((s) => s.attributes['openinference.span.kind'] === 'LLM');
      expect([agent.length, llm.length], result.traceId).toEqual([1, 1]);
      expect(agent[0]!.attributes['output.value'], 'its own client saw exactly this').toBe(result.text);
      expect(llm[0]!.attributes['output.value']).toBe(result.text);
      expect(llm[0]!.parentSpanId).toBe(agent[0]!.spanId);
      for (const span of [...agent, ...llm]) {
        expect(span.attributes['stream.outcome']).toBe('completed');
        expect(span.endTimeUnixNano).toBeGreaterThan(span.startTimeUnixNano);
      }
    }

    if (process.env.LOAD_DEBUG) console.log('[load] spans checked');
    const after = await diagnostics();
    expect(after.openSpans, 'no span left open').toBe(0);
    const growth = after.heapUsed - before.heapUsed;
    const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
    const summary =
      `${results.length} chats in ${(elapsedMs / 1000).toFixed(1)} s; heap after GC ${mb(before.heapUsed)} → ${mb(middle!.heapUsed)} (half-way) → ${mb(after.heapUsed)}; ` +
      `rss ${mb(before.rss)} → ${mb(middle!.rss)} → ${mb(after.rss)}`;
    console.log(`[load] ${summary}`);
    test.info().annotations.push({ type: 'load', description: summary });
    expect(growth, summary).toBeLessThan(Math.max(before.heapUsed * MAX_HEAP_GROWTH.ratio, MAX_HEAP_GROWTH.bytes));
    // A leak grows with every round; warm caches do not: the second half must add little.
    expect(after.heapUsed - middle!.heapUsed, summary).toBeLessThan(MAX_SECOND_HALF_HEAP_GROWTH);
    // RSS is reported, bounded loosely: V8 and malloc keep freed pages, so it does not shrink back.
    expect(after.rss - before.rss, summary).toBeLessThan(512 * 1024 * 1024);
  } catch (error) {
    throw new Error(`${(error as Error).stack}; server exit code ${server.exitCode}; server stderr: ${output.stderr.join('').slice(-2000)}`);
  } finally {
    server.kill('SIGKILL');
  }
});
