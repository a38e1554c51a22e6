/**
 * `npm run bench:profile [-- --compare <label>=<built checkout> ...]`: CPU profiles (`node --cpu-prof`)
 * of the built app under load, untraced (`TRACING_MODE=off`) and traced, for this checkout (label
 * `after`) and any other built checkout given (e.g. `--compare before=../perf-before`). All servers
 * run and are loaded **at the same time** (same fake upstream and export meter as the benchmark), so
 * the contention of a shared machine hits every profile alike. Then the self time per turn by
 * original source (mapped through the server chunks' source maps) and the top frames attributable to
 * tracing go to bench/results/profile.md and profile.json (the .cpuprofile files stay in a temporary
 * directory: tens of MB). `--reuse <dir>` re-analyzes the profiles of an earlier run.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { numberedWords, startFakeOpenAI } from '../lib/ai/testing/fake-openai-server';
import { startApp, type AppServer } from './app-server';
import { runLoad } from './chat-client';
import { summarizeProfiles, TRACING_CATEGORIES, type ProfileSummary } from './cpu-profile-summary';
import { startExportMeter } from './export-meter';

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const checkouts: { label: string; dir: string }[] = [{ label: 'after', dir: resolve('.') }];
args.forEach((arg, index) => {
  if (arg !== '--compare') return;
  const [label, dir] = (args[index + 1] ?? '').split('=');
  if (label && dir) checkouts.unshift({ label, dir: resolve(dir) });
});
const turns = Number(option('--turns') ?? 400);
const CONCURRENCY = 50;
const MODES = ['off', 'openinference'] as const;
const reuse = option('--reuse');
const tmp = reuse ?? mkdtempSync(join(os.tmpdir(), 'cpu-prof-'));
const loadAtStart = os.loadavg()[0]!;
type Key = `${string}/${(typeof MODES)[number]}`;
const keys: Key[] = checkouts.flatMap(({ label }) => MODES.map((mode): Key => `${label}/${mode}`));

let windows: Record<string, { startUs: number; endUs: number }> = reuse ? JSON.parse(readFileSync(join(tmp, 'windows.json'), 'utf8')) : {};
if (!reuse) {
  const meter = await startExportMeter({ port: 4340 });
  const upstream = await startFakeOpenAI({ port: 4342, words: numberedWords(20), chunkDelayMs: 5 });
  const apps = new Map<Key, AppServer>();
  try {
    let port = 3305;
    for (const { label, dir } of checkouts) {
      for (const mode of MODES) {
        const profileDir = join(tmp, label, mode);
        mkdirSync(profileDir, { recursive: true });
        apps.set(`${label}/${mode}`, await startApp({
          cwd: dir,
          port: port++,
          env: {
            TRACING_MODE: mode,
            OPENAI_API_KEY: 'bench-key',
            OPENAI_BASE_URL: upstream.baseURL,
            CHAT_MODEL: 'bench-model',
            OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: meter.endpoint(`${label}-${mode}`),
            OTEL_BSP_SCHEDULE_DELAY: '100',
            TRACE_FLUSH_AFTER_TURN: '0',
            PHOENIX_PROJECT_NAME: `profile-${label}-${mode}`,
            NEXT_TELEMETRY_DISABLED: '1',
            NODE_ENV: 'production',
            NODE_OPTIONS: `--cpu-prof --cpu-prof-interval=250 --cpu-prof-dir=${profileDir}`,
          },
        }));
      }
    }
    await Promise.all(keys.map((key) => runLoad(apps.get(key)!.url, { concurrency: 10, turns: 150, label: `warm-${key.replace("/", "-")}` })));
    const results = await Promise.all(
      keys.map(async (key) => {
        const startUs = Number(process.hrtime.bigint() / 1000n);
        const load = await runLoad(apps.get(key)!.url, { concurrency: CONCURRENCY, turns, label: `prof-${key.replace("/", "-")}` });
        return { key, load, window: { startUs, endUs: Number(process.hrtime.bigint() / 1000n) } };
      }),
    );
    for (const { key, load, window } of results) {
      windows[key] = window;
      const failed = load.turns.filter((turn) => !turn.ok).length;
      if (failed > 0) throw new Error(`${key}: ${failed} turns failed: ${load.turns.find((turn) => !turn.ok)?.error}`);
    }
    writeFileSync(join(tmp, 'windows.json'), JSON.stringify(windows));
  } finally {
    await new Promise((r) => setTimeout(r, 300));
    for (const app of apps.values()) await app.stop();
    await upstream.close();
    await meter.close();
  }
}
windows = windows ?? {};

const results: Record<string, ProfileSummary> = {};
for (const key of keys) {
  const dir = join(tmp, key);
  const files = readdirSync(dir).map((name) => join(dir, name));
  results[key] = summarizeProfiles(files, turns, windows[key]);
  console.log(`[profile] ${key}: ${files.length} profile(s), ${results[key].sampledMs.toFixed(0)} ms sampled during ${turns} turns`);
}

const us = (value: number | undefined) => (value ?? 0).toFixed(0);
const total = (s: ProfileSummary) => Object.values(s.categories).reduce((sum, v) => sum + v, 0);
const tracing = (s: ProfileSummary) => TRACING_CATEGORIES.reduce((sum, c) => sum + (s.categories[c] ?? 0), 0);
const categories = [...new Set(keys.flatMap((key) => Object.keys(results[key]!.categories)))].sort((a, b) => {
  const last = results[`after/openinference`]!;
  return (last.categories[b] ?? 0) - (last.categories[a] ?? 0);
});
const markdown = [
  `## CPU profiles of the server under load (${new Date().toISOString().slice(0, 10)})`,
  '',
  `\`node --cpu-prof\` of \`next start\` (production build) for ${checkouts.map((c) => `**${c.label}**`).join(' and ')}, each untraced and traced: ${keys.length} servers run and loaded **at the same time** (${turns} chat turns each at ${CONCURRENCY} concurrent, after 150 warm-up turns; fake upstream of 20 chunks 5 ms apart; export every 100 ms), so the machine's contention hits all alike. Self time per turn, only samples taken during the load, mapped to original sources through the server chunks' source maps. 1-min load average ${loadAtStart.toFixed(2)} at start, ${os.loadavg()[0]!.toFixed(2)} at end (shared machine, 2 cores: absolute µs are inflated by contention; compare columns).`,
  '',
  `| Where (self time, µs/turn) | ${keys.join(' | ')} |`,
  `|---|${keys.map(() => '--:').join('|')}|`,
  ...categories.map((c) => `| ${TRACING_CATEGORIES.includes(c) ? `**${c}**` : c} | ${keys.map((key) => us(results[key]!.categories[c])).join(' | ')} |`),
  `| **tracing categories** | ${keys.map((key) => `**${us(tracing(results[key]!))}**`).join(' | ')} |`,
  `| total sampled | ${keys.map((key) => us(total(results[key]!))).join(' | ')} |`,
  '',
  ...checkouts.flatMap(({ label }) => {
    const traced = results[`${label}/openinference`]!;
    const off = results[`${label}/off`]!;
    return [
      `### ${label}: top frames attributable to tracing (traced server)`,
      '',
      `Tracing categories: **${us(tracing(traced))} µs/turn**, ${((tracing(traced) / total(traced)) * 100).toFixed(1)} % of the traced server's sampled CPU; traced − untraced total: ${(total(traced) - total(off)).toFixed(0)} µs/turn (noisy).`,
      '',
      '| Frame | Category | µs/turn |',
      '|---|---|--:|',
      ...traced.frames
        .filter((frame) => TRACING_CATEGORIES.includes(frame.category))
        .slice(0, 15)
        .map((f) => `| \`${f.frame.replace(/\|/g, '\\|')}\` | ${f.category} | ${f.us.toFixed(1)} |`),
      '',
    ];
  }),
].join('\n');
mkdirSync(join('bench', 'results'), { recursive: true });
writeFileSync(join('bench', 'results', 'profile.md'), markdown);
writeFileSync(
  join('bench', 'results', 'profile.json'),
  `${JSON.stringify({ turns, concurrency: CONCURRENCY, checkouts: checkouts.map((c) => c.label), results: Object.fromEntries(keys.map((key) => [key, { ...results[key]!, frames: results[key]!.frames.slice(0, 40) }])) }, null, 1)}\n`,
);
console.log(markdown);
console.log(`[profile] wrote bench/results/profile.md and profile.json (profiles in ${tmp})`);
process.exit(0);
