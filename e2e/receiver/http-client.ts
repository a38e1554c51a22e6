/** For tests in another process than the receiver: read what it received over its JSON API. */
import type { ReceivedSpan } from './decode-traces';
import { fromJson } from './span-json';
import { describeSpans, type ReceivedRequest } from './span-store';

/** All spans the receiver holds (or those of `traceId`), times revived as bigints. */
export async function fetchSpans(receiverUrl: string, traceId?: string): Promise<ReceivedSpan[]> {
  const query = traceId ? `?traceId=${encodeURIComponent(traceId)}` : '';
  return fromJson(await getJson(`${receiverUrl}/spans${query}`));
}

/** One record per accepted export: content type, headers, span count, project. */
export async function fetchRequests(receiverUrl: string): Promise<ReceivedRequest[]> {
  return (await getJson(`${receiverUrl}/requests`)) as ReceivedRequest[];
}

/** Forgets every span and request the receiver holds. */
export async function clearReceiver(receiverUrl: string): Promise<void> {
  const response = await fetch(`${receiverUrl}/spans`, { method: 'DELETE' });
  if (!response.ok) throw new Error(`DELETE ${receiverUrl}/spans answered ${response.status}`);
}

/** Polls until `predicate(spans)` holds; on timeout, fails naming the spans that did arrive. */
export async function waitForReceivedSpans(
  receiverUrl: string,
  predicate: (spans: ReceivedSpan[]) => boolean,
  timeoutMs: number,
  pollMs = 100,
): Promise<ReceivedSpan[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const spans = await fetchSpans(receiverUrl);
    if (predicate(spans)) return spans;
    if (Date.now() >= deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for spans at ${receiverUrl}; ${describeSpans(spans)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(pollMs, Math.max(0, deadline - Date.now()))));
  }
}

async function getJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}: ${await response.text()}`);
  return response.json();
}
