import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { SERVERLESS } from '../playwright.config';
import { appEnv, chatBody, traceIdOf } from '../support/chat-request';
import { actionTraceId, followUpsActionId, followUpsActionRequest } from '../support/server-action';
import { expectCompleteTurnNow, expectNothingUntilThawed } from '../support/turn-trace';
import { VercelFunction } from './vercel-function';

/**
 * Vercel: Next's own build under the request context Vercel's Node.js runtime provides
 * (`@next/request-context` → waitUntil), frozen the moment the response and the waitUntil work are
 * done. Our flush reaches the platform through Next's after(); the checks read the receiver frozen.
 */
const BUILD_ID = path.resolve(__dirname, '../../.next/BUILD_ID');
const PORT = SERVERLESS.basePort + 40;
const env = (extra: Record<string, string>) => appEnv(SERVERLESS.receiverUrl, SERVERLESS.apiKey, { OTEL_BSP_SCHEDULE_DELAY: '60000', ...extra });
const chat = (id: string, text: string): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: chatBody(id, text) });

test.describe('Vercel (Next request context, frozen after waitUntil)', () => {
  test.skip(!existsSync(BUILD_ID), 'no .next build: run next build first');
  let fn: VercelFunction;
  test.beforeAll(async () => (fn = await VercelFunction.start(PORT, env({}))));
  test.afterAll(async () => fn?.close());

  for (const route of ['/api/chat', '/api/chat/edge']) {
    test(`${route}: plain, tool, error and Stop turns are complete at the receiver before the freeze, flushed through waitUntil`, async () => {
      const plain = await fn.request(route, chat('vercel-plain', 'Hello from Vercel'));
      expect(plain.status).toBe(200);
      expect(plain.waitUntilCalls).toBeGreaterThanOrEqual(1);
      await expectCompleteTurnNow(traceIdOf(plain.headers.get('traceresponse')), { outcome: 'completed' });

      const tool = await fn.request(route, chat('vercel-tool', 'What is 17 * 23?'));
      await expectCompleteTurnNow(traceIdOf(tool.headers.get('traceresponse')), { outcome: 'completed', llmCalls: 2, toolSpans: 1 });

      const failed = await fn.request(route, chat('vercel-fail', '/fail'));
      await expectCompleteTurnNow(traceIdOf(failed.headers.get('traceresponse')), { outcome: 'error', output: false });

      const failedMid = await fn.request(route, chat('vercel-fail-mid', '/fail-mid Tell me a story'));
      await expectCompleteTurnNow(traceIdOf(failedMid.headers.get('traceresponse')), { outcome: 'error' });

      const stopped = await fn.request(route, chat('vercel-stop', '/slow Tell me about tracing'), 600);
      await expectCompleteTurnNow(traceIdOf(stopped.headers.get('traceresponse')), { outcome: 'aborted' });
    });
  }

  test('the follow-ups server action is complete at the receiver before the freeze', async () => {
    const request = followUpsActionRequest(followUpsActionId(path.resolve(__dirname, '../../.next')), 'vercel-action');
    const response = await fn.request(request.path, request);
    expect(response.status, response.body.slice(0, 300)).toBe(200);
    await expectCompleteTurnNow(actionTraceId(response.body), { outcome: 'completed', kind: 'CHAIN' });
  });
});

test('Vercel harness can fail: with TRACE_FLUSH_AFTER_TURN=0 nothing is at the receiver at the freeze', async () => {
  test.skip(!existsSync(BUILD_ID), 'no .next build: run next build first');
  const fn = await VercelFunction.start(PORT + 1, env({ TRACE_FLUSH_AFTER_TURN: '0', OTEL_BSP_SCHEDULE_DELAY: '1000' }));
  try {
    const response = await fn.request('/api/chat', chat('vercel-no-flush', 'Hello without a flush'));
    const traceId = traceIdOf(response.headers.get('traceresponse'));
    await expectNothingUntilThawed(traceId, () => fn.thaw());
  } finally {
    await fn.close();
  }
});
