/** The benchmark report as markdown: settings, the results table, targets, and the counter proof. */
import type { AttributeWorkRow } from './attribute-work';
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
}

const n = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '–');
const signed = (value: number, digits = 2) => (Number.isFinite(value) ? `${value >= 0 ? '+' : ''}${value.toFixed(digits)}` : '–');

export function resultsTable(summary: Summary): string {
  const lines = [
    '| Mode | Conc. | Turns/s | × untraced | Chunks/s | TTFT p50 / p99 (ms) | Added TTFT p50 / p99 (ms) | CPU ms/turn | Peak RSS (MB) | Median RSS (MB) | Spans/turn | Exported B/turn | Complete traces |',
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
        traced ? n(row.throughputRatio, 3) : '1',
        n(row.chunksPerSecond, 0),
        `${n(row.ttftP50Ms)} / ${n(row.ttftP99Ms)}`,
        traced ? `${signed(row.addedTtftP50Ms)} / ${signed(row.addedTtftP99Ms)}` : '–',
        `${n(row.cpuMsPerTurn, 2)}${traced ? ` (×${n(row.cpuRatio, 2)})` : ''}`,
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
    `Setup: \`next start\` (production build) per mode, all exporting OTLP protobuf to one local receiver (via a byte-counting meter); a fake OpenAI chat-completions upstream streaming ${config.chunks} chunks ${config.chunkIntervalMs} ms apart plus a usage chunk. ${config.rounds} round(s); each round runs every concurrency in every mode in rotating order (${config.concurrencies.map((c) => `${config.turnsPerBatch[c]} turns at ${c}`).join(', ')}), after ${config.warmupTurns} warm-up turns per mode. Turns/s and × untraced are medians over rounds (× untraced is paired per round); TTFT (request → first streamed text chunk, measured by the client) percentiles pool all turns, and added TTFT is the median over rounds of the paired per-round difference to untraced; CPU is user+system time of the server's process tree; peak RSS is its VmHWM (whole run, warm-up included), median RSS the median of its VmRSS right after each batch. Batch span export every ${config.bspDelayMs} ms, per-turn flush off (\`TRACE_FLUSH_AFTER_TURN=0\`) in both traced modes.`,
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
    '### Span work per turn does not grow with the stream (counter)',
    '',
    'One traced turn (CHAIN + LLM span through `streamText`) under a tracer provider that counts every write to a span and every export:',
    '',
    '| Chunks | Spans | Span writes | Attribute keys written | Export calls |',
    '|--:|--:|--:|--:|--:|',
    ...report.attributeWork.map((row) => `| ${row.chunks} | ${row.spans} | ${row.writes} | ${row.attributeKeys} | ${row.exportCalls} |`),
    '',
  ].join('\n');
}
