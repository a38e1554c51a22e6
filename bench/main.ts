/**
 * `npm run bench` (default run: writes bench/results/latest.{md,json,svg}) and `npm run bench:smoke`
 * (a few turns per mode, no timing assertions; fails unless every mode answered and every trace of
 * ours is complete). Options: `--smoke`, `--out <dir>` (write the report there instead of
 * bench/results, and leave docs/benchmark.md alone), `--rounds <n>`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isChunkIndependent, measureAttributeWork } from './attribute-work';
import { DEFAULT_CONFIG, MODES, SMOKE_CONFIG } from './bench-config';
import { ensureBuild } from '../scripts/ensure-build.mjs';
import { describeMachine, machineLine } from './machine';
import { renderMarkdown, type Report } from './report-markdown';
import { renderSvg } from './report-svg';
import { runBench } from './run-bench';
import { summarize } from './summarize';
import { renderReadmeBlock, updateReadme } from './update-readme';
import { checkTargets } from './targets';
import { counterFailures } from './span-counters';
import { measureTracingWork } from './tracing-work';

const args = process.argv.slice(2);
const option = (name: string) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};
const smoke = args.includes('--smoke');
const rounds = Number(option('--rounds'));
const config = { ...(smoke ? SMOKE_CONFIG : DEFAULT_CONFIG), ...(rounds > 0 ? { rounds } : {}) };
const outDir = option('--out') ?? (smoke ? undefined : join('bench', 'results'));

// Ctrl-C / SIGTERM: exit, so that the app servers' process groups are killed (see app-server.ts).
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

ensureBuild((line) => console.log(`[bench] ${line}`));
const attributeWork = await measureAttributeWork();
console.log(`[bench] tracing work in-process: ${config.workTurns} turns × ${config.workRepeats} paired repeats`);
const tracingWork = await measureTracingWork({ turnsPerBatch: config.workTurns, repeats: config.workRepeats, port: config.ports.work });
const run = await runBench(config);
const summary = summarize(run);
const machine = describeMachine();
const report: Report = {
  date: new Date().toISOString().slice(0, 10),
  machine,
  config,
  durationMs: run.durationMs,
  loadAverage: run.loadAverage,
  summary,
  targets: checkTargets(summary, attributeWork, config.concurrencies, tracingWork, run.counters),
  attributeWork,
  tracingWork,
  counters: run.counters,
};
const markdown = renderMarkdown(report);
console.log(`\n${markdown}`);

if (outDir) {
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'latest.md'), markdown);
  writeFileSync(join(outDir, 'latest.svg'), renderSvg(summary.rows, config.concurrencies, machineLine(machine)));
  const batches = run.batches.map(({ turns, ...batch }) => ({ ...batch, turns: turns.length, failedTurns: turns.filter((t) => !t.ok).length }));
  writeFileSync(join(outDir, 'latest.json'), `${JSON.stringify({ ...report, batches }, null, 2)}\n`);
  console.log(`[bench] wrote ${join(outDir, 'latest.md')}, latest.json, latest.svg`);
  if (!smoke && !option('--out')) {
    const updated = updateReadme('docs/benchmark.md', renderReadmeBlock(report, '../bench/results/latest.svg', '../bench/results/latest.md'));
    console.log(updated ? '[bench] docs/benchmark.md updated' : '[bench] docs/benchmark.md has no bench-results markers; not updated');
  }
}

// What must hold in every run, smoke or not: every mode answered every turn with the full answer,
// and every trace of ours arrived complete.
const failures: string[] = [];
for (const mode of MODES) {
  const turns = run.batches.filter((b) => b.mode === mode).flatMap((b) => b.turns);
  const bad = turns.filter((turn) => !turn.ok || turn.text !== run.answer);
  if (turns.length === 0 || bad.length > 0) failures.push(`${mode}: ${bad.length}/${turns.length} turns failed (${bad[0]?.error ?? 'wrong text'})`);
}
const ours = summary.traces.openinference;
if (!ours || ours.complete !== ours.checked) failures.push(`our traces: ${ours?.complete}/${ours?.checked} complete: ${ours?.problems.join('; ')}`);
// The deterministic counters: recording spans = exported spans, only ours recorded, coalesced flushes, no per-chunk work.
failures.push(...counterFailures(run.counters));
if (!isChunkIndependent(attributeWork)) failures.push(`span work grows with chunks: ${JSON.stringify(attributeWork)}`);
if (failures.length > 0) {
  console.error(`[bench] FAILED:\n  ${failures.join('\n  ')}`);
  process.exitCode = 1;
} else console.log(`[bench] ${config.name} run OK: every mode answered, every trace of ours complete, counters hold`);
// The in-process tracing pipeline's timers (batch processor) must not keep the run alive.
process.exit(process.exitCode ?? 0);
