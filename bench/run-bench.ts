/**
 * Runs the benchmark: the fake OpenAI upstream the tests use (`lib/ai/testing/fake-openai-server.ts`,
 * paced), an export meter in front of the OTLP receiver, and the built app under `next start` once
 * per mode. Every mode is warmed up, then measured in
 * rounds — each round runs every concurrency level in every mode, rotating the mode order — so slow
 * drifts of this shared machine hit all modes alike. Returns the raw batches and per-mode totals.
 */
import os from 'node:os';
import { numberedWords, startFakeOpenAI } from '../lib/ai/testing/fake-openai-server';
import { startReceiver } from '../receiver/api';
import type { ReceivedSpan } from '../receiver/api';
import { startApp, type AppServer } from './app-server';
import { MODES, type BenchConfig, type Mode } from './bench-config';
import { runLoad, type TurnResult } from './chat-client';
import { startExportMeter } from './export-meter';
import { cpuSeconds, memoryKb, processTree } from './process-stats';
import { measureSpanCounters, type CounterReport } from './span-counters';

export interface Batch {
  mode: Mode;
  round: number;
  concurrency: number;
  wallMs: number;
  cpuSeconds: number;
  exportRequests: number;
  exportBytes: number;
  /** Resident set of the server's process tree right after the batch, kB. */
  rssKb: number;
  turns: TurnResult[];
}

export interface RawRun {
  config: BenchConfig;
  batches: Batch[];
  peakRssKb: Record<Mode, number>;
  spans: Record<Mode, ReceivedSpan[]>;
  answer: string;
  durationMs: number;
  /** Deterministic counters of the real server (census app, per-turn flush on). */
  counters: CounterReport;
  /** 1-minute load average of the machine at the start and end of the run (others may share it). */
  loadAverage: { start: number; end: number };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runBench(config: BenchConfig, log: (line: string) => void = console.log): Promise<RawRun> {
  const started = Date.now();
  const loadAtStart = os.loadavg()[0]!;
  const cleanups: (() => Promise<void>)[] = [];
  try {
    const receiver = await startReceiver({ port: config.ports.receiver });
    cleanups.push(() => receiver.close());
    const meter = await startExportMeter({ port: config.ports.meter });
    cleanups.push(() => meter.close());
    const words = numberedWords(config.chunks);
    const upstream = await startFakeOpenAI({ port: config.ports.upstream, words, chunkDelayMs: config.chunkIntervalMs });
    cleanups.push(() => upstream.close());

    const apps = {} as Record<Mode, AppServer>;
    for (const mode of MODES) {
      apps[mode] = await startApp({ port: config.ports.apps[mode], env: appEnv(config, mode, upstream.baseURL, meter.endpoint(mode)) });
      cleanups.push(() => apps[mode].stop());
      log(`[bench] ${mode}: next start pid ${apps[mode].pid} on ${apps[mode].url}`);
    }
    for (const mode of MODES) {
      const warm = await runLoad(apps[mode].url, { concurrency: 10, turns: config.warmupTurns, label: `warm-${mode}` });
      const failed = warm.turns.filter((turn) => !turn.ok);
      if (failed.length > 0) throw new Error(`${mode}: ${failed.length} warm-up turn(s) failed: ${failed[0]!.error}`);
    }
    await sleep(config.bspDelayMs * 3);

    const batches: Batch[] = [];
    for (let round = 0; round < config.rounds; round++) {
      for (const concurrency of config.concurrencies) {
        for (const mode of rotate(MODES, round + concurrency)) {
          const pids = processTree(apps[mode].pid);
          const cpuBefore = cpuSeconds(pids);
          const exportsBefore = meter.tally(mode);
          const load = await runLoad(apps[mode].url, { concurrency, turns: config.turnsPerBatch[concurrency] ?? concurrency, label: `r${round}-c${concurrency}-${mode}` });
          await sleep(config.bspDelayMs * 2.5); // let the batch's spans be exported
          const exportsAfter = meter.tally(mode);
          batches.push({
            mode,
            round,
            concurrency,
            wallMs: load.wallMs,
            cpuSeconds: cpuSeconds(processTree(apps[mode].pid)) - cpuBefore,
            exportRequests: exportsAfter.requests - exportsBefore.requests,
            exportBytes: exportsAfter.bytes - exportsBefore.bytes,
            rssKb: memoryKb(processTree(apps[mode].pid), 'VmRSS'),
            turns: load.turns,
          });
        }
      }
      log(`[bench] round ${round + 1}/${config.rounds} done (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    }

    const peakRssKb = Object.fromEntries(MODES.map((mode) => [mode, memoryKb(processTree(apps[mode].pid), 'VmHWM')])) as Record<Mode, number>;
    for (const mode of MODES) await apps[mode].stop();
    log('[bench] counters: census of spans in the real server, then 50 concurrent turns with per-turn flush on');
    const counters = await measureSpanCounters({
      port: config.ports.census,
      env: appEnv(config, 'openinference', upstream.baseURL, meter.endpoint('census')),
      meter,
      receiver,
      turns: config.counterTurns,
      flushTurns: config.flushTurns,
      withAllSpans: config.name === 'default',
      log,
    });
    await meter.deliver(receiver.url);
    const spans = Object.fromEntries(MODES.map((mode) => [mode, receiver.spans().filter((span) => span.project === `bench-${mode}`)])) as Record<Mode, ReceivedSpan[]>;
    return { config, batches, peakRssKb, spans, counters, answer: words.join(''), durationMs: Date.now() - started, loadAverage: { start: loadAtStart, end: os.loadavg()[0]! } };
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => log(`[bench] cleanup failed: ${String(error)}`));
  }
}

function appEnv(config: BenchConfig, mode: Mode, baseURL: string, endpoint: string): Record<string, string> {
  return {
    TRACING_MODE: mode,
    OPENAI_API_KEY: 'bench-key',
    OPENAI_BASE_URL: baseURL,
    CHAT_MODEL: 'bench-model',
    OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: endpoint,
    OTEL_BSP_SCHEDULE_DELAY: String(config.bspDelayMs),
    TRACE_FLUSH_AFTER_TURN: '0',
    PHOENIX_PROJECT_NAME: `bench-${mode}`,
    NEXT_TELEMETRY_DISABLED: '1',
    NODE_ENV: 'production',
  };
}

function rotate<T>(items: readonly T[], by: number): T[] {
  const shift = by % items.length;
  return [...items.slice(shift), ...items.slice(0, shift)];
}
