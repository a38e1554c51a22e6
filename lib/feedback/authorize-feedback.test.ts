import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpError } from '@/lib/http/http-error';
import { authorizeFeedback, issueFeedbackToken } from './authorize-feedback';
import { resetFeedbackSigningKey } from './feedback-token';
import { readConfig } from '@/lib/config/read-config';

const env = { FEEDBACK_SIGNING_KEY: 'authorize-feedback-test-key-0123456789' };
const answer = { traceId: '1'.repeat(32), spanId: '2'.repeat(16) };
const USER = '6f1c2a4e-0d6b-4d7e-9b1a-2c3d4e5f6a7b';
const requestAs = (cookie?: string) => new Request('http://app/api/x', { method: 'POST', headers: cookie ? { cookie } : {} });

beforeAll(() => resetFeedbackSigningKey());
afterAll(() => resetFeedbackSigningKey());

describe('authorizeFeedback (the check every feedback-like route shares)', () => {
  it("resolves for the answer's own browser and token", async () => {
    const token = await issueFeedbackToken({ ...answer, userId: USER }, readConfig(env));
    await expect(authorizeFeedback(requestAs(`x=1; tc_uid=${USER}`), { ...answer, token }, readConfig(env))).resolves.toBeUndefined();
  });

  it('throws HttpError 403 feedback_forbidden otherwise, saying why', async () => {
    const token = await issueFeedbackToken({ ...answer, userId: USER }, readConfig(env));
    const refused = async (request: Request, target: Parameters<typeof authorizeFeedback>[1], nowMs?: number) => {
      const error = await authorizeFeedback(request, target, readConfig(env), nowMs).then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(HttpError);
      expect(error).toMatchObject({ status: 403, code: 'feedback_forbidden' });
      return (error as HttpError).message;
    };
    expect(await refused(requestAs(`tc_uid=${USER}`), answer)).toMatch(/no feedback token/);
    expect(await refused(requestAs(), { ...answer, token })).toMatch(/does not belong/);
    expect(await refused(requestAs('tc_uid=not-a-uuid'), { ...answer, token })).toMatch(/does not belong/);
    expect(await refused(requestAs('tc_uid=0b6f2c1e-2f0a-4c4e-9a4b-1d2e3f405162'), { ...answer, token })).toMatch(/does not belong/);
    expect(await refused(requestAs(`tc_uid=${USER}`), { ...answer, token }, Date.now() + 8 * 24 * 3600 * 1000)).toMatch(/expired/);
    expect(await refused(requestAs(`tc_uid=${USER}`), { ...answer, token: 'junk' })).toMatch(/malformed/);
  });
});
