/**
 * A signed feedback token per answer: only the person who got the answer may rate it. The token binds
 * the answer's trace id and span id to the anonymous user id (`tc_uid` cookie) and an expiry, signed
 * with HMAC-SHA-256 (Web Crypto: the same code on Node, edge and workers). The user id is not in the
 * token itself; the verifier supplies it from the request's cookie, so a token is useless to anyone
 * else. Format: `v1.<expiry epoch s>.<base64url signature>`.
 *
 * The key comes from `FEEDBACK_SIGNING_KEY` (any string of at least 32 characters), so every instance
 * of a serverless deployment accepts the tokens of the others. Without it a random key is generated
 * once per process (logged once): tokens then only verify on the instance that issued them.
 */
import type { AppConfig } from '@/lib/config/config-types';
import { appConfig } from '@/lib/config/app-config';
import { MIN_SIGNING_KEY_LENGTH } from '@/lib/config/config-defaults';
import { readSecret } from '@/lib/config/env-rules';

export const FEEDBACK_TOKEN_TTL_S = 7 * 24 * 60 * 60;

export interface FeedbackClaims {
  traceId: string;
  spanId: string;
  userId: string;
}

const KEY = Symbol.for('traced-chat.feedback-signing-key');
type Holder = { [KEY]?: Promise<CryptoKey> };

/**
 * Called once at start-up on the Node runtime (`instrumentation.ts`): without a usable
 * `FEEDBACK_SIGNING_KEY`, a random one is put in this process's environment, so that Next's edge
 * sandbox (which copies the environment when it starts) signs with the same key as the Node routes:
 * an answer from `/api/chat/edge` can then be rated through `/api/feedback`.
 */
export function ensureFeedbackSigningKey(env: Record<string, string | undefined>): void {
  const configured = readSecret(env, 'FEEDBACK_SIGNING_KEY', { minLength: MIN_SIGNING_KEY_LENGTH });
  if (configured.value) return;
  warnRandomKey(configured.problem !== undefined);
  env.FEEDBACK_SIGNING_KEY = Array.from(crypto.getRandomValues(new Uint8Array(32)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The process's signing key (imported once; `FEEDBACK_SIGNING_KEY`, read by lib/config). */
export function feedbackSigningKey(config: Pick<AppConfig, 'feedback'> = appConfig()): Promise<CryptoKey> {
  return ((globalThis as Holder)[KEY] ??= importKey(config.feedback.signingKey));
}

/** Forgets the cached key (tests that change the environment). */
export function resetFeedbackSigningKey(): void {
  delete (globalThis as Holder)[KEY];
}

/**
 * A short key is named by lib/config's start-up warning; here, only what a random key means. (On
 * next start, instrumentation.ts has already put a random key in the environment, so this is for
 * hosts without instrumentation.)
 */
function warnRandomKey(tooShort: boolean): void {
  console.warn(
    tooShort
      ? `[feedback] FEEDBACK_SIGNING_KEY is shorter than ${MIN_SIGNING_KEY_LENGTH} characters; ignored, using a random per-process key.`
      : '[feedback] FEEDBACK_SIGNING_KEY is not set: using a random per-process key. Feedback tokens then verify only on the instance that issued them (set the variable when running several instances or serverless).',
  );
}

async function importKey(signingKey: string | undefined): Promise<CryptoKey> {
  let material: Uint8Array;
  if (signingKey) {
    material = new TextEncoder().encode(signingKey);
  } else {
    warnRandomKey(false);
    material = crypto.getRandomValues(new Uint8Array(32));
  }
  return crypto.subtle.importKey('raw', material as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
}

/** Issues the token for `claims`, valid for `ttlS` seconds from `nowMs`. */
export async function signFeedbackToken(
  claims: FeedbackClaims,
  key: CryptoKey,
  nowMs = Date.now(),
  ttlS = FEEDBACK_TOKEN_TTL_S,
): Promise<string> {
  const expiry = Math.floor(nowMs / 1000) + ttlS;
  const signature = await crypto.subtle.sign('HMAC', key, signedBytes(claims, expiry));
  return `v1.${expiry}.${toBase64Url(new Uint8Array(signature))}`;
}

export type TokenCheck = { ok: true } | { ok: false; reason: 'missing' | 'malformed' | 'expired' | 'invalid' };

/** Checks `token` against the claims of this request (constant-time, by Web Crypto's `verify`). */
export async function verifyFeedbackToken(
  token: string | undefined,
  claims: FeedbackClaims,
  key: CryptoKey,
  nowMs = Date.now(),
): Promise<TokenCheck> {
  if (!token) return { ok: false, reason: 'missing' };
  const match = /^v1\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return { ok: false, reason: 'malformed' };
  const expiry = Number(match[1]);
  const signature = fromBase64Url(match[2]!);
  const valid = await crypto.subtle.verify('HMAC', key, signature as BufferSource, signedBytes(claims, expiry));
  if (!valid) return { ok: false, reason: 'invalid' };
  if (expiry * 1000 <= nowMs) return { ok: false, reason: 'expired' };
  return { ok: true };
}

function signedBytes(claims: FeedbackClaims, expiry: number): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(`traced-chat feedback v1|${claims.traceId}|${claims.spanId}|${claims.userId}|${expiry}`);
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}
