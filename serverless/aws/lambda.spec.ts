import path from 'node:path';
import { existsSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { SERVERLESS } from '../playwright.config';
import { appEnv, chatBody, traceIdOf } from '../support/chat-request';
import { actionTraceId, followUpsActionId, followUpsActionRequest } from '../support/server-action';
import { expectCompleteTurnNow, expectNothingUntilThawed } from '../support/turn-trace';
import { LambdaSandbox } from './lambda-sandbox';

/**
 * AWS Lambda: the OpenNext server function (`npm run build:aws`, streaming wrapper) in a sandbox
 * that freezes its process the moment each invocation settles. Every check reads the receiver while
 * the function is frozen: spans still queued in it would be missing.
 */
const FUNCTION_DIR = path.resolve(__dirname, '../../.open-next-aws/server-functions/default');
const HANDLER = path.join(FUNCTION_DIR, 'index.mjs');
const env = (extra: Record<string, string> = {}) => appEnv(SERVERLESS.receiverUrl, SERVERLESS.apiKey, extra);
const chat = (route: string, id: string, text: string) => ({
  method: 'POST',
  path: route,
  headers: { 'content-type': 'application/json' },
  body: chatBody(id, text),
});

test.describe('AWS Lambda (OpenNext, frozen after every invocation)', () => {
  test.skip(!existsSync(HANDLER), `no ${HANDLER}: run npm run build:aws first`);
  let lambda: LambdaSandbox;
  // A 60 s batch delay: only the per-turn flush can deliver before the freeze.
  test.beforeAll(async () => (lambda = await LambdaSandbox.start(HANDLER, env({ OTEL_BSP_SCHEDULE_DELAY: '60000' }))));
  test.afterAll(async () => lambda?.close());

  // The edge-runtime route is not served by OpenNext's Node server function (docs/deployment.md "Deploy").
  for (const route of ['/api/chat']) {
    test(`${route}: plain, tool and error turns are at the receiver before each freeze`, async () => {
      const plain = await lambda.invoke(chat(route, 'aws-plain', 'Hello from Lambda'));
      expect(plain.statusCode, lambda.stderr.join('').slice(-1500)).toBe(200);
      expect(plain.body).toContain('"type":"finish"');
      await expectCompleteTurnNow(traceIdOf(plain.headers.traceresponse), { outcome: 'completed' });

      const tool = await lambda.invoke(chat(route, 'aws-tool', 'What is 17 * 23?'));
      expect(tool.body).toContain('391');
      await expectCompleteTurnNow(traceIdOf(tool.headers.traceresponse), { outcome: 'completed', llmCalls: 2, toolSpans: 1 });

      const failed = await lambda.invoke(chat(route, 'aws-fail', '/fail'));
      expect(failed.body).toContain('"type":"error"');
      await expectCompleteTurnNow(traceIdOf(failed.headers.traceresponse), { outcome: 'error', output: false });

      const failedMid = await lambda.invoke(chat(route, 'aws-fail-mid', '/fail-mid Tell me a story'));
      await expectCompleteTurnNow(traceIdOf(failedMid.headers.traceresponse), { outcome: 'error' });
    });
  }

  test('the follow-ups server action: its CHAIN turn is at the receiver before the freeze', async () => {
    const response = await lambda.invoke(followUpsActionRequest(followUpsActionId(path.join(FUNCTION_DIR, '.next')), 'aws-action'));
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    await expectCompleteTurnNow(actionTraceId(response.body), { outcome: 'completed', kind: 'CHAIN' });
  });
});

test('AWS Lambda harness can fail: with TRACE_FLUSH_AFTER_TURN=0 the spans are not there at the freeze, and leave on the thaw', async () => {
  test.skip(!existsSync(HANDLER), `no ${HANDLER}: run npm run build:aws first`);
  const lambda = await LambdaSandbox.start(HANDLER, env({ TRACE_FLUSH_AFTER_TURN: '0', OTEL_BSP_SCHEDULE_DELAY: '1000' }));
  try {
    const response = await lambda.invoke(chat('/api/chat', 'aws-no-flush', 'Hello without a flush'));
    expect(response.statusCode).toBe(200);
    const traceId = traceIdOf(response.headers.traceresponse);
    // Frozen for longer than the batch delay: the batch timer cannot run in a stopped process.
    await expectNothingUntilThawed(traceId, () => lambda.thaw());
  } finally {
    await lambda.close();
  }
});
