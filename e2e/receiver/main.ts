/**
 * Standalone receiver: `node e2e/receiver/main.ts` (Node 24 strips the types; on Node 22 add
 * `--experimental-strip-types`). Env: RECEIVER_PORT (default 6007), RECEIVER_HOST (default
 * 127.0.0.1), RECEIVER_API_KEY (optional; then exports need `Authorization: Bearer <key>`).
 * Point an exporter at http://127.0.0.1:6007/v1/traces; read spans at /spans.
 *
 * The receiver's modules import each other without extensions (as tsc, vitest and Playwright want);
 * native ESM needs them, so this entry first teaches Node's resolver to try `.ts`.
 */
import { registerHooks } from 'node:module';

registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context);
    } catch (error) {
      const relativeWithoutExtension = /^\.\.?\//.test(specifier) && !/\.[cm]?[jt]sx?$/.test(specifier);
      if (relativeWithoutExtension && (error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND') {
        return nextResolve(`${specifier}.ts`, context);
      }
      throw error;
    }
  },
});

// A computed specifier: resolved by the hook above at run time, invisible to tsc's extension rules.
const serverModule = './receiver-server';
const { startReceiver } = (await import(serverModule)) as typeof import('./receiver-server');

/** One readable line per span: kind, name, trace, duration, status, tokens and output preview. */
function describeSpan(span: import('./decode-traces').ReceivedSpan): string {
  const a = span.attributes;
  const ms = Number((span.endTimeUnixNano - span.startTimeUnixNano) / 1_000_000n);
  const status = ['UNSET', 'OK', 'ERROR'][span.status.code] ?? String(span.status.code);
  const tokens = a['llm.token_count.total'] !== undefined ? ` tokens=${a['llm.token_count.prompt']}+${a['llm.token_count.completion']}` : '';
  const output = typeof a['output.value'] === 'string' ? ` output="${a['output.value'].slice(0, 60).replace(/\s+/g, ' ')}…"` : '';
  return `  ${String(a['openinference.span.kind'] ?? '-').padEnd(5)} ${span.name} trace=${span.traceId} ${ms}ms ${status}${tokens}${output}`;
}

const port = Number(process.env.RECEIVER_PORT ?? 6007);
const host = process.env.RECEIVER_HOST ?? '127.0.0.1';
const apiKey = process.env.RECEIVER_API_KEY || undefined;

const receiver = await startReceiver({
  port,
  host,
  apiKey,
  onExport: (request) => {
    console.log(`[receiver] export: ${request.spanCount} span(s), project "${request.project}"`);
    for (const span of receiver.spans().slice(-request.spanCount)) console.log(describeSpan(span));
  },
});
console.log(`[receiver] listening on ${receiver.url} (POST /v1/traces, GET /spans)${apiKey ? ', API key required' : ''}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void receiver.close().then(() => process.exit(0));
  });
}
