/** The benchmark report as markdown: settings, the results table, targets, and the counter proof. */
import type { AttributeWorkRow } from './attribute-work';
import type { CounterReport, SpanCounters } from './span-counters';
import type { TracingWork } from './tracing-work';
import { MODE_LABELS, type BenchConfig } from './bench-config';
import { machineLine, type Machine } from './machine';
import type { Summary } from './summarize';
import type { TargetResult } from './targets';

export interface Report {
  date: string;
  machine: Machine;
  config: BenchConfig;
  durationMs: number;
  loadAverage: { start: number; end: number };
  summary: Summary;
  targets: TargetResult[];
  attributeWork: AttributeWorkRow[];
  tracingWork: TracingWork;
  counters: CounterReport;
}

const n = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '–');
const signed = (value: number, digits = 2) => (Number.isFinite(value) ? `${value >= 0 ? '+' : ''}${value.toFixed(digits)}` : '–');

export function resultsTable(summary: Summary): string {
  const lines = [
    '| Mode | Conc. | Turns/s | × untraced [spread] | Chunks/s | TTFT p50 / p99 (ms) | Added TTFT p50 / p99 (ms) | CPU ms/turn (× untraced [spread]) | Peak RSS (MB) | Median RSS (MB) | Spans/turn | Exported B/turn | Complete traces |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
  ];
  for (const row of summary.rows) {
    const check = summary.traces[row.mode];
    const traced = row.mode !== 'off';
    lines.push(
      [
        MODE_LABELS[row.mode],
        row.concurrency,
        n(row.turnsPerSecond),
        traced ? `${n(row.throughputRatio, 3)} [${n(row.throughputRatioSpread[0], 3)}–${n(row.throughputRatioSpread[1], 3)}]` : '1',
        n(row.chunksPerSecond, 0),
        `${n(row.ttftP50Ms)} / ${n(row.ttftP99Ms)}`,
        traced ? `${signed(row.addedTtftP50Ms)} / ${signed(row.addedTtftP99Ms)}` : '–',
        `${n(row.cpuMsPerTurn, 2)}${traced ? ` (×${n(row.cpuRatio, 3)} [${n(row.cpuRatioSpread[0], 3)}–${n(row.cpuRatioSpread[1], 3)}])` : ''}`,
        `${n(row.peakRssMb, 0)}${traced ? ` (${signed((row.rssRatio - 1) * 100, 1)} %)` : ''}`,
        `${n(row.medianRssMb, 0)}${traced ? ` (${signed((row.medianRssRatio - 1) * 100, 1)} %)` : ''}`,
        n(row.spansPerTurn, 2),
        n(row.exportBytesPerTurn, 0),
        check ? (row.failedTurns > 0 ? `${row.failedTurns} turns failed` : check.complete === check.checked ? 'all' : `${check.complete}/${check.checked}`) : 'n/a',
      ].join(' | ').replace(/^/, '| ').replace(/$/, ' |'),
    );
  }
  return lines.join('\n');
}

export function renderMarkdown(report: Report): string {
  const { config, summary } = report;
  const traceNotes = (['openinference', 'peer'] as const).flatMap((mode) => {
    const check = summary.traces[mode];
    return check && check.problems.length > 0 ? [`- ${MODE_LABELS[mode]}: ${check.checked - check.complete} incomplete, e.g. ${check.problems.join('; ')}`] : [];
  });
  return [
    `## Benchmark results (${config.name} run, ${report.date})`,
    '',
    `Machine: ${machineLine(report.machine)}. Run took ${(report.durationMs / 1000).toFixed(0)} s; 1-min load average ${n(report.loadAverage.start, 2)} at start, ${n(report.loadAverage.end, 2)} at end (the machine may be shared, so absolute times are noisy: read the ratios).`,
    '',
    `Setup: \`next start\` (production build) per mode, all exporting OTLP protobuf to one local receiver (via a byte-counting meter); a fake OpenAI chat-completions upstream streaming ${config.chunks} chunks ${config.chunkIntervalMs} ms apart plus a usage chunk. ${config.rounds} round(s); each round runs every concurrency in every mode in rotating order (${config.concurrencies.map((c) => `${config.turnsPerBatch[c]} turns at ${c}`).join(', ')}), after ${config.warmupTurns} warm-up turns per mode. Turns/s and × untraced are medians over rounds (× untraced is paired per round; [spread] is the lowest and highest per-round ratio, i.e. what this machine can resolve); CPU × untraced likewise; TTFT (request → first streamed text chunk, measured by the client) percentiles pool all turns, and added TTFT is the median over rounds of the paired per-round difference to untraced; CPU is user+system time of the server's process tree; peak RSS is its VmHWM (whole run, warm-up included), median RSS the median of its VmRSS right after each batch. Batch span export every ${config.bspDelayMs} ms, per-turn flush off (\`TRACE_FLUSH_AFTER_TURN=0\`) in both traced modes.`,
    '',
    resultsTable(summary),
    '',
    ...(traceNotes.length > 0 ? ['Incomplete traces:', ...traceNotes, ''] : []),
    '### Targets',
    '',
    '| Target | Met | Measured |',
    '|---|---|---|',
    ...report.targets.map((t) => `| ${t.target} | ${t.met ? 'yes' : '**no**'} | ${t.measured} |`),
    '',
    ...countersSection(report.counters),
    ...tracingWorkSection(report.tracingWork),
    '### Span work per turn does not grow with the stream (counter)',
    '',
    'Traced turns (CHAIN + LLM span through `streamText`) under a tracer provider that counts every write to a span and every export; one turn per chunk count, then 50 turns of 1000 chunks at once (counts per turn):',
    '',
    '| Chunks | Turns at once | Spans | Span writes | Attribute keys written | Export calls |',
    '|--:|--:|--:|--:|--:|--:|',
    ...report.attributeWork.map((row) => `| ${row.chunks} | ${row.concurrency} | ${row.spans} | ${row.writes} | ${row.attributeKeys} | ${row.exportCalls} |`),
    '',
  ].join('\n');
}

function countersSection(counters: CounterReport): string[] {
  const column = (c: SpanCounters) => [
    n(c.recordingSpansPerTurn, 2),
    n(c.nonRecordingSpansPerTurn, 2),
    n(c.exportedSpansPerTurn, 2),
    n(c.startAttributeKeysPerTurn, 1),
    n(c.spanWritesPerTurn, 1),
    n(c.attributeKeysWrittenPerTurn, 1),
    n(c.exportedBytesPerTurn, 0),
    n(c.exportRequestsPerTurn, 2),
  ];
  const rows = [counters.ours, ...(counters.allSpans ? [counters.allSpans] : [])];
  const labels: Record<string, string> = { census: 'ours (default)', 'census-all': 'ours with `TRACE_ALL_SPANS=1`' };
  const { flush } = counters;
  return [
    '### Deterministic counters per turn (real server, span census)',
    '',
    `\`next start\` with a census preloaded (\`bench/span-census.mjs\`) that counts every span started through the OpenTelemetry API — Next's and ours, recording or not — and every write to a recording span; ${counters.ours.turns} sequential plain turns (tools offered, none called), per-turn flush on, batch delay off:`,
    '',
    '| Setup | Recording spans | Non-recording spans | Spans exported | Start attribute keys | Span writes | Attribute keys written | Exported bytes | Export requests |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|',
    ...rows.map((c) => `| ${labels[c.label] ?? c.label} | ${column(c).join(' | ')} |`),
    '',
    `Recording spans by tracer: ${rows.map((c) => `${labels[c.label] ?? c.label}: ${JSON.stringify(c.recordingByTracer)}`).join('; ')}. Non-recording (never stored, never processed): ${JSON.stringify(counters.ours.nonRecordingByTracer)}.`,
    '',
    `**Per-turn flush at 50 concurrent:** ${flush.turns} turns in ${n(flush.wallMs / 1000, 1)} s (${n(flush.turnsPerSecond, 0)} turns/s) caused **${flush.exportRequests} export requests** (${n(flush.exportRequestsPerSecond, 1)}/s, ${n(flush.exportRequests / flush.turns, 3)} per turn): flushes requested within ${flush.windowMs} ms, or while one is in flight, share one export.`,
    '',
  ];
}

function tracingWorkSection(work: TracingWork): string[] {
  return [
    '### Tracing work alone (in-process microbenchmark)',
    '',
    `The real route handler (\`handleChatRequest\`) on the offline model with no delay, in one process with the app's real tracing pipeline (\`@vercel/otel\` + our configuration, OTLP protobuf to a local meter); batches of ${work.rows[0]?.turnsPerBatch ?? '?'} turns alternate \`TRACING_MODE=off\` and traced (order rotating), ${work.rows[0]?.repeats ?? '?'} paired repeats; CPU time of the main thread per turn, the traced batch including its export:`,
    '',
    '| Turn | Untraced CPU/turn (µs) | Traced CPU/turn (µs) | Tracing work/turn (µs), median [min–max] | Share of the untraced turn |',
    '|---|--:|--:|--:|--:|',
    ...work.rows.map((row) => `| ${row.kind === 'plain' ? 'plain (AGENT + LLM)' : 'tool (AGENT + 2 LLM + TOOL)'} | ${n(row.untracedUs, 0)} | ${n(row.tracedUs, 0)} | ${n(row.addedUs, 0)} [${n(row.addedMinUs, 0)}–${n(row.addedMaxUs, 0)}] | ${n(row.addedShare * 100, 1)} % |`),
    '',
    `Exported per traced turn: ${n(work.exportBytesPerTracedTurn.plain, 0)} B (plain), ${n(work.exportBytesPerTracedTurn.tool, 0)} B (tool).`,
    '',
  ];
}
