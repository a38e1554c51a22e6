/**
 * Sessions as the inspector pages read them from the local receiver (`GET /sessions`,
 * `GET /sessions/<id>`, see receiver/http/session-routes.ts). Server side only.
 */
export type { FeedbackCount, SessionDetail, SessionSummary, SessionTurn, TurnOutcome } from '@/receiver/api';
import type { SessionDetail, SessionSummary } from '@/receiver/api';
import { getJson } from './trace-api';

export async function listSessions(receiverUrl: string, limit = 100): Promise<SessionSummary[]> {
  const body = (await getJson(`${receiverUrl}/sessions?limit=${limit}`)) as { sessions: SessionSummary[] } | undefined;
  return body?.sessions ?? [];
}

/** One session with its turns in order, or undefined when the receiver holds no trace of it. */
export async function getSession(receiverUrl: string, sessionId: string): Promise<SessionDetail | undefined> {
  return (await getJson(`${receiverUrl}/sessions/${encodeURIComponent(sessionId)}`)) as SessionDetail | undefined;
}
