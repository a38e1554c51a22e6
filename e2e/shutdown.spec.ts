import { expect, test } from '@playwright/test';
import { E2E, appEnv } from '../playwright.config';
import { chatBody, spawnNext, traceIdOf } from './support/spawn-next';
import { waitForTurnSpans } from './support/turn-spans';

const PORT = Number(new URL(E2E.appUrl).port) + 2;

test("next start receiving SIGTERM right after a chat still delivers that chat's spans", async ({ request }) => {
  // No per-turn flush and a 60 s batch delay: only the shutdown flush can deliver the spans in time.
  const server = await spawnNext('start', PORT, appEnv({ OTEL_BSP_SCHEDULE_DELAY: '60000', TRACE_FLUSH_AFTER_TURN: '0' }));
  const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
  try {
    const response = await request.post(`http://127.0.0.1:${PORT}/api/chat`, { data: chatBody('shutdown-check', 'Goodbye soon') });
    await response.body();
    const traceId = traceIdOf(response.headers()['traceresponse']);
    expect(traceId).toBeTruthy();
    server.kill('SIGTERM');
    await exited;
    const { chain, llm } = await waitForTurnSpans(traceId!, 3_000);
    expect(chain.attributes['stream.outcome']).toBe('completed');
    expect(llm.attributes['llm.token_count.total']).toBeGreaterThan(0);
  } finally {
    server.kill('SIGKILL');
  }
});
