import { expect, test } from '@playwright/test';
import { E2E } from '../playwright.config';
import { CHAT_ROUTE, RUNTIMES } from './support/chat-page';
import { chatBody, traceIdOf } from './support/spawn-next';
import { waitForTurnSpans } from './support/turn-spans';

for (const runtime of RUNTIMES) {
  test(`[${runtime}] a turn's spans are exported right after its stream closes, without waiting for the 60 s batch delay`, async ({
    request,
  }) => {
    const response = await request.post(`${E2E.slowBatchAppUrl}${CHAT_ROUTE[runtime]}`, { data: chatBody('flush-check', 'Flush me promptly') });
    expect(response.status()).toBe(200);
    await response.body(); // the whole stream
    const streamClosedAt = Date.now();
    const traceId = traceIdOf(response.headers()['traceresponse']);
    expect(traceId).toBeTruthy();
    const { chain, llm } = await waitForTurnSpans(traceId!, 2_000);
    expect(Date.now() - streamClosedAt).toBeLessThan(2_000);
    expect(chain.attributes['stream.outcome']).toBe('completed');
    expect(llm.attributes['llm.token_count.total']).toBeGreaterThan(0);
    expect(llm.resource['process.runtime.name']).toBe(runtime);
  });
}
