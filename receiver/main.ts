/**
 * Standalone receiver, the local trace store behind the app's /traces inspector: `npm run traces`,
 * or `node receiver/main.ts` (Node 24 strips the types; on Node 22 add
 * `--experimental-strip-types`). Settings from the environment, see receiver-env.ts: port 6007,
 * OTLP protobuf and JSON at /v1/traces, spans kept under `.traces/` in rotated NDJSON segments.
 * Each export is printed, one line per span; read spans at /spans and /traces.
 */
import { startReceiver } from './http/receiver-server.ts';
import type { ReceivedSpan } from './otlp/decode-traces.ts';
import { receiverOptionsFromEnv } from './receiver-env.ts';

/** One readable line per span: kind, name, trace, duration, status, tokens and output preview. */
function describeSpan(span: ReceivedSpan): string {
  const a = span.attributes;
  const ms = Number((span.endTimeUnixNano - span.startTimeUnixNano) / 1_000_000n);
  const status = ['UNSET', 'OK', 'ERROR'][span.status.code] ?? String(span.status.code);
  const tokens = a['llm.token_count.total'] !== undefined ? ` tokens=${a['llm.token_count.prompt']}+${a['llm.token_count.completion']}` : '';
  const output = typeof a['output.value'] === 'string' ? ` output="${a['output.value'].slice(0, 60).replace(/\s+/g, ' ')}…"` : '';
  return `  ${String(a['openinference.span.kind'] ?? '-').padEnd(5)} ${span.name} trace=${span.traceId} ${ms}ms ${status}${tokens}${output}`;
}

const options = receiverOptionsFromEnv(process.env, process.cwd());
const receiver = await startReceiver({
  ...options,
  onExport: (request, spans) => {
    console.log(`[receiver] export: ${request.spanCount} span(s), project "${request.project}"`);
    for (const span of spans) console.log(describeSpan(span));
  },
});
const stored = options.dataDir ? `, ${receiver.spans().length} span(s) kept in ${options.dataDir}` : ', in memory only';
console.log(
  `[receiver] listening on ${receiver.url} (POST /v1/traces ${options.acceptJson ? 'protobuf+JSON' : 'protobuf'}, GET /traces, /spans)${stored}${options.apiKey ? ', API key required on every route but /health' : ', no API key'}; Host: loopback names${options.allowedHosts?.length ? `, ${options.allowedHosts.join(', ')}` : ''}`,
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void receiver.close().then(() => process.exit(0));
  });
}
