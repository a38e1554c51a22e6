/** For tests in another process than the receiver: read what it received over its JSON API. */
import type { ReceivedSpan } from './decode-traces';
import type { ReceivedRequest } from './receiver-server';
import { fromJson } from './span-json';

export async function fetchSpans(receiverUrl: string, traceId?: string): Promise<ReceivedSpan[]> {
  const query = traceId ? `?traceId=${encodeURIComponent(traceId)}` : '';
  const response = await fetch(`${receiverUrl}/spans${query}`);
  if (!response.ok) throw new Error(`receiver answered ${response.status}`);
  return fromJson(await response.json());
}

export async function fetchRequests(receiverUrl: string): Promise<ReceivedRequest[]> {
  return (await (await fetch(`${receiverUrl}/requests`)).json()) as ReceivedRequest[];
}

/** Polls until `predicate(spans)` holds; on timeout, fails naming the spans that did arrive. */
export async function waitForReceivedSpans(
  receiverUrl: string,
  predicate: (spans: ReceivedSpan[]) => boolean,
  timeoutMs: number,
): Promise<ReceivedSpan[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const spans = await fetchSpans(receiverUrl);
    if (predicate(spans)) return spans;
    if (Date.now() > deadline) {
      const names = spans.map((s) => `${s.name}(${s.traceId.slice(0, 8)})`).join(', ') || 'none';
      throw new Error(`timed out after ${timeoutMs} ms waiting for spans; received: ${names}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
