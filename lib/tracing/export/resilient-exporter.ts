/**
 * A span exporter that never lets a collector fault reach a chat, and loses no span to a short outage:
 * - each export is bounded by the sender's timeout (a hanging collector costs at most that, in the
 *   background — the chat never waits for it);
 * - a retryable failure (network error, timeout, HTTP 429/502/503/504) puts the spans in a bounded
 *   in-memory queue (at most `maxQueueSpans`, none older than `maxAgeMs`; the oldest are dropped and
 *   counted), retried with exponential backoff (`initialBackoffMs` doubling to `maxBackoffMs`, or the
 *   collector's `Retry-After`) until the collector is back;
 * - a non-retryable answer (400, 401, 413, 500, …) drops that batch (sending it again would fail the same);
 * - one `console.warn` per state change — "cannot export to <url>: <reason>" when a new reason
 *   appears, "recovered" when an export succeeds again — never one per request.
 * Edge-safe (timers and promises only).
 */
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';
import { DEFAULT_RETRY_BOUNDS, displayUrl, type RetryBounds } from './export-options';
import type { SendOutcome, SendSpans } from './otlp-http-sender';
import { redactSecrets } from '../../secrets/redact-secrets';

export interface ResilientExporterOptions extends Partial<RetryBounds> {
  /** Where spans go (shown in warnings without credentials or query). */
  url: string;
  send: SendSpans;
  warn?: (message: string) => void;
}

/** `@opentelemetry/core`'s ExportResult, taken from the exporter interface (core is not a dependency of ours). */
type ExportResult = Parameters<Parameters<SpanExporter['export']>[1]>[0];

const SUCCESS: ExportResult = { code: 0 };

interface Queued {
  span: ReadableSpan;
  queuedAt: number;
}

export class ResilientSpanExporter implements SpanExporter {
  readonly bounds: RetryBounds;
  private readonly target: string;
  private readonly send: SendSpans;
  private readonly warn: (message: string) => void;
  private queue: Queued[] = [];
  private backoffMs: number;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private retrying: Promise<void> | undefined;
  private readonly inFlight = new Set<Promise<unknown>>();
  /** The reason of the current outage (undefined while exports succeed). */
  private failing: string | undefined;
  private droppedInOutage = 0;
  private warnedQueueFull = false;
  private stopped = false;

  constructor(options: ResilientExporterOptions) {
    this.bounds = { ...DEFAULT_RETRY_BOUNDS, ...definedOnly(options) };
    this.target = displayUrl(options.url);
    this.send = options.send;
    this.warn = options.warn ?? ((message) => console.warn(redactSecrets(message)));
    this.backoffMs = this.bounds.initialBackoffMs;
  }

  /** Spans waiting for the collector to come back. */
  get queuedSpans(): number {
    return this.queue.length;
  }

  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    if (this.stopped) return resultCallback({ code: 1, error: new Error('exporter is shut down') });
    if (this.queue.length > 0 || this.retrying) {
      // An outage is under way: keep the order, wait for the next retry instead of piling up requests.
      this.enqueue(spans);
      this.schedule();
      return resultCallback(SUCCESS);
    }
    this.track(
      this.attempt(spans).then((outcome) => {
        if (outcome.ok || outcome.retryable) return resultCallback(SUCCESS);
        resultCallback({ code: 1, error: new Error(`cannot export to ${this.target}: ${outcome.reason}`) });
      }),
    );
  }

  /** Waits for the exports under way (not for queued spans: see `drain`). */
  async forceFlush(): Promise<void> {
    await Promise.all([...this.inFlight]);
  }

  /** Tries to deliver the queued spans now, ignoring the backoff (used on shutdown). */
  async drain(): Promise<void> {
    await this.forceFlush();
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    await (this.retrying ?? this.retry());
  }

  async shutdown(): Promise<void> {
    await this.drain();
    this.stopped = true;
  }

  private track(promise: Promise<unknown>): void {
    this.inFlight.add(promise);
    void promise.finally(() => this.inFlight.delete(promise));
  }

  /** Sends `spans`; on a retryable failure they are queued. Never rejects. */
  private async attempt(spans: ReadableSpan[]): Promise<SendOutcome> {
    const outcome = await this.send(spans).catch(
      (error: unknown): SendOutcome => ({ ok: false, retryable: false, reason: `could not encode spans (${String(error)})` }),
    );
    if (outcome.ok) this.recovered();
    else if (outcome.retryable) {
      this.failed(outcome.reason);
      this.enqueue(spans);
      this.schedule(outcome.retryAfterMs);
    } else this.rejected(outcome.reason, spans.length);
    return outcome;
  }

  private enqueue(spans: ReadableSpan[]): void {
    const queuedAt = Date.now();
    for (const span of spans) this.queue.push({ span, queuedAt });
    const excess = this.queue.length - this.bounds.maxQueueSpans;
    if (excess > 0) {
      this.queue.splice(0, excess);
      this.dropped(excess, `retry queue full (${this.bounds.maxQueueSpans} spans)`);
    }
  }

  private dropExpired(): void {
    const oldest = Date.now() - this.bounds.maxAgeMs;
    const expired = this.queue.findIndex((entry) => entry.queuedAt >= oldest);
    const count = expired === -1 ? this.queue.length : expired;
    if (count === 0) return;
    this.queue.splice(0, count);
    this.dropped(count, `spans older than ${this.bounds.maxAgeMs} ms`);
  }

  private dropped(count: number, why: string): void {
    this.droppedInOutage += count;
    if (this.warnedQueueFull) return;
    this.warnedQueueFull = true;
    this.warn(`[tracing] dropping the oldest queued spans for ${this.target}: ${why}`);
  }

  private schedule(retryAfterMs?: number): void {
    if (this.timer !== undefined || this.retrying || this.stopped) return;
    const delay = Math.min(Math.max(retryAfterMs ?? 0, this.backoffMs), this.bounds.maxBackoffMs);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.retry();
    }, delay);
    // Never keep a Node process alive just to retry telemetry (no-op where timers are numbers).
    (this.timer as { unref?: () => void }).unref?.();
  }

  private retry(): Promise<void> {
    const run = async () => {
      for (;;) {
        this.dropExpired();
        if (this.queue.length === 0) return;
        const batch = this.queue.slice(0, this.bounds.maxBatchSpans);
        const outcome = await this.send(batch.map((entry) => entry.span)).catch(
          (error: unknown): SendOutcome => ({ ok: false, retryable: false, reason: `could not encode spans (${String(error)})` }),
        );
        if (!outcome.ok && outcome.retryable) {
          this.failed(outcome.reason);
          this.backoffMs = Math.min(this.backoffMs * 2, this.bounds.maxBackoffMs);
          this.retrying = undefined;
          this.schedule(outcome.retryAfterMs);
          return;
        }
        const sent = new Set(batch);
        this.queue = this.queue.filter((entry) => !sent.has(entry));
        if (outcome.ok) this.recovered();
        else this.rejected(outcome.reason, batch.length);
      }
    };
    const running = run().finally(() => {
      if (this.retrying === running) this.retrying = undefined;
      // Spans queued while the last batch was on its way.
      if (this.queue.length > 0 && this.failing === undefined) this.schedule();
    });
    this.retrying = running;
    this.track(running);
    return running;
  }

  private failed(reason: string): void {
    if (this.failing === reason) return;
    this.failing = reason;
    this.warn(
      `[tracing] cannot export to ${this.target}: ${reason}; retrying with backoff, queue ≤ ${this.bounds.maxQueueSpans} spans`,
    );
  }

  private rejected(reason: string, count: number): void {
    this.droppedInOutage += count;
    if (this.failing === reason) return;
    this.failing = reason;
    this.warn(`[tracing] cannot export to ${this.target}: ${reason}; dropping the spans (not retryable)`);
  }

  private recovered(): void {
    this.backoffMs = this.bounds.initialBackoffMs;
    if (this.failing === undefined) return;
    const dropped = this.droppedInOutage > 0 ? `, ${this.droppedInOutage} span(s) dropped during the outage` : '';
    this.warn(`[tracing] export to ${this.target} recovered (${this.queue.length} queued span(s) to deliver${dropped})`);
    this.failing = undefined;
    this.droppedInOutage = 0;
    this.warnedQueueFull = false;
    if (this.queue.length > 0 && !this.retrying) {
      if (this.timer !== undefined) clearTimeout(this.timer);
      this.timer = undefined;
      void this.retry();
    }
  }
}

function definedOnly(options: Partial<RetryBounds>): Partial<RetryBounds> {
  const keys: (keyof RetryBounds)[] = ['maxQueueSpans', 'maxAgeMs', 'initialBackoffMs', 'maxBackoffMs', 'maxBatchSpans'];
  return Object.fromEntries(keys.flatMap((key) => (options[key] === undefined ? [] : [[key, options[key]]])));
}
