import { expect, test } from '@playwright/test';
import { offlineAnswerFor } from '../../lib/ai/offline-directives';
import { E2E, appEnv } from '../../playwright.config';
import { spawnNext } from '../support/spawn-next';
import { waitForTurnSpans } from '../support/turn-spans';

/**
 * SIGTERM while several `/slow` streams are active: each stream's turn and LLM spans are ended as
 * interrupted (`stream.outcome=aborted`, with the partial output) and exported before the process
 * exits — with a 60 s batch delay and no per-turn flush, so only the shutdown path can deliver them.
 */
const PORT = Number(new URL(E2E.appUrl).port) + 16;
const STREAMS = 4;

test(`SIGTERM during ${STREAMS} active streams ends and exports their spans as interrupted before exit`, async () => {
  test.setTimeout(60_000);
  const server = await spawnNext(
    'start',
    PORT,
    appEnv({ OTEL_BSP_SCHEDULE_DELAY: '60000', TRACE_FLUSH_AFTER_TURN: '0', TRACE_SHUTDOWN_GRACE_MS: '300' }),
  );
  const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
  try {
    const prompts = Array.from({ length: STREAMS }, (_, i) => `/slow story number ${i} about shutdown${i}`);
    const streams = await Promise.all(
      prompts.map(async (text, i) => {
        const response = await fetch(`http://127.0.0.1:${PORT}/api/chat`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ id: `sigterm-${i}`, messages: [{ id: 'u1', role: 'user', parts: [{ type: 'text', text }] }] }),
        });
        const traceId = /^00-([0-9a-f]{32})-/.exec(response.headers.get('traceresponse') ?? '')![1]!;
        const reader = response.body!.getReader();
        let received = '';
        // Wait until a few words have streamed: the turn is really in flight.
        while ((received.match(/"text-delta"/g) ?? []).length < 3) {
          const { value, done } = await reader.read();
          if (done) break;
          received += new TextDecoder().decode(value);
        }
        // Keep reading in the background until the server goes away.
        void (async () => {
          try {
            while (!(await reader.read()).done);
          } catch {
            // the connection closes when the server exits
          }
        })();
        return { traceId, text };
      }),
    );
    const signalledAt = Date.now();
    server.kill('SIGTERM');
    expect(await exited).not.toBeNull();
    expect(Date.now() - signalledAt, 'exits promptly (grace 300 ms + export)').toBeLessThan(15_000);

    for (const { traceId, text } of streams) {
      const { chain, llm } = await waitForTurnSpans(traceId, 5_000);
      for (const span of [chain, llm]) {
        expect(span.attributes['stream.outcome'], span.name).toBe('aborted');
        expect(String(span.attributes['stream.abort_reason'])).toMatch(/SIGTERM|closed|abort/i);
        expect(span.events.map((e) => e.name)).toContain('stream.aborted');
        expect(span.endTimeUnixNano).toBeGreaterThan(span.startTimeUnixNano);
      }
      const partial = String(chain.attributes['output.value']);
      expect(partial.length).toBeGreaterThan(0);
      expect(offlineAnswerFor(text).startsWith(partial), `"${partial}" starts "${offlineAnswerFor(text)}"`).toBe(true);
      expect(partial.length).toBeLessThan(offlineAnswerFor(text).length);
    }
  } finally {
    server.kill('SIGKILL');
  }
});
