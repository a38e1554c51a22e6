/**
 * Turns the raw batches into one row per mode and concurrency: throughput (median over rounds, and
 * its median paired ratio to the untraced mode in the same round), TTFT percentiles over all turns
 * and the median over rounds of their paired difference to untraced, CPU per turn, peak RSS, spans and exported bytes per turn, and
 * trace completeness.
 */
import { MODES, type Mode } from './bench-config';
import type { Batch, RawRun } from './run-bench';
import { median, percentile } from './stats';
import { checkTraces, type TraceCheck } from './trace-check';

export interface Row {
  mode: Mode;
  concurrency: number;
  turns: number;
  failedTurns: number;
  turnsPerSecond: number;
  /** Median over rounds of this mode's turns/s ÷ untraced turns/s in the same round. */
  throughputRatio: number;
  /** Lowest and highest of those per-round ratios: what this machine can resolve. */
  throughputRatioSpread: [number, number];
  chunksPerSecond: number;
  ttftP50Ms: number;
  ttftP99Ms: number;
  addedTtftP50Ms: number;
  addedTtftP99Ms: number;
  ttfbP50Ms: number;
  cpuMsPerTurn: number;
  /** Median over rounds of CPU per turn ÷ untraced CPU per turn in the same round. */
  cpuRatio: number;
  cpuRatioSpread: [number, number];
  peakRssMb: number;
  rssRatio: number;
  /** Median over all of this mode's batches of the RSS right after a batch (steadier than the peak). */
  medianRssMb: number;
  medianRssRatio: number;
  spansPerTurn: number;
  exportBytesPerTurn: number;
  exportRequestsPerTurn: number;
}

export interface Summary {
  rows: Row[];
  traces: Record<Mode, TraceCheck | undefined>;
}

export function summarize(run: RawRun): Summary {
  const rows: Row[] = [];
  const of = (mode: Mode, concurrency: number) => run.batches.filter((b) => b.mode === mode && b.concurrency === concurrency);
  for (const concurrency of run.config.concurrencies) {
    for (const mode of MODES) {
      const batches = of(mode, concurrency);
      const own = stats(batches);
      const paired = (measure: (batch: Batch) => number) =>
        batches.map((batch) => {
          const baseline = of('off', concurrency).find((b) => b.round === batch.round);
          return baseline ? measure(batch) / measure(baseline) : Number.NaN;
        });
      const ratios = paired(tps);
      const cpuRatios = paired(cpuPerTurn);
      const turns = batches.reduce((sum, batch) => sum + batch.turns.length, 0);
      const spans = countSpans(run, mode, batches);
      rows.push({
        mode,
        concurrency,
        turns,
        failedTurns: batches.reduce((sum, batch) => sum + batch.turns.filter((turn) => !turn.ok).length, 0),
        turnsPerSecond: median(batches.map(tps)),
        throughputRatio: median(ratios),
        throughputRatioSpread: spread(ratios),
        chunksPerSecond: median(batches.map((b) => (b.turns.reduce((sum, turn) => sum + turn.chunks, 0) * 1000) / b.wallMs)),
        ttftP50Ms: own.p50,
        ttftP99Ms: own.p99,
        addedTtftP50Ms: pairedDelta(batches, of('off', concurrency), 50),
        addedTtftP99Ms: pairedDelta(batches, of('off', concurrency), 99),
        ttfbP50Ms: percentile(batches.flatMap((b) => b.turns.map((turn) => turn.ttfbMs)), 50),
        cpuMsPerTurn: own.cpuMsPerTurn,
        cpuRatio: median(cpuRatios),
        cpuRatioSpread: spread(cpuRatios),
        peakRssMb: run.peakRssKb[mode] / 1024,
        rssRatio: run.peakRssKb[mode] / run.peakRssKb.off,
        medianRssMb: medianRss(run, mode) / 1024,
        medianRssRatio: medianRss(run, mode) / medianRss(run, 'off'),
        spansPerTurn: spans / turns,
        exportBytesPerTurn: batches.reduce((sum, b) => sum + b.exportBytes, 0) / turns,
        exportRequestsPerTurn: batches.reduce((sum, b) => sum + b.exportRequests, 0) / turns,
      });
    }
  }
  const allTurns = (mode: Mode) => run.batches.filter((b) => b.mode === mode).flatMap((b) => b.turns);
  return {
    rows,
    traces: {
      off: undefined,
      openinference: checkTraces('openinference', allTurns('openinference'), run.spans.openinference),
      peer: checkTraces('peer', allTurns('peer'), run.spans.peer),
    },
  };
}

/** Median over rounds of (this mode's TTFT percentile − untraced's in the same round): drifts of the machine cancel out. */
function pairedDelta(batches: Batch[], baseline: Batch[], p: number): number {
  const ttft = (batch: Batch) => batch.turns.filter((turn) => turn.ok).map((turn) => turn.ttftMs);
  return median(
    batches.flatMap((batch) => {
      const base = baseline.find((b) => b.round === batch.round);
      return base ? [percentile(ttft(batch), p) - percentile(ttft(base), p)] : [];
    }),
  );
}

const medianRss = (run: RawRun, mode: Mode) => median(run.batches.filter((b) => b.mode === mode).map((b) => b.rssKb));

const tps = (batch: Batch) => (batch.turns.length * 1000) / batch.wallMs;
const cpuPerTurn = (batch: Batch) => batch.cpuSeconds / batch.turns.length;
const spread = (values: number[]): [number, number] => [Math.min(...values), Math.max(...values)];

function stats(batches: Batch[]) {
  const ttft = batches.flatMap((b) => b.turns.filter((turn) => turn.ok).map((turn) => turn.ttftMs));
  const turns = batches.reduce((sum, b) => sum + b.turns.length, 0);
  const cpu = batches.reduce((sum, b) => sum + b.cpuSeconds, 0);
  return { p50: percentile(ttft, 50), p99: percentile(ttft, 99), cpuMsPerTurn: (cpu * 1000) / turns };
}

/** Spans received for the traces of these batches' turns. */
function countSpans(run: RawRun, mode: Mode, batches: Batch[]): number {
  if (mode === 'off') return run.spans.off.length;
  const traceIds = new Set(batches.flatMap((b) => b.turns.map((turn) => turn.traceId)));
  return run.spans[mode].filter((span) => traceIds.has(span.traceId)).length;
}
