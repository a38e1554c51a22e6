/** The targets, checked against a summary. */
import type { AttributeWorkRow } from './attribute-work';
import { isChunkIndependent } from './attribute-work';
import type { Row, Summary } from './summarize';

export interface TargetResult {
  target: string;
  met: boolean;
  measured: string;
}

const fmt = (value: number, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');

export function checkTargets(summary: Summary, work: readonly AttributeWorkRow[], concurrencies: readonly number[]): TargetResult[] {
  const ours = summary.rows.filter((row) => row.mode === 'openinference');
  const peer = summary.rows.filter((row) => row.mode === 'peer');
  const top = Math.max(...concurrencies);
  const atTop = ours.find((row) => row.concurrency === top);
  const worstP50 = Math.max(...ours.map((row) => row.addedTtftP50Ms));
  const worstP99 = Math.max(...ours.map((row) => row.addedTtftP99Ms));
  const rss = ours[0]?.rssRatio ?? Number.NaN;
  const steadyRss = ours[0]?.medianRssRatio ?? Number.NaN;
  const losses = ours.flatMap((row) => {
    const lost = worseThanPeer(row, peer.find((p) => p.concurrency === row.concurrency));
    return lost.length > 0 ? [`at ${row.concurrency}: ${lost.join(', ')}`] : [];
  });
  const traces = summary.traces.openinference;
  return [
    { target: `throughput traced/untraced ≥ 0.98 at ${top} concurrent`, met: (atTop?.throughputRatio ?? 0) >= 0.98, measured: `${fmt(atTop?.throughputRatio ?? Number.NaN, 3)}` },
    { target: 'added TTFT p50 < 1 ms (every concurrency)', met: worstP50 < 1, measured: `worst ${fmt(worstP50)} ms` },
    { target: 'added TTFT p99 < 5 ms (every concurrency)', met: worstP99 < 5, measured: `worst ${fmt(worstP99)} ms` },
    { target: 'peak RSS within +5 % of untraced', met: rss <= 1.05, measured: `peak ${fmt((rss - 1) * 100, 1)} % (median after batches ${fmt((steadyRss - 1) * 100, 1)} %)` },
    {
      target: 'ours at least as good as the peer on every row (throughput, added TTFT p50, CPU/turn, bytes/turn)',
      met: losses.length === 0,
      measured: losses.length === 0 ? 'all rows' : `worse ${losses.join('; ')}`,
    },
    { target: 'every trace of ours complete', met: !!traces && traces.complete === traces.checked, measured: traces ? `${traces.complete}/${traces.checked}` : 'n/a' },
    {
      target: 'no per-chunk span work or export (counter: 10 vs 1000 chunks)',
      met: isChunkIndependent(work),
      measured: work.map((row) => `${row.chunks} chunks: ${row.writes} writes, ${row.exportCalls} exports`).join('; '),
    },
  ];
}

/** Where ours is worse than the peer's row (strictly; no noise allowance): throughput, added TTFT p50, CPU, bytes. */
function worseThanPeer(ours: Row, peer: Row | undefined): string[] {
  if (!peer) return [];
  return [
    ...(ours.throughputRatio < peer.throughputRatio ? [`throughput ${fmt(ours.throughputRatio, 3)} vs ${fmt(peer.throughputRatio, 3)}`] : []),
    ...(ours.addedTtftP50Ms > peer.addedTtftP50Ms ? [`added TTFT p50 ${fmt(ours.addedTtftP50Ms)} vs ${fmt(peer.addedTtftP50Ms)} ms`] : []),
    ...(ours.cpuMsPerTurn > peer.cpuMsPerTurn ? [`CPU ${fmt(ours.cpuMsPerTurn)} vs ${fmt(peer.cpuMsPerTurn)} ms/turn`] : []),
    ...(ours.exportBytesPerTurn > peer.exportBytesPerTurn ? [`bytes ${fmt(ours.exportBytesPerTurn, 0)} vs ${fmt(peer.exportBytesPerTurn, 0)}/turn`] : []),
  ];
}
