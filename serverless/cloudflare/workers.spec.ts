import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { SERVERLESS } from '../playwright.config';
import { appEnv } from '../support/chat-request';
import { actionTraceId, followUpsActionId, followUpsActionRequest } from '../support/server-action';
import { expectCompleteTurnNow, spansNow } from '../support/turn-trace';
import { settledTurn } from './cloudflare-turns';
import { SettleReports } from './settle-reports';
import { WorkerdDev } from './workerd-dev';

/**
 * Cloudflare Workers: the app built by `npm run build:cloudflare` (OpenNext) running in workerd.
 * Every check reads the receiver at the moment the worker reports the request settled (response
 * done, every ctx.waitUntil promise settled), which is when Cloudflare may evict the isolate.
 */
const WORKER = path.resolve(__dirname, '../../.open-next/worker.js');
const vars = (extra: Record<string, string>) =>
  appEnv(SERVERLESS.receiverUrl, SERVERLESS.apiKey, { OTEL_BSP_SCHEDULE_DELAY: '60000', ...extra });

test.describe('Cloudflare Workers (OpenNext in workerd)', () => {
  test.skip(!existsSync(WORKER), 'no .open-next/worker.js: run npm run build:cloudflare first');
  let reports: SettleReports;
  let dev: WorkerdDev;
  test.beforeAll(async () => {
    reports = await SettleReports.start(SERVERLESS.basePort + 30);
    dev = await WorkerdDev.start(SERVERLESS.basePort, vars({ SETTLE_REPORT_URL: reports.url }));
  });
  test.afterAll(async () => {
    await dev?.dispose();
    await reports?.close();
  });

  test('plain, tool and error turns are complete at the receiver when the request settles', async () => {
    const plain = await settledTurn(dev, reports, 'Hello from workerd');
    expect(plain.body).toContain('"type":"finish"');
    expect(plain.report.end).toBe('complete');
    // The turn's flush went through the platform: after() → ctx.waitUntil.
    expect(plain.report.waitUntilCalls).toBeGreaterThanOrEqual(1);
    await expectCompleteTurnNow(plain.traceId, { outcome: 'completed' });

    const tool = await settledTurn(dev, reports, 'What is 17 * 23?');
    expect(tool.body).toContain('391');
    await expectCompleteTurnNow(tool.traceId, { outcome: 'completed', llmCalls: 2, toolSpans: 1 });

    const failed = await settledTurn(dev, reports, '/fail');
    expect(failed.body).toContain('"type":"error"');
    await expectCompleteTurnNow(failed.traceId, { outcome: 'error', output: false });

  });

  test('an error mid-stream (/fail-mid): the LLM span keeps its outcome and partial output', async () => {
    // On workerd the turn used to end first and @vercel/otel force-ended this LLM span (UNSET, no
    // outcome, no output); the turn now ends its open children first, with their own final state.
    const failedMid = await settledTurn(dev, reports, '/fail-mid Tell me a story');
    await expectCompleteTurnNow(failedMid.traceId, { outcome: 'error' });
  });

  test('Stop mid-stream: the aborted turn is complete at the receiver when the request settles', async () => {
    const stopped = await settledTurn(dev, reports, '/slow Tell me about tracing', 600);
    expect(stopped.report.end).toBe('cancelled');
    await expectCompleteTurnNow(stopped.traceId, { outcome: 'aborted' });
  });

  test('the follow-ups server action: its CHAIN turn is complete at the receiver when the request settles', async () => {
    const id = `cf-action-${process.pid}`;
    const request = followUpsActionRequest(followUpsActionId(path.resolve(__dirname, '../../.open-next/server-functions/default/.next')), id);
    const response = await fetch(`${dev.url}${request.path}`, { method: request.method, headers: { ...request.headers, 'x-settle-id': id }, body: request.body });
    const body = await response.text();
    expect(response.status, body.slice(0, 300)).toBe(200);
    await reports.next(id);
    await expectCompleteTurnNow(actionTraceId(body), { outcome: 'completed', kind: 'CHAIN' });
  });
});

test.describe('Cloudflare Workers: the isolate disposed the moment the request settles', () => {
  test.skip(!existsSync(WORKER), 'no .open-next/worker.js: run npm run build:cloudflare first');

  /** One turn on a fresh worker, killed the moment the request settles; the spans the receiver then holds. */
  async function turnThenDispose(port: number, extra: Record<string, string>) {
    const reports = await SettleReports.start(SERVERLESS.basePort + 31);
    const dev = await WorkerdDev.start(port, vars({ SETTLE_REPORT_URL: reports.url, ...extra }));
    try {
      const turn = await settledTurn(dev, reports, 'Hello, then goodbye');
      await dev.dispose();
      return turn;
    } finally {
      await dev.dispose();
      await reports.close();
    }
  }

  test('with the per-turn flush the turn is complete after disposal; without it nothing arrives (the harness can fail)', async () => {
    test.setTimeout(180_000);
    const flushed = await turnThenDispose(SERVERLESS.basePort + 10, {});
    await expectCompleteTurnNow(flushed.traceId, { outcome: 'completed' });

    const unflushed = await turnThenDispose(SERVERLESS.basePort + 20, { TRACE_FLUSH_AFTER_TURN: '0', OTEL_BSP_SCHEDULE_DELAY: '1000' });
    // Longer than the batch delay: a disposed isolate never exports what it still held.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await spansNow(unflushed.traceId)).toEqual([]);
    // The flush is one more promise handed to ctx.waitUntil: Next's after() under OpenNext.
    expect(flushed.report.waitUntilCalls).toBeGreaterThan(unflushed.report.waitUntilCalls);
    console.log(`ctx.waitUntil calls per turn: ${flushed.report.waitUntilCalls} with the flush, ${unflushed.report.waitUntilCalls} without`);
  });
});
