import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { LambdaSandbox } from './aws/lambda-sandbox';
import { settledTurn } from './cloudflare/cloudflare-turns';
import { SettleReports } from './cloudflare/settle-reports';
import { WorkerdDev } from './cloudflare/workerd-dev';
import { SERVERLESS } from './playwright.config';
import { chatBody, traceIdOf } from './support/chat-request';
import { phoenixApiKey, phoenixUrl, waitForPhoenixSpans } from '../e2e/phoenix/phoenix-api';

const PHOENIX_TEST_URL = phoenixUrl();

/**
 * The real Phoenix as the judge (runs when PHOENIX_TEST_URL is set): the function exports straight
 * to Phoenix, and Phoenix is asked while the Lambda is frozen, or after workerd was killed, so
 * whatever it stores left the function before the freeze or the disposal.
 */
const LAMBDA_HANDLER = path.resolve(__dirname, '../.open-next-aws/server-functions/default/index.mjs');
const WORKER = path.resolve(__dirname, '../.open-next/worker.js');
const project = `traced-chat-serverless-${Date.now().toString(36)}`;
const env = {
  PHOENIX_COLLECTOR_ENDPOINT: PHOENIX_TEST_URL ?? '',
  ...(phoenixApiKey() ? { PHOENIX_API_KEY: phoenixApiKey()! } : {}),
  PHOENIX_PROJECT_NAME: project,
  OFFLINE_MODEL_DELAY_MS: '0',
  OTEL_BSP_SCHEDULE_DELAY: '60000',
};

test.skip(!PHOENIX_TEST_URL, 'PHOENIX_TEST_URL is not set: no real Phoenix to ask');

test('AWS Lambda → Phoenix: a tool turn is stored complete while the function is frozen', async () => {
  test.skip(!existsSync(LAMBDA_HANDLER), 'run npm run build:aws first');
  const lambda = await LambdaSandbox.start(LAMBDA_HANDLER, env);
  try {
    const response = await lambda.invoke({ method: 'POST', path: '/api/chat', headers: { 'content-type': 'application/json' }, body: chatBody('phx-aws', 'What is 17 * 23?') });
    expect(response.statusCode).toBe(200);
    await expectStoredToolTurn(traceIdOf(response.headers.traceresponse));
  } finally {
    await lambda.close();
  }
});

test('Cloudflare Workers → Phoenix: a tool turn is stored complete after workerd is killed at settle', async () => {
  test.skip(!existsSync(WORKER), 'run npm run build:cloudflare first');
  const reports = await SettleReports.start(SERVERLESS.basePort + 32);
  const dev = await WorkerdDev.start(SERVERLESS.basePort + 12, { ...env, SETTLE_REPORT_URL: reports.url });
  try {
    const turn = await settledTurn(dev, reports, 'What is 17 * 23?');
    await dev.dispose();
    await expectStoredToolTurn(turn.traceId);
  } finally {
    await dev.dispose();
    await reports.close();
  }
});

/** Phoenix inserts asynchronously (~0.5 s): poll (and re-read once settled), while nothing can be sent any more. */
async function expectStoredToolTurn(traceId: string): Promise<void> {
  const spans = await waitForPhoenixSpans(project, traceId, (stored) => stored.length >= 4, 15_000);
  expect(spans).toHaveLength(4);
  const agent = spans.find((s) => s.span_kind === 'AGENT');
  const llms = spans.filter((s) => s.span_kind === 'LLM');
  const tool = spans.find((s) => s.span_kind === 'TOOL');
  expect(agent?.parent_id, 'the turn is the root Phoenix shows').toBeNull();
  expect(llms).toHaveLength(2);
  for (const llm of llms) {
    expect(llm.parent_id).toBe(agent!.context.span_id);
    expect(llm.attributes['stream.outcome']).toBe('completed');
    expect(Number.isInteger(llm.attributes['llm.token_count.total'])).toBe(true);
  }
  expect(tool?.parent_id).toBe(agent!.context.span_id);
  expect(String(agent!.attributes['output.value'])).toContain('391');
}
