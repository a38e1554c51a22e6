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
  const beaten = ours.filter((row) => !atLeastAsGood(row, peer.find((p) => p.concurrency === row.concurrency)));
  const traces = summary.traces.openinference;
  return [
    { target: `throughput traced/untraced ≥ 0.98 at ${top} concurrent`, met: (atTop?.throughputRatio ?? 0) >= 0.98, measured: `${fmt(atTop?.throughputRatio ?? Number.NaN, 3)}` },
    { target: 'added TTFT p50 < 1 ms (every concurrency)', met: worstP50 < 1, measured: `worst ${fmt(worstP50)} ms` },
    { target: 'added TTFT p99 < 5 ms (every concurrency)', met: worstP99 < 5, measured: `worst ${fmt(worstP99)} ms` },
    { target: 'peak RSS within +5 % of untraced', met: rss <= 1.05, measured: `${fmt((rss - 1) * 100, 1)} %` },
    {
      target: 'ours at least as good as the peer on every row (throughput, added TTFT p50, CPU/turn, bytes/turn)',
      met: beaten.length === 0,
      measured: beaten.length === 0 ? 'all rows' : `not on concurrency ${beaten.map((row) => row.concurrency).join(', ')}`,
    },
    { target: 'every trace of ours complete', met: !!traces && traces.complete === traces.checked, measured: traces ? `${traces.complete}/${traces.checked}` : 'n/a' },
    {
      target: 'no per-chunk span work or export (counter: 10 vs 1000 chunks)',
      met: isChunkIndependent(work),
      measured: work.map((row) => `${row.chunks} chunks: ${row.writes} writes, ${row.exportCalls} exports`).join('; '),
    },
  ];
}

/** Ours is at least as good as the peer's row: throughput not lower, added p50, CPU and bytes not higher (noise aside). */
function atLeastAsGood(ours: Row, peer: Row | undefined): boolean {
  if (!peer) return true;
  return ours.throughputRatio >= peer.throughputRatio && ours.addedTtftP50Ms <= peer.addedTtftP50Ms && ours.cpuMsPerTurn <= peer.cpuMsPerTurn && ours.exportBytesPerTurn <= peer.exportBytesPerTurn;
}
