/**
 * Sends one batch of spans to an OTLP/HTTP endpoint and says how it went. `@vercel/otel`'s exporters
 * encode OTLP well (protobuf or JSON, edge-compatible) but report every HTTP answer — 500, 503, 429 —
 * as success and never time out. So we borrow only their encoder and do the request ourselves: with a
 * timeout, and with the status classified the way the OTLP spec says (429/502/503/504 and network
 * errors are retryable; any other non-2xx is not). Edge-safe: fetch, AbortSignal, no Node APIs.
 */
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';

export type SendOutcome =
  | { ok: true }
  | { ok: false; retryable: boolean; reason: string; retryAfterMs?: number };

export type SendSpans = (spans: ReadableSpan[]) => Promise<SendOutcome>;

/** The encoder inside `@vercel/otel`'s `OTLPHttp{Proto,Json}TraceExporter` (pinned version; unit-tested). */
interface OtlpEncoder {
  convert(spans: ReadableSpan[]): unknown;
  toMessage(request: unknown): { body: string | Uint8Array | Blob; contentType: string; headers?: Record<string, string> };
}

export function encoderOf(exporter: SpanExporter): OtlpEncoder | undefined {
  const impl = (exporter as unknown as { impl?: Partial<OtlpEncoder> }).impl;
  return typeof impl?.convert === 'function' && typeof impl.toMessage === 'function' ? (impl as OtlpEncoder) : undefined;
}

const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);

export function createOtlpHttpSender(options: {
  url: string;
  headers?: Record<string, string>;
  encoder: OtlpEncoder;
  timeoutMs: number;
  fetch?: typeof fetch;
}): SendSpans {
  const doFetch = options.fetch ?? fetch;
  return async (spans) => {
    const { body, contentType, headers } = options.encoder.toMessage(options.encoder.convert(spans));
    let response: Response;
    try {
      response = await doFetch(options.url, {
        method: 'POST',
        body: body as BodyInit,
        headers: { ...options.headers, ...headers, 'Content-Type': contentType },
        signal: AbortSignal.timeout(options.timeoutMs),
        // Keeps Next from instrumenting or caching the export request.
        ...({ next: { internal: true } } as object),
      });
    } catch (error) {
      return { ok: false, retryable: true, reason: networkReason(error, options.timeoutMs) };
    }
    void response.arrayBuffer().catch(() => undefined); // drain, so the connection is reused
    if (response.ok) return { ok: true };
    return {
      ok: false,
      retryable: RETRYABLE_STATUSES.has(response.status),
      reason: `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
      retryAfterMs: retryAfterMs(response.headers.get('retry-after')),
    };
  };
}

function networkReason(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `no answer within ${timeoutMs} ms`;
  }
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  if (typeof cause?.code === 'string') return `network error (${cause.code})`;
  return `network error (${error instanceof Error ? error.message : String(error)})`;
}

/** `Retry-After` in seconds (the HTTP-date form is rare for collectors and ignored). */
function retryAfterMs(value: string | null): number | undefined {
  const seconds = Number(value);
  return value !== null && value.trim() !== '' && Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}
