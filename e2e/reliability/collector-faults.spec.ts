import { expect, test } from '@playwright/test';
import { E2E, appEnv } from '../../playwright.config';
import { fetchSpans } from '../../receiver/api';
import { startCollectorProxy, type CollectorProxy, type ProxyMode } from '../support/collector-proxy';
import { postChat, type ChatResult } from '../support/read-chat-stream';
import { startNextCollecting } from '../support/spawn-next';

/**
 * Collector faults against `next start`, through a proxy in front of the receiver: down at startup,
 * 503, 429, hanging, down mid-run, 500. Chats stay as fast as with a healthy collector (generous
 * bound), succeed, and nothing is thrown; stderr has one warning per outage reason, not one per
 * request; spans of a retryable outage arrive once the collector is back.
 */
const PORT = Number(new URL(E2E.appUrl).port) + 10;
const PROXY_PORT = Number(new URL(E2E.receiverUrl).port) + 10;
const EXPORT_TIMEOUT_MS = 1000;
const CHATS_PER_PHASE = 4;

let proxy: CollectorProxy;
test.beforeAll(async () => {
  proxy = await startCollectorProxy(PROXY_PORT, E2E.receiverUrl, 'down');
});
test.afterAll(async () => proxy.close());

async function chats(phase: string): Promise<ChatResult[]> {
  const results: ChatResult[] = [];
  for (let i = 0; i < CHATS_PER_PHASE; i++) {
    const result = await postChat(`http://127.0.0.1:${PORT}/api/chat`, `collector-${phase}-${i}`.replace(/[^\w-]/g, '_'), `Hello ${phase} number ${i}`);
    expect(result.status, phase).toBe(200);
    expect(result.error, phase).toBeUndefined();
    expect(result.text.length, phase).toBeGreaterThan(0);
    results.push(result);
  }
  return results;
}

const median = (results: ChatResult[]) => results.map((r) => r.ms).sort((a, b) => a - b)[Math.floor(results.length / 2)]!;

async function expectDelivered(results: ChatResult[], what: string, timeout = 20_000): Promise<void> {
  const ids = results.map((r) => r.traceId!);
  await expect
    .poll(async () => {
      const spans = await fetchSpans(E2E.receiverUrl);
      return ids.filter((id) => spans.filter((s) => s.traceId === id).length >= 2).length;
    }, { message: `spans of ${what} arrive after recovery`, timeout })
    .toBe(ids.length);
}

test('collector down, 503, 429, hanging or 500: chats unaffected, one warning per outage, queued spans delivered after recovery', async () => {
  test.setTimeout(150_000);
  const { server, output } = await startNextCollecting(
    PORT,
    appEnv({
      PHOENIX_COLLECTOR_ENDPOINT: proxy.url,
      OTEL_BSP_SCHEDULE_DELAY: '100',
      OTEL_EXPORTER_OTLP_TIMEOUT: String(EXPORT_TIMEOUT_MS),
      TRACE_RETRY_MAX_BACKOFF_MS: '1000',
    }),
  );
  try {
    // Down at startup: chats work; their spans wait in the retry queue.
    const startup = await chats('down-at-startup');
    // As in every phase below: let at least one export fail before recovery (a loaded machine may
    // otherwise export only after the collector is back, and the outage leaves no warning).
    await new Promise((resolve) => setTimeout(resolve, 800));
    await proxy.setMode('pass');
    await expectDelivered(startup, 'the startup outage');

    const healthy = await chats('healthy');
    await expectDelivered(healthy, 'the healthy phase');
    const baseline = median(healthy);

    const phases: { mode: ProxyMode; delivered: boolean }[] = [
      { mode: 503, delivered: true },
      { mode: 429, delivered: true },
      { mode: 'hang', delivered: true },
      { mode: 'down', delivered: true },
      { mode: 500, delivered: false },
    ];
    for (const { mode, delivered } of phases) {
      await proxy.setMode(mode);
      const during = await chats(`mode-${mode}`);
      // Generous: a shared 2-core machine is noisy; a chat that waited for the export would take ≥ 1 s.
      expect(median(during), `chat latency with the collector ${mode} vs healthy ${baseline.toFixed(0)} ms`).toBeLessThan(
        Math.max(baseline * 4, baseline + 600),
      );
      // Let at least one export (and its retries) fail in this mode before recovery.
      await new Promise((resolve) => setTimeout(resolve, mode === 'hang' ? EXPORT_TIMEOUT_MS + 800 : 800));
      await proxy.setMode('pass');
      if (delivered) await expectDelivered(during, `the ${mode} outage`);
      else await new Promise((resolve) => setTimeout(resolve, 1500));
    }

    const after = await chats('after');
    await expectDelivered(after, 'after the last outage');
    expect(server.exitCode, 'the server is still running').toBeNull();

    const stderr = output.stderr.join('');
    const target = `${proxy.url}/v1/traces`;
    const warnings = stderr.split('\n').filter((line) => line.includes(`[tracing] cannot export to ${target}`));
    const reasons = warnings.map((line) => line.slice(line.indexOf(target) + target.length + 2).split(';')[0]);
    // Exactly one warning per outage, each naming the endpoint and the reason — not one per request.
    expect(reasons).toEqual([
      'network error (ECONNREFUSED)',
      'HTTP 503 Service Unavailable',
      'HTTP 429 Too Many Requests',
      `no answer within ${EXPORT_TIMEOUT_MS} ms`,
      'network error (ECONNREFUSED)',
      'HTTP 500 Internal Server Error',
    ]);
    expect(warnings.slice(0, 5).every((line) => line.includes('retrying with backoff, queue ≤ 2048 spans'))).toBe(true);
    expect(warnings[5]).toContain('dropping the spans (not retryable)');
    const recovered = stderr.split('\n').filter((line) => line.includes(`[tracing] export to ${target} recovered`));
    expect(recovered).toHaveLength(6);
    expect(stderr, 'nothing thrown').not.toMatch(/Unhandled|uncaught|TypeError|\[http\] unexpected error/i);
  } finally {
    server.kill('SIGKILL');
    await new Promise((resolve) => (server.exitCode !== null ? resolve(null) : server.once('exit', resolve)));
  }
});
