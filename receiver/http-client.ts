/**
 * For tests in another process than the receiver: read what it received over its JSON API. A receiver
 * with a key needs it on every read: `apiKey`, by default `RECEIVER_API_KEY` of this process (the e2e
 * global setup sets it).
 */
import type { ReceivedSpan } from './otlp/decode-traces.ts';
import { fromJson } from './store/span-json.ts';
import { describeSpans, type ReceivedRequest } from './store/span-store.ts';

/** All spans the receiver holds (or those of `traceId`), times revived as bigints. */
export async function fetchSpans(receiverUrl: string, traceId?: string, apiKey?: string): Promise<ReceivedSpan[]> {
  const query = traceId ? `?traceId=${encodeURIComponent(traceId)}` : '';
  return fromJson(await getJson(`${receiverUrl}/spans${query}`, apiKey));
}

/** Span annotations the receiver holds (of `spanId` when given). */
export async function fetchAnnotations(receiverUrl: string, spanId?: string, apiKey?: string): Promise<unknown[]> {
  const query = spanId ? `?spanId=${encodeURIComponent(spanId)}` : '';
  return (await getJson(`${receiverUrl}/annotations${query}`, apiKey)) as unknown[];
}

/** `Authorization: Bearer <key>` for the receiver, when there is a key. */
export function receiverAuth(apiKey = process.env.RECEIVER_API_KEY): Record<string, string> {
  return apiKey ? { authorization: `Bearer ${apiKey}` } : {};
}

/** One record per accepted export: content type, headers, span count, project. */
export async function fetchRequests(receiverUrl: string, apiKey?: string): Promise<ReceivedRequest[]> {
  return (await getJson(`${receiverUrl}/requests`, apiKey)) as ReceivedRequest[];
}

/** Forgets every span and request the receiver holds. */
export async function clearReceiver(receiverUrl: string, apiKey?: string): Promise<void> {
  const response = await fetch(`${receiverUrl}/spans`, { method: 'DELETE', headers: receiverAuth(apiKey) });
  if (!response.ok) throw new Error(`DELETE ${receiverUrl}/spans answered ${response.status}`);
}

/** Polls until `predicate(spans)` holds; on timeout, fails naming the spans that did arrive. */
export async function waitForReceivedSpans(
  receiverUrl: string,
  predicate: (spans: ReceivedSpan[]) => boolean,
  timeoutMs: number,
  pollMs = 100,
  apiKey?: string,
): Promise<ReceivedSpan[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const spans = await fetchSpans(receiverUrl, undefined, apiKey);
    if (predicate(spans)) return spans;
    if (Date.now() >= deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for spans at ${receiverUrl}; ${describeSpans(spans)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(pollMs, Math.max(0, deadline - Date.now()))));
  }
}

async function getJson(url: string, apiKey?: string): Promise<unknown> {
  const response = await fetch(url, { headers: receiverAuth(apiKey) });
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}: ${await response.text()}`);
  return response.json();
}
