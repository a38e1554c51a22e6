/**
 * `npm run bench:profile [-- --dir <built project> --label <name>]`: CPU profiles (`node --cpu-prof`)
 * of the built app under load, untraced (`TRACING_MODE=off`) and traced, one after the other, with
 * the same fake upstream and export meter as the benchmark; then the self time per turn by source
 * (mapped through the server chunks' source maps) and the top frames attributable to tracing, written
 * to bench/results/profile-<label>.md (the .cpuprofile files stay in a temporary directory).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { startApp } from './app-server';
import { runLoad } from './chat-client';
import { summarizeProfiles, TRACING_CATEGORIES, type ProfileSummary } from './cpu-profile-summary';
import { startExportMeter } from './export-meter';
import { startFakeUpstream } from './fake-upstream';

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const dir = resolve(option('--dir') ?? '.');
const label = option('--label') ?? 'after';
const turns = Number(option('--turns') ?? 600);
const CONCURRENCY = 50;
const reuse = option('--reuse'); // re-analyze the profiles of an earlier run (its temporary directory)
const tmp = reuse ?? mkdtempSync(join(os.tmpdir(), 'cpu-prof-'));
const loadAtStart = os.loadavg()[0]!;

const results: Record<string, ProfileSummary> = {};
const windows: Record<string, { startUs: number; endUs: number }> = reuse ? JSON.parse(readFileSync(join(tmp, 'windows.json'), 'utf8')) : {};
if (!reuse) {
  const meter = await startExportMeter({ port: 4340 });
  const upstream = await startFakeUpstream({ port: 4342, chunks: 20, intervalMs: 5 });
  try {
    for (const mode of ['off', 'openinference'] as const) {
      const profileDir = join(tmp, mode);
      mkdirSync(profileDir);
      const app = await startApp({
        cwd: dir,
        port: 3305,
        env: {
          TRACING_MODE: mode,
          OPENAI_API_KEY: 'bench-key',
          OPENAI_BASE_URL: upstream.baseURL,
          CHAT_MODEL: 'bench-model',
          OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: meter.endpoint(mode),
          OTEL_BSP_SCHEDULE_DELAY: '100',
          TRACE_FLUSH_AFTER_TURN: '0',
          PHOENIX_PROJECT_NAME: `profile-${mode}`,
          NEXT_TELEMETRY_DISABLED: '1',
          NODE_ENV: 'production',
          NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${profileDir}`,
        },
      });
      await runLoad(app.url, { concurrency: 10, turns: 150, label: `warm-${mode}` });
      const startUs = Number(process.hrtime.bigint() / 1000n);
      const load = await runLoad(app.url, { concurrency: CONCURRENCY, turns, label: `prof-${mode}` });
      windows[mode] = { startUs, endUs: Number(process.hrtime.bigint() / 1000n) };
      await new Promise((r) => setTimeout(r, 300));
      await app.stop();
      const failed = load.turns.filter((turn) => !turn.ok).length;
      if (failed > 0) throw new Error(`${mode}: ${failed} turns failed`);
    }
    writeFileSync(join(tmp, 'windows.json'), JSON.stringify(windows));
  } finally {
    await upstream.close();
    await meter.close();
  }
}
for (const mode of ['off', 'openinference'] as const) {
  const files = readdirSync(join(tmp, mode)).map((name) => join(tmp, mode, name));
  results[mode] = summarizeProfiles(files, turns, windows[mode]);
  if (results[mode].sampledMs === 0) results[mode] = summarizeProfiles(files, turns); // clocks not aligned: whole profile
  console.log(`[profile] ${mode}: ${files.length} profile(s), ${results[mode].sampledMs.toFixed(0)} ms sampled during ${turns} turns`);
}

const us = (value: number | undefined) => (value ?? 0).toFixed(0);
const off = results.off!;
const traced = results.openinference!;
const categories = [...new Set([...Object.keys(traced.categories), ...Object.keys(off.categories)])].sort(
  (a, b) => (traced.categories[b] ?? 0) - (off.categories[b] ?? 0) - ((traced.categories[a] ?? 0) - (off.categories[a] ?? 0)),
);
const total = (s: ProfileSummary) => Object.values(s.categories).reduce((sum, v) => sum + v, 0);
const tracingFrames = traced.frames.filter((frame) => TRACING_CATEGORIES.includes(frame.category)).slice(0, 20);
const markdown = [
  `## CPU profile of the server under load: ${label}`,
  '',
  `\`node --cpu-prof\` of \`next start\` (production build), untraced then traced, ${turns} chat turns at ${CONCURRENCY} concurrent each (after 150 warm-up turns), fake upstream of 20 chunks 5 ms apart, export every 100 ms. Samples outside the load window are left out. Self time per turn, mapped to original sources through the server chunks' source maps. 1-min load average ${loadAtStart.toFixed(2)} at start, ${os.loadavg()[0]!.toFixed(2)} at end (shared machine: absolute µs are noisy, the tracing rows are what matters).`,
  '',
  '| Where (self time) | Untraced µs/turn | Traced µs/turn | Difference |',
  '|---|--:|--:|--:|',
  ...categories.map((c) => `| ${c} | ${us(off.categories[c])} | ${us(traced.categories[c])} | ${((traced.categories[c] ?? 0) - (off.categories[c] ?? 0)).toFixed(0)} |`),
  `| **total sampled** | ${us(total(off))} | ${us(total(traced))} | ${(total(traced) - total(off)).toFixed(0)} |`,
  '',
  `Tracing categories in the traced server: **${us(TRACING_CATEGORIES.reduce((sum, c) => sum + (traced.categories[c] ?? 0), 0))} µs/turn** (${((TRACING_CATEGORIES.reduce((sum, c) => sum + (traced.categories[c] ?? 0), 0) / total(traced)) * 100).toFixed(1)} % of its sampled CPU).`,
  '',
  '### Top frames attributable to tracing (traced server, self time)',
  '',
  '| Frame | Category | µs/turn |',
  '|---|---|--:|',
  ...tracingFrames.map((f) => `| \`${f.frame.replace(/\|/g, '\\|')}\` | ${f.category} | ${f.us.toFixed(1)} |`),
  '',
].join('\n');
mkdirSync(join('bench', 'results'), { recursive: true });
writeFileSync(join('bench', 'results', `profile-${label}.md`), markdown);
writeFileSync(join('bench', 'results', `profile-${label}.json`), `${JSON.stringify({ label, turns, concurrency: CONCURRENCY, off: { ...off, frames: off.frames.slice(0, 60) }, traced: { ...traced, frames: traced.frames.slice(0, 60) } }, null, 1)}\n`);
console.log(markdown);
console.log(`[profile] wrote bench/results/profile-${label}.md (profiles in ${tmp})`);
process.exit(0);
