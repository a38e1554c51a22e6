/**
 * The receiver's read API (JSON): `GET /spans[?traceId=]`, `DELETE /spans` (also forgets requests and
 * annotations), `GET /requests`, `GET /annotations[?spanId=]`, and for the app's trace inspector
 * `GET /traces[?session=&status=ok|error|unset&limit=]` (summaries, newest first) and
 * `GET /traces/<traceId>` (`{ traceId, spans, annotations }`, 404 when unknown).
 */
import type { ServerResponse } from 'node:http';
import { sendJson } from './send-json.ts';
import { toJson } from '../store/span-json.ts';
import type { SpanStore } from '../store/span-store.ts';
import { parseTraceStatus, summarizeTraces } from '../store/trace-summary.ts';

/** Answers `route` if it is a query route; returns false otherwise. */
export function handleQuery(method: string, url: URL, store: SpanStore, res: ServerResponse): boolean {
  const path = url.pathname;
  const param = (name: string) => url.searchParams.get(name) || undefined;
  if (method === 'GET' && path === '/spans') {
    const traceId = param('traceId');
    sendJson(res, 200, toJson(traceId ? store.spans().filter((s) => s.traceId === traceId) : store.spans()));
  } else if (method === 'DELETE' && path === '/spans') {
    store.clear();
    sendJson(res, 200, { ok: true });
  } else if (method === 'GET' && path === '/requests') {
    sendJson(res, 200, store.requests());
  } else if (method === 'GET' && path === '/annotations') {
    const spanId = param('spanId');
    sendJson(res, 200, store.annotations().filter((a) => !spanId || a.span_id === spanId));
  } else if (method === 'GET' && path === '/traces') {
    const status = param('status');
    const limit = Number(param('limit') ?? 50);
    if (status && !parseTraceStatus(status)) {
      sendJson(res, 400, { error: `status must be ok, error or unset, got "${status}"` });
    } else if (!Number.isInteger(limit) || limit < 1) {
      sendJson(res, 400, { error: 'limit must be a positive integer' });
    } else {
      sendJson(res, 200, { traces: summarizeTraces(store.spans(), { sessionId: param('session'), status: parseTraceStatus(status ?? null), limit }) });
    }
  } else if (method === 'GET' && path.startsWith('/traces/')) {
    const traceId = decodeURIComponent(path.slice('/traces/'.length)).toLowerCase();
    const spans = store.spans().filter((s) => s.traceId === traceId);
    if (spans.length === 0) {
      sendJson(res, 404, { error: `no spans of trace ${traceId}` });
    } else {
      const spanIds = new Set(spans.map((s) => s.spanId));
      sendJson(res, 200, { traceId, spans: toJson(spans), annotations: store.annotations().filter((a) => spanIds.has(a.span_id)) });
    }
  } else {
    return false;
  }
  return true;
}
