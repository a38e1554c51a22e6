/** The issue's targets, checked against one run (medians over rounds, spreads shown). */
import type { AttributeWorkRow } from './attribute-work';
import { isChunkIndependent } from './attribute-work';
import type { CounterReport } from './span-counters';
import { counterFailures } from './span-counters';
import type { Row, Summary } from './summarize';
import type { TracingWork } from './tracing-work';

export interface TargetResult {
  target: string;
  met: boolean;
  measured: string;
}

const fmt = (value: number, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
const range = ([lo, hi]: [number, number], digits = 3) => `${fmt(lo, digits)}–${fmt(hi, digits)}`;

export function checkTargets(
  summary: Summary,
  work: readonly AttributeWorkRow[],
  concurrencies: readonly number[],
  tracingWork: TracingWork,
  counters: CounterReport,
): TargetResult[] {
  const ours = summary.rows.filter((row) => row.mode === 'openinference');
  const peer = summary.rows.filter((row) => row.mode === 'peer');
  const off = summary.rows.filter((row) => row.mode === 'off');
  const top = Math.max(...concurrencies);
  const atTop = ours.find((row) => row.concurrency === top);
  const worstP50 = Math.max(...ours.map((row) => row.addedTtftP50Ms));
  const rss = ours[0]?.rssRatio ?? Number.NaN;
  const rssMb = (ours[0]?.peakRssMb ?? Number.NaN) - (off[0]?.peakRssMb ?? Number.NaN);
  const steadyRss = ours[0]?.medianRssRatio ?? Number.NaN;
  const cpuOver = ours.filter((row) => !(row.cpuRatio <= 1.03));
  const losses = ours.flatMap((row) => {
    const lost = worseThanPeer(row, peer.find((p) => p.concurrency === row.concurrency));
    return lost.length > 0 ? [`at ${row.concurrency}: ${lost.join(', ')}`] : [];
  });
  const plain = tracingWork.rows.find((row) => row.kind === 'plain');
  const tool = tracingWork.rows.find((row) => row.kind === 'tool');
  const serverTurnUs = (off.find((row) => row.concurrency === top)?.cpuMsPerTurn ?? Number.NaN) * 1000;
  const traces = summary.traces.openinference;
  const counterProblems = counterFailures(counters);
  return [
    {
      target: 'CPU per turn traced/untraced ≤ 1.03 at every concurrency (median of per-round ratios)',
      met: cpuOver.length === 0,
      measured: ours.map((row) => `${row.concurrency}: ${fmt(row.cpuRatio, 3)} [${range(row.cpuRatioSpread)}]`).join('; '),
    },
    {
      target: `throughput traced/untraced ≥ 0.97 at ${top} concurrent`,
      met: (atTop?.throughputRatio ?? 0) >= 0.97,
      measured: `${fmt(atTop?.throughputRatio ?? Number.NaN, 3)} [${atTop ? range(atTop.throughputRatioSpread) : 'n/a'}]`,
    },
    {
      target: 'tracing work per plain turn ≤ 150 µs (in-process, paired)',
      met: !!plain && plain.addedUs <= 150,
      measured: plain ? `${fmt(plain.addedUs, 0)} µs [${fmt(plain.addedMinUs, 0)}–${fmt(plain.addedMaxUs, 0)}]; tool turn ${fmt(tool?.addedUs ?? Number.NaN, 0)} µs` : 'n/a',
    },
    {
      target: "tracing work per plain turn ≤ 2 % of the untraced turn's CPU",
      met: !!plain && plain.addedShare <= 0.02,
      measured: plain ? `${fmt(plain.addedShare * 100, 1)} % of the in-process untraced turn (${fmt(plain.untracedUs, 0)} µs); ${fmt((plain.addedUs / serverTurnUs) * 100, 1)} % of the untraced server's CPU per turn at ${top}` : 'n/a',
    },
    {
      target: 'peak RSS within +5 % of untraced (else the fixed cost in MB)',
      met: rss <= 1.05,
      measured: `peak ${fmt((rss - 1) * 100, 1)} % (${fmt(rssMb, 0)} MB); median after batches ${fmt((steadyRss - 1) * 100, 1)} %`,
    },
    {
      target: 'ours ≤ the peer on CPU per turn, bytes per turn and spans per turn at every concurrency',
      met: losses.length === 0,
      measured: losses.length === 0 ? 'all rows' : `worse ${losses.join('; ')}`,
    },
    { target: 'added TTFT p50 < 1 ms (every concurrency; earlier target)', met: worstP50 < 1, measured: `worst ${fmt(worstP50)} ms` },
    { target: 'every trace of ours complete', met: !!traces && traces.complete === traces.checked, measured: traces ? `${traces.complete}/${traces.checked}` : 'n/a' },
    {
      target: 'recording spans created = spans exported; only ours recorded (server census)',
      met: counterProblems.filter((p) => !p.includes('export requests')).length === 0,
      measured: `${fmt(counters.ours.recordingSpansPerTurn)} recorded, ${fmt(counters.ours.exportedSpansPerTurn)} exported, ${fmt(counters.ours.nonRecordingSpansPerTurn)} non-recording per turn`,
    },
    {
      target: '50 concurrent turns with per-turn flush do not cause an export each (coalesced)',
      met: !counterProblems.some((p) => p.includes('export requests')),
      measured: `${counters.flush.exportRequests} requests for ${counters.flush.turns} turns (${fmt(counters.flush.exportRequestsPerSecond, 1)}/s at ${fmt(counters.flush.turnsPerSecond, 0)} turns/s)`,
    },
    {
      target: 'no per-chunk span work or export (counter: 10/100/1000 chunks, and 50 × 1000 at once)',
      met: isChunkIndependent(work),
      measured: work.map((row) => `${row.concurrency > 1 ? `${row.concurrency} × ` : ''}${row.chunks} chunks: ${row.writes} writes, ${row.exportCalls} exports`).join('; '),
    },
  ];
}

/** Where ours is worse than the peer's row (strictly; no noise allowance): CPU, bytes, spans per turn. */
function worseThanPeer(ours: Row, peer: Row | undefined): string[] {
  if (!peer) return [];
  return [
    ...(ours.cpuMsPerTurn > peer.cpuMsPerTurn ? [`CPU ${fmt(ours.cpuMsPerTurn)} vs ${fmt(peer.cpuMsPerTurn)} ms/turn`] : []),
    ...(ours.exportBytesPerTurn > peer.exportBytesPerTurn ? [`bytes ${fmt(ours.exportBytesPerTurn, 0)} vs ${fmt(peer.exportBytesPerTurn, 0)}/turn`] : []),
    ...(ours.spansPerTurn > peer.spansPerTurn ? [`spans ${fmt(ours.spansPerTurn)} vs ${fmt(peer.spansPerTurn)}/turn`] : []),
  ];
}
