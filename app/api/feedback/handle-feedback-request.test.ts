import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueFeedbackToken } from '@/lib/feedback/authorize-feedback';
import { resetFeedbackSigningKey, signFeedbackToken, feedbackSigningKey } from '@/lib/feedback/feedback-token';
import { handleFeedbackRequest } from './handle-feedback-request';
import { readConfig } from '@/lib/config/read-config';

const received: { url?: string; headers: IncomingMessage['headers']; body: unknown }[] = [];
let status = 200;
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    received.push({ url: req.url, headers: req.headers, body: JSON.parse(body) });
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(status === 200 ? { data: [{ id: 'A1' }] } : { detail: 'nope' }));
  });
});
let phoenix = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  phoenix = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const TRACE = '0af7651916cd43dd8448eb211c80319c';
const SPAN = 'b7ad6b7169203331';
const USER = '6f1c2a4e-0d6b-4d7e-9b1a-2c3d4e5f6a7b';
const OTHER_USER = '0b6f2c1e-2f0a-4c4e-9a4b-1d2e3f405162';
const SIGNING = { FEEDBACK_SIGNING_KEY: 'feedback-signing-key-for-tests-0123456789' };
let TOKEN = '';
beforeAll(async () => {
  resetFeedbackSigningKey();
  TOKEN = await issueFeedbackToken({ traceId: TRACE, spanId: SPAN, userId: USER }, readConfig(SIGNING));
});
afterAll(() => resetFeedbackSigningKey());

/** Posts as the browser whose tc_uid cookie is `user`; the answer's token is added unless the body has one. */
const post = (body: Record<string, unknown>, env: Record<string, string>, user: string | null = USER) =>
  handleFeedbackRequest(
    new Request('http://app/api/feedback', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(user ? { cookie: `tc_uid=${user}` } : {}) },
      body: JSON.stringify('token' in body ? body : { ...body, token: TOKEN }),
    }),
    readConfig({ ...SIGNING, ...env }),
  );

describe('POST /api/feedback', () => {
  it('records a span annotation on the given span in Phoenix, with the key server-side', async () => {
    status = 200;
    const response = await post({ traceId: TRACE, spanId: SPAN, rating: 'down', comment: 'wrong sum' }, {
      PHOENIX_COLLECTOR_ENDPOINT: `${phoenix}/v1/traces`,
      PHOENIX_API_KEY: 'k-123',
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, annotationId: 'A1' });
    const last = received.at(-1)!;
    expect(last.url).toBe('/v1/span_annotations?sync=true');
    expect(last.headers.authorization).toBe('Bearer k-123');
    expect(last.body).toEqual({
      data: [
        {
          span_id: SPAN,
          name: 'user_feedback',
          annotator_kind: 'HUMAN',
          result: { label: 'thumbs-down', score: 0, explanation: 'wrong sum' },
          metadata: { trace_id: TRACE, source: 'traced-chat' },
        },
      ],
    });
  });

  it('says feedback is not recorded when no Phoenix is configured (503)', async () => {
    const response = await post({ traceId: TRACE, spanId: SPAN, rating: 'up' }, {});
    expect(response.status).toBe(503);
    expect((await response.json()).error.code).toBe('feedback_disabled');
  });

  it('maps a Phoenix refusal to 502 with its status', async () => {
    status = 404;
    const response = await post({ traceId: TRACE, spanId: SPAN, rating: 'up' }, { PHOENIX_COLLECTOR_ENDPOINT: phoenix });
    expect(response.status).toBe(502);
    const message = (await response.json()).error.message as string;
    expect(message).toContain('HTTP 404');
    // Phoenix's own answer stays in the server log.
    expect(message).not.toContain('nope');
  });

  it('refuses a missing, malformed, forged, expired or other browser\'s token with 403 JSON, recording nothing', async () => {
    status = 200;
    const env = { PHOENIX_COLLECTOR_ENDPOINT: phoenix };
    const before = received.length;
    const forgedKey = await crypto.subtle.importKey('raw', new TextEncoder().encode('x'.repeat(40)), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    const key = await feedbackSigningKey(readConfig(SIGNING));
    const cases: [string, Record<string, unknown>, string | null][] = [
      ['missing', { traceId: TRACE, spanId: SPAN, rating: 'up', token: undefined }, USER],
      ['malformed', { traceId: TRACE, spanId: SPAN, rating: 'up', token: 'v1.garbage' }, USER],
      ['forged (other key)', { traceId: TRACE, spanId: SPAN, rating: 'up', token: await signFeedbackToken({ traceId: TRACE, spanId: SPAN, userId: USER }, forgedKey) }, USER],
      ['expired', { traceId: TRACE, spanId: SPAN, rating: 'up', token: await signFeedbackToken({ traceId: TRACE, spanId: SPAN, userId: USER }, key, Date.now() - 10_000, 1) }, USER],
      ['another user', { traceId: TRACE, spanId: SPAN, rating: 'up' }, OTHER_USER],
      ['no user cookie', { traceId: TRACE, spanId: SPAN, rating: 'up' }, null],
      ['another span', { traceId: TRACE, spanId: 'c'.repeat(16), rating: 'up' }, USER],
      ['another trace', { traceId: 'd'.repeat(32), spanId: SPAN, rating: 'up' }, USER],
    ];
    for (const [name, body, user] of cases) {
      const response = await post(body, env, user);
      expect(response.status, name).toBe(403);
      const json = await response.json();
      expect(json.error.code, name).toBe('feedback_forbidden');
    }
    expect(received.length).toBe(before);
  });

  it.each([
    [{ traceId: TRACE, spanId: 'XYZ', rating: 'up' }, 'spanId'],
    [{ traceId: TRACE, spanId: '0000000000000000', rating: 'up' }, 'spanId: spanId must not be all zeros'],
    [{ traceId: 'short', spanId: SPAN, rating: 'up' }, 'traceId'],
    [{ traceId: TRACE, spanId: SPAN, rating: 'meh' }, 'rating'],
    [{ traceId: TRACE, spanId: SPAN, rating: 'up', comment: 'x'.repeat(1001) }, 'comment'],
    [{ traceId: TRACE, spanId: SPAN, rating: 'up', extra: 1 }, 'extra'],
    [{ traceId: TRACE, spanId: SPAN, rating: 'up', token: 5 }, 'token'],
  ])('rejects %j with a 400 naming the field', async (body: Record<string, unknown>, field) => {
    const before = received.length;
    const response = await post(body, { PHOENIX_COLLECTOR_ENDPOINT: phoenix });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain(field);
    expect(received.length).toBe(before);
  });
});
