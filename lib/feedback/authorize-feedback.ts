/**
 * The one check every route that acts on an answer's feedback makes (`/api/feedback`, and any other
 * route that records something about an answer, e.g. "add this answer to a dataset"): the request
 * carries the answer's signed feedback token (see feedback-token.ts), issued for this trace and span
 * to the anonymous user whose `tc_uid` cookie the request carries, and not expired. Anything else is
 * a 403 `feedback_forbidden` (as an `HttpError`, so `errorResponse` answers JSON). Web Crypto and
 * the Fetch API only: works on the Node and edge runtimes alike.
 */
import { HttpError } from '@/lib/http/http-error';
import { isAnonymousUserId, readCookie, USER_COOKIE } from '@/lib/http/anonymous-user';
import type { AppConfig } from '@/lib/config/config-types';
import { appConfig } from '@/lib/config/app-config';
import { feedbackSigningKey, signFeedbackToken, verifyFeedbackToken, type FeedbackClaims } from './feedback-token';

export interface FeedbackTarget {
  traceId: string;
  spanId: string;
  /** The answer's token, as the client got it in the message metadata. */
  token?: string;
}

const REASONS = {
  missing: 'This request carries no feedback token: only the browser that received an answer can rate it.',
  malformed: 'The feedback token is malformed.',
  expired: 'The feedback token has expired: answers can be rated for 7 days.',
  invalid: 'The feedback token does not belong to this answer or to this browser.',
} as const;

/** Resolves when `request` may act on the answer `target` names; throws `HttpError(403)` otherwise. */
export async function authorizeFeedback(request: Request, target: FeedbackTarget, config: Pick<AppConfig, 'feedback'> = appConfig(), nowMs = Date.now()): Promise<void> {
  const userId = readCookie(request.headers.get('cookie'), USER_COOKIE);
  const check = isAnonymousUserId(userId)
    ? await verifyFeedbackToken(target.token, { traceId: target.traceId, spanId: target.spanId, userId }, await feedbackSigningKey(config), nowMs)
    : ({ ok: false, reason: target.token ? 'invalid' : 'missing' } as const);
  if (!check.ok) throw new HttpError(403, 'feedback_forbidden', REASONS[check.reason]);
}

/** The token to hand out with an answer (its turn's trace and span, for this anonymous user). */
export async function issueFeedbackToken(claims: FeedbackClaims, config: Pick<AppConfig, 'feedback'> = appConfig()): Promise<string> {
  return signFeedbackToken(claims, await feedbackSigningKey(config));
}
