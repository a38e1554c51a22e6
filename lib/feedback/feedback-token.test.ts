import { afterEach, describe, expect, it } from 'vitest';
import { ensureFeedbackSigningKey, feedbackSigningKey, resetFeedbackSigningKey, signFeedbackToken, verifyFeedbackToken } from './feedback-token';
import { readConfig } from '@/lib/config/read-config';

const claims = { traceId: 'a'.repeat(32), spanId: 'b'.repeat(16), userId: '6f1c2a4e-0d6b-4d7e-9b1a-2c3d4e5f6a7b' };
const env = { FEEDBACK_SIGNING_KEY: 'k'.repeat(40) };

afterEach(() => resetFeedbackSigningKey());

describe('feedback tokens', () => {
  it('verify for the claims they were issued for, until they expire', async () => {
    const key = await feedbackSigningKey(readConfig(env));
    const token = await signFeedbackToken(claims, key, 1_000_000, 60);
    expect(token).toMatch(/^v1\.\d+\.[A-Za-z0-9_-]{43}$/);
    expect(await verifyFeedbackToken(token, claims, key, 1_000_000)).toEqual({ ok: true });
    expect(await verifyFeedbackToken(token, claims, key, 1_000_000 + 61_000)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuse another user, another span, another trace, a forged expiry and a missing or malformed token', async () => {
    const key = await feedbackSigningKey(readConfig(env));
    const token = await signFeedbackToken(claims, key);
    const other = (change: Partial<typeof claims>) => verifyFeedbackToken(token, { ...claims, ...change }, key);
    expect(await other({ userId: '00000000-0000-4000-8000-000000000000' })).toEqual({ ok: false, reason: 'invalid' });
    expect(await other({ spanId: 'c'.repeat(16) })).toEqual({ ok: false, reason: 'invalid' });
    expect(await other({ traceId: 'd'.repeat(32) })).toEqual({ ok: false, reason: 'invalid' });
    const [, expiry, signature] = token.split('.');
    expect(await verifyFeedbackToken(`v1.${Number(expiry) + 1000}.${signature}`, claims, key)).toEqual({ ok: false, reason: 'invalid' });
    expect(await verifyFeedbackToken(undefined, claims, key)).toEqual({ ok: false, reason: 'missing' });
    expect(await verifyFeedbackToken('v1.x.y', claims, key)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('verify across instances that share FEEDBACK_SIGNING_KEY, not with a different key', async () => {
    const issuer = await feedbackSigningKey(readConfig(env));
    const token = await signFeedbackToken(claims, issuer);
    resetFeedbackSigningKey();
    expect(await verifyFeedbackToken(token, claims, await feedbackSigningKey(readConfig(env)))).toEqual({ ok: true });
    resetFeedbackSigningKey();
    expect(await verifyFeedbackToken(token, claims, await feedbackSigningKey(readConfig({ FEEDBACK_SIGNING_KEY: 'z'.repeat(40) })))).toEqual({ ok: false, reason: 'invalid' });
  });

  it('get one random key per process at start-up when none is configured, kept in the environment', () => {
    const env: Record<string, string | undefined> = {};
    ensureFeedbackSigningKey(env);
    expect(env.FEEDBACK_SIGNING_KEY).toMatch(/^[0-9a-f]{64}$/);
    const first = env.FEEDBACK_SIGNING_KEY;
    ensureFeedbackSigningKey(env);
    expect(env.FEEDBACK_SIGNING_KEY).toBe(first);
    const short = { FEEDBACK_SIGNING_KEY: 'too-short' };
    ensureFeedbackSigningKey(short);
    expect(short.FEEDBACK_SIGNING_KEY).toMatch(/^[0-9a-f]{64}$/);
  });
});
