import { expect, test, type APIRequestContext } from '@playwright/test';
import { appEnv, E2E } from '../../playwright.config';
import { fetchAnnotations } from '../../receiver/api';
import { chatBody, startNextCollecting } from '../support/spawn-next';

/**
 * Feedback only from the browser that got the answer: the answer's metadata carries a signed token,
 * and /api/feedback refuses a missing, forged, tampered or another browser's token with 403 JSON —
 * nothing reaches Phoenix (here the receiver standing in for it).
 */
interface Answer {
  traceId: string;
  spanId: string;
  token: string;
}

/** One chat turn through `api` (its own cookie jar = one browser); the answer's ids and feedback token. */
async function ask(api: APIRequestContext, text: string, baseUrl = E2E.appUrl, route = '/api/chat'): Promise<Answer> {
  const response = await api.post(`${baseUrl}${route}`, { data: chatBody(`tokens-${Date.now()}`, text) });
  expect(response.status()).toBe(200);
  for (const line of (await response.text()).split('\n')) {
    if (!line.startsWith('data: {')) continue;
    const part = JSON.parse(line.slice(6)) as { type?: string; messageMetadata?: { traceId?: string; spanId?: string; feedbackToken?: string } };
    const meta = part.messageMetadata;
    if (part.type === 'start' && meta?.traceId && meta.spanId && meta.feedbackToken) return { traceId: meta.traceId, spanId: meta.spanId, token: meta.feedbackToken };
  }
  throw new Error('no start metadata with a feedback token in the stream');
}

test("another browser, a forged or tampered token, or none: 403 and no annotation; the owner's token works", async ({ playwright }) => {
  const owner = await playwright.request.newContext({ baseURL: E2E.appUrl });
  const stranger = await playwright.request.newContext({ baseURL: E2E.appUrl });
  try {
    const answer = await ask(owner, 'Rate me, but only you');
    const other = await ask(stranger, 'My own answer');
    const rate = (api: APIRequestContext, body: Record<string, unknown>) => api.post('/api/feedback', { data: { rating: 'down', ...body } });
    const [version, expiry, signature] = answer.token.split('.');
    const flipped = `${signature!.slice(0, -2)}${signature!.endsWith('AA') ? 'AB' : 'AA'}`;
    const attempts: [string, APIRequestContext, Record<string, unknown>][] = [
      ['no token', owner, { traceId: answer.traceId, spanId: answer.spanId }],
      ["the owner's token from another browser", stranger, { traceId: answer.traceId, spanId: answer.spanId, token: answer.token }],
      ["another answer's token", owner, { traceId: answer.traceId, spanId: answer.spanId, token: other.token }],
      ['a tampered signature', owner, { traceId: answer.traceId, spanId: answer.spanId, token: `${version}.${expiry}.${flipped}` }],
      ['an extended expiry', owner, { traceId: answer.traceId, spanId: answer.spanId, token: `${version}.${Number(expiry) + 3600}.${signature}` }],
      ['a made-up token', owner, { traceId: answer.traceId, spanId: answer.spanId, token: `v1.9999999999.${'A'.repeat(43)}` }],
      ['the right token for a different span', owner, { traceId: other.traceId, spanId: other.spanId, token: answer.token }],
    ];
    for (const [what, api, body] of attempts) {
      const response = await rate(api, body);
      expect(response.status(), what).toBe(403);
      const json = await response.json();
      expect(json.error.code, what).toBe('feedback_forbidden');
    }
    expect(await fetchAnnotations(E2E.receiverUrl, answer.spanId)).toEqual([]);
    expect(await fetchAnnotations(E2E.receiverUrl, other.spanId)).toEqual([]);

    const ok = await rate(owner, { traceId: answer.traceId, spanId: answer.spanId, token: answer.token, comment: 'mine' });
    expect(ok.status()).toBe(200);
    await expect.poll(async () => (await fetchAnnotations(E2E.receiverUrl, answer.spanId)).length).toBe(1);
  } finally {
    await owner.dispose();
    await stranger.dispose();
  }
});

test('a token issued by one instance verifies on another that shares FEEDBACK_SIGNING_KEY (serverless)', async ({ playwright }) => {
  // The e2e config runs two `next start` processes with the same FEEDBACK_SIGNING_KEY; cookies are
  // per host, not per port, so one jar is one browser for both.
  const browser = await playwright.request.newContext();
  try {
    const answer = await ask(browser, 'Answered by the second instance', E2E.slowBatchAppUrl);
    const response = await browser.post(`${E2E.appUrl}/api/feedback`, { data: { rating: 'up', ...answer } });
    expect(response.status()).toBe(200);
    await expect.poll(async () => (await fetchAnnotations(E2E.receiverUrl, answer.spanId)).length, { timeout: 20_000 }).toBe(1);
  } finally {
    await browser.dispose();
  }
});

test('without FEEDBACK_SIGNING_KEY, an answer from the edge route can be rated through the Node route (one key per process)', async ({ playwright }) => {
  const port = Number(new URL(E2E.appUrl).port) + 26;
  const { server, output } = await startNextCollecting(port, appEnv({ FEEDBACK_SIGNING_KEY: '' }));
  const browser = await playwright.request.newContext();
  try {
    const baseUrl = `http://127.0.0.1:${port}`;
    const answer = await ask(browser, 'Answered on the edge', baseUrl, '/api/chat/edge');
    const response = await browser.post(`${baseUrl}/api/feedback`, { data: { rating: 'up', ...answer } });
    expect(response.status(), await response.text()).toBe(200);
    expect(output.stderr.join('') + output.stdout.join('')).toContain('FEEDBACK_SIGNING_KEY is not set');
  } finally {
    await browser.dispose();
    server.kill('SIGTERM');
  }
});
