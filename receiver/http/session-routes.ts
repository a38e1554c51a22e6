/**
 * The receiver's session read API, for the app's inspector (Phoenix's Sessions view, locally):
 * `GET /sessions[?limit=]` (summaries, most recently active first) and `GET /sessions/<id>`
 * (`SessionDetail` with its turns in order; 404 when no trace carries that session id).
 */
import type { ServerResponse } from 'node:http';
import { sendJson } from './send-json.ts';
import { sessionDetail, summarizeSessions } from '../store/session-summary.ts';
import type { SpanStore } from '../store/span-store.ts';

/** Answers the request if it is a session route; returns false otherwise. */
export function handleSessionQuery(method: string, url: URL, store: SpanStore, res: ServerResponse): boolean {
  const path = url.pathname;
  if (method !== 'GET' || (path !== '/sessions' && !path.startsWith('/sessions/'))) return false;
  if (path === '/sessions') {
    const limit = Number(url.searchParams.get('limit') || 50);
    if (!Number.isInteger(limit) || limit < 1) sendJson(res, 400, { error: 'limit must be a positive integer' });
    else sendJson(res, 200, { sessions: summarizeSessions(store.spans(), store.annotations(), limit) });
    return true;
  }
  let sessionId: string;
  try {
    sessionId = decodeURIComponent(path.slice('/sessions/'.length));
  } catch {
    sendJson(res, 400, { error: 'the session id is not valid URL encoding' });
    return true;
  }
  const detail = sessionDetail(store.spans(), store.annotations(), sessionId);
  if (detail) sendJson(res, 200, detail);
  else sendJson(res, 404, { error: `no traces of session ${sessionId}` });
  return true;
}
