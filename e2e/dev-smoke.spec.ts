import { expect, test } from '@playwright/test';
import { E2E, appEnv } from '../playwright.config';
import { chatBody, spawnNext, traceIdOf } from './support/spawn-next';
import { waitForTurnSpans } from './support/turn-spans';

const PORT = Number(new URL(E2E.appUrl).port) + 3;

test('next dev: one chat, its spans arrive', async ({ request }) => {
  test.setTimeout(180_000); // next dev compiles the page and the route on first request
  const server = await spawnNext('dev', PORT, appEnv({ OTEL_BSP_SCHEDULE_DELAY: '200' }), 120_000);
  try {
    const response = await request.post(`http://127.0.0.1:${PORT}/api/chat`, { data: chatBody('dev-smoke', 'Hello from next dev'), timeout: 120_000 });
    expect(response.status()).toBe(200);
    const body = await response.text();
    expect(body).toContain('text-delta');
    const { chain, llm } = await waitForTurnSpans(traceIdOf(response.headers()['traceresponse'])!);
    expect(chain.attributes['input.value']).toBe('Hello from next dev');
    expect(llm.parentSpanId).toBe(chain.spanId);
    expect(llm.attributes['llm.token_count.total']).toBeGreaterThan(0);
  } finally {
    server.kill('SIGTERM');
  }
});
