import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { OTLPHttpJsonTraceExporter, OTLPHttpProtoTraceExporter } from '@vercel/otel';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOtlpHttpSender, encoderOf, type SendOutcome } from './otlp-http-sender';
import { displayUrl } from './export-options';
import { ResilientSpanExporter } from './resilient-exporter';

const span = (name: string) => ({ name }) as unknown as ReadableSpan;
const names = (spans: ReadableSpan[]) => spans.map((s) => s.name);
const URL_ = 'http://user:secret@collector:4318/v1/traces?token=abc';

/** A collector whose answer the test sets; records each batch it was sent. */
function fakeCollector() {
  const state = { answer: { ok: true } as SendOutcome, batches: [] as string[][] };
  const send = vi.fn(async (spans: ReadableSpan[]) => {
    state.batches.push(names(spans));
    return state.answer;
  });
  return { state, send };
}

function exporterWith(collector: ReturnType<typeof fakeCollector>, extra: Partial<ConstructorParameters<typeof ResilientSpanExporter>[0]> = {}) {
  const warnings: string[] = [];
  const exporter = new ResilientSpanExporter({ url: URL_, send: collector.send, warn: (m) => warnings.push(m), ...extra });
  const exportNow = (...spanNames: string[]) =>
    new Promise<number>((resolve) => exporter.export(spanNames.map(span), (result) => resolve(result.code)));
  return { exporter, warnings, exportNow };
}

const DOWN: SendOutcome = { ok: false, retryable: true, reason: 'network error (ECONNREFUSED)' };

describe('ResilientSpanExporter', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('exports straight through while the collector is healthy, without warnings', async () => {
    const collector = fakeCollector();
    const { exportNow, warnings } = exporterWith(collector);
    expect(await exportNow('a', 'b')).toBe(0);
    expect(await exportNow('c')).toBe(0);
    expect(collector.state.batches).toEqual([['a', 'b'], ['c']]);
    expect(warnings).toEqual([]);
  });

  it('queues spans during an outage, warns once, retries with doubling backoff and delivers them in order', async () => {
    const collector = fakeCollector();
    collector.state.answer = DOWN;
    const { exporter, exportNow, warnings } = exporterWith(collector, { initialBackoffMs: 1000, maxBackoffMs: 4000 });
    for (const name of ['a', 'b', 'c']) expect(await exportNow(name)).toBe(0); // never fails the caller
    expect(collector.send).toHaveBeenCalledTimes(1); // later exports wait for the retry, no request storm
    expect(exporter.queuedSpans).toBe(3);
    await vi.advanceTimersByTimeAsync(1000); // retry 1 fails → 2 s
    await vi.advanceTimersByTimeAsync(2000); // retry 2 fails → 4 s
    await vi.advanceTimersByTimeAsync(4000); // retry 3 fails → 4 s (capped)
    expect(collector.send).toHaveBeenCalledTimes(4);
    collector.state.answer = { ok: true };
    await vi.advanceTimersByTimeAsync(4000);
    expect(collector.state.batches.at(-1)).toEqual(['a', 'b', 'c']);
    expect(exporter.queuedSpans).toBe(0);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toBe(
      '[tracing] cannot export to http://collector:4318/v1/traces: network error (ECONNREFUSED); retrying with backoff, queue ≤ 2048 spans',
    );
    expect(warnings[1]).toMatch(/^\[tracing\] export to http:\/\/collector:4318\/v1\/traces recovered/);
    expect(warnings.join()).not.toMatch(/secret|token=abc/);
  });

  it('warns again only when the reason changes', async () => {
    const collector = fakeCollector();
    collector.state.answer = { ok: false, retryable: true, reason: 'HTTP 503 Service Unavailable' };
    const { exportNow, warnings } = exporterWith(collector, { initialBackoffMs: 100, maxBackoffMs: 100 });
    await exportNow('a');
    await vi.advanceTimersByTimeAsync(500);
    collector.state.answer = { ok: false, retryable: true, reason: 'HTTP 429 Too Many Requests' };
    await vi.advanceTimersByTimeAsync(500);
    expect(warnings.map((w) => /: (HTTP \d+)/.exec(w)?.[1])).toEqual(['HTTP 503', 'HTTP 429']);
  });

  it('honours Retry-After within the backoff cap', async () => {
    const collector = fakeCollector();
    collector.state.answer = { ok: false, retryable: true, reason: 'HTTP 429', retryAfterMs: 3000 };
    const { exportNow } = exporterWith(collector, { initialBackoffMs: 100, maxBackoffMs: 10_000 });
    await exportNow('a');
    await vi.advanceTimersByTimeAsync(2900);
    expect(collector.send).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(collector.send).toHaveBeenCalledTimes(2);
  });

  it('bounds the queue: drops the oldest spans beyond maxQueueSpans and spans older than maxAgeMs, and says so once', async () => {
    const collector = fakeCollector();
    collector.state.answer = DOWN;
    const { exporter, exportNow, warnings } = exporterWith(collector, { maxQueueSpans: 3, maxAgeMs: 10_000, initialBackoffMs: 1000, maxBackoffMs: 1000 });
    await exportNow('a', 'b');
    await exportNow('c', 'd', 'e');
    expect(exporter.queuedSpans).toBe(3);
    await vi.advanceTimersByTimeAsync(20_000); // everything expires
    expect(exporter.queuedSpans).toBe(0);
    collector.state.answer = { ok: true };
    await exportNow('f');
    expect(collector.state.batches.at(-1)).toEqual(['f']);
    expect(warnings.filter((w) => w.includes('dropping the oldest'))).toHaveLength(1);
    expect(warnings.at(-1)).toMatch(/recovered .*5 span\(s\) dropped/);
  });

  it('drops a batch the collector refuses for good (HTTP 400/401/500), reporting FAILED once per reason', async () => {
    const collector = fakeCollector();
    collector.state.answer = { ok: false, retryable: false, reason: 'HTTP 500 Internal Server Error' };
    const { exporter, exportNow, warnings } = exporterWith(collector);
    expect(await exportNow('a')).toBe(1);
    expect(await exportNow('b')).toBe(1);
    expect(exporter.queuedSpans).toBe(0);
    expect(warnings).toEqual(['[tracing] cannot export to http://collector:4318/v1/traces: HTTP 500 Internal Server Error; dropping the spans (not retryable)']);
  });

  it('drain() delivers the queue at once, ignoring the backoff (shutdown)', async () => {
    const collector = fakeCollector();
    collector.state.answer = DOWN;
    const { exporter, exportNow } = exporterWith(collector, { initialBackoffMs: 60_000, maxBackoffMs: 60_000 });
    await exportNow('a');
    collector.state.answer = { ok: true };
    await exporter.drain();
    expect(exporter.queuedSpans).toBe(0);
    expect(collector.state.batches.at(-1)).toEqual(['a']);
  });

  it('displays URLs without credentials or query', () => {
    expect(displayUrl('https://k:s@host/v1/traces?x=1#y')).toBe('https://host/v1/traces');
  });
});

describe('createOtlpHttpSender', () => {
  const spanStub = { ...span('x') };
  it("reaches into @vercel/otel's encoders (fails here if an upgrade moves them)", () => {
    expect(encoderOf(new OTLPHttpProtoTraceExporter({ url: 'http://x' }))).toBeDefined();
    expect(encoderOf(new OTLPHttpJsonTraceExporter({ url: 'http://x' }))).toBeDefined();
  });

  it('classifies answers the way the OTLP spec says', async () => {
    const encoder = { convert: () => ({}), toMessage: () => ({ body: 'x', contentType: 'application/x-protobuf' }) };
    const answer = (status: number, headers: Record<string, string> = {}) =>
      createOtlpHttpSender({ url: 'http://c/v1/traces', encoder, timeoutMs: 50, fetch: async () => new Response(null, { status, headers }) })([spanStub]);
    expect(await answer(200)).toEqual({ ok: true });
    for (const status of [429, 502, 503, 504]) expect(await answer(status)).toMatchObject({ ok: false, retryable: true });
    for (const status of [400, 401, 413, 500]) expect(await answer(status)).toMatchObject({ ok: false, retryable: false });
    expect(await answer(429, { 'retry-after': '2' })).toMatchObject({ retryAfterMs: 2000 });
    const refused = createOtlpHttpSender({
      url: 'http://c',
      encoder,
      timeoutMs: 50,
      fetch: async () => {
        throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
      },
    });
    expect(await refused([spanStub])).toEqual({ ok: false, retryable: true, reason: 'network error (ECONNREFUSED)' });
    const hanging = createOtlpHttpSender({
      url: 'http://c',
      encoder,
      timeoutMs: 50,
      fetch: (_url, init) => new Promise((_resolve, reject) => init!.signal!.addEventListener('abort', () => reject(init!.signal!.reason))),
    });
    expect(await hanging([spanStub])).toEqual({ ok: false, retryable: true, reason: 'no answer within 50 ms' });
  });
});
