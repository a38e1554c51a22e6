/**
 * Puts the latest default run into docs/benchmark.md, between the `bench-results` markers of the
 * "What tracing costs" section: machine, table, targets and the chart.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { machineLine } from './machine';
import { resultsTable, type Report } from './report-markdown';

const START = '<!-- bench-results:start -->';
const END = '<!-- bench-results:end -->';

export function renderReadmeBlock(report: Report, chartPath: string, reportPath: string): string {
  return [
    START,
    `Latest default run (${report.date}) on **${machineLine(report.machine)}**; 1-min load average ${report.loadAverage.start.toFixed(2)} → ${report.loadAverage.end.toFixed(2)} during the run. Full report: [${reportPath}](${reportPath}).`,
    '',
    `![Throughput and CPU per turn relative to the untraced app, per mode and concurrency](${chartPath})`,
    '',
    resultsTable(report.summary),
    '',
    '| Target | Met | Measured |',
    '|---|---|---|',
    ...report.targets.map((t) => `| ${t.target} | ${t.met ? 'yes' : '**no**'} | ${t.measured} |`),
    END,
  ].join('\n');
}

/** Replaces the marked block; returns false (and leaves the file alone) when the markers are missing. */
export function updateReadme(path: string, block: string): boolean {
  const text = readFileSync(path, 'utf8');
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start) return false;
  writeFileSync(path, text.slice(0, start) + block + text.slice(end + END.length));
  return true;
}
