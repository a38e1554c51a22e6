/**
 * The in-process microbenchmark of tracing work alone: the real chat route handler
 * (`handleChatRequest`: validation, tools offered, UI message stream) on the offline model with no
 * delay, in this process, with the app's real tracing pipeline registered (`@vercel/otel` +
 * `createOTelConfiguration`: sampler, context-attributes processor, batch processor, resilient OTLP
 * protobuf exporter to a local meter). Batches of turns alternate `TRACING_MODE=off` and
 * `openinference` (order rotating per repeat); each traced batch includes the export of its spans.
 * The tracing work per turn is the paired difference of CPU time per turn (user + system of this
 * process's main thread, where all of a turn's JavaScript runs; GC helper threads are left out), median over repeats, with its spread — no network, no other process, no pacing: the
 * noise of a shared machine is what is left, and the spread shows it.
 */
import { registerOTel } from '@vercel/otel';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { startExportMeter } from './export-meter';
import { chatRequestBody } from './chat-client';
import { median } from './stats';

export interface TracingWorkRow {
  kind: 'plain' | 'tool';
  turnsPerBatch: number;
  repeats: number;
  /** CPU µs per untraced turn (median over repeats). */
  untracedUs: number;
  tracedUs: number;
  /** Paired per repeat: traced − untraced, µs per turn. */
  addedUs: number;
  addedMinUs: number;
  addedMaxUs: number;
  /** addedUs ÷ untracedUs. */
  addedShare: number;
}

export interface TracingWork {
  rows: TracingWorkRow[];
  exportRequests: number;
  exportBytesPerTracedTurn: Record<'plain' | 'tool', number>;
}

const PROMPTS = { plain: 'Benchmark question: say something.', tool: 'Please calculate 17 * 23 for me.' } as const;

export async function measureTracingWork(options: { turnsPerBatch: number; repeats: number; port: number }): Promise<TracingWork> {
  Object.assign(process.env, { OPENAI_API_KEY: '', OFFLINE_MODEL_DELAY_MS: '0', TRACE_FLUSH_AFTER_TURN: '0', NEXT_RUNTIME: 'nodejs' });
  const meter = await startExportMeter({ port: options.port });
  try {
    const env = { ...process.env, OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: meter.endpoint('work'), PHOENIX_PROJECT_NAME: 'bench-work', OTEL_BSP_SCHEDULE_DELAY: '60000' };
    const { createOTelConfiguration } = await import('../lib/tracing/export/otel-configuration');
    const { flushTraces } = await import('../lib/tracing/export/trace-processor');
    const { handleChatRequest } = await import('../app/api/chat/handle-chat-request');
    registerOTel(createOTelConfiguration((await import('../lib/config/app-config')).readConfig(env)));
    const gc = exposeGc();
    let serial = 0;
    const turn = async (kind: 'plain' | 'tool') => {
      const id = `work-${serial++}`;
      const response = await handleChatRequest(
        new Request('http://127.0.0.1/api/chat', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(chatRequestBody(id, PROMPTS[kind])) }),
      );
      const body = await response.text();
      if (!response.ok || !body.includes('"finish"')) throw new Error(`work turn failed: ${response.status} ${body.slice(0, 200)}`);
    };
    const batch = async (mode: 'off' | 'openinference', kind: 'plain' | 'tool', turns: number) => {
      process.env.TRACING_MODE = mode; (await import('../lib/config/app-config')).resetAppConfig(); // appConfig() reads the env once
      gc();
      const before = cpuUsage();
      for (let i = 0; i < turns; i++) await turn(kind);
      if (mode === 'openinference') await flushTraces();
      const used = cpuUsage(before);
      return (used.user + used.system) / turns;
    };
    const rows: TracingWorkRow[] = [];
    const bytes = { plain: 0, tool: 0 };
    for (const kind of ['plain', 'tool'] as const) {
      // Warm-up: JIT, module caches, connection to the meter.
      await batch('off', kind, options.turnsPerBatch);
      await batch('openinference', kind, options.turnsPerBatch);
      const bytesBefore = meter.tally('work').bytes;
      const off: number[] = [];
      const traced: number[] = [];
      for (let repeat = 0; repeat < options.repeats; repeat++) {
        const order = repeat % 2 === 0 ? (['off', 'openinference'] as const) : (['openinference', 'off'] as const);
        for (const mode of order) (mode === 'off' ? off : traced).push(await batch(mode, kind, options.turnsPerBatch));
      }
      bytes[kind] = (meter.tally('work').bytes - bytesBefore) / (options.turnsPerBatch * options.repeats);
      const added = traced.map((value, index) => value - off[index]!);
      const untracedUs = median(off);
      rows.push({
        kind,
        turnsPerBatch: options.turnsPerBatch,
        repeats: options.repeats,
        untracedUs,
        tracedUs: median(traced),
        addedUs: median(added),
        addedMinUs: Math.min(...added),
        addedMaxUs: Math.max(...added),
        addedShare: median(added) / untracedUs,
      });
    }
    return { rows, exportRequests: meter.tally('work').requests, exportBytesPerTracedTurn: bytes };
  } finally {
    delete process.env.TRACING_MODE;
    await meter.close();
  }
}

/** `gc()` without `--expose-gc` on the command line, so each batch starts from a collected heap. */
function exposeGc(): () => void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as (() => void) | undefined;
  return gc ?? (() => undefined);
}

/** CPU time of the main thread (Node ≥ 23.9), else of the whole process. */
function cpuUsage(previous?: NodeJS.CpuUsage): NodeJS.CpuUsage {
  const thread = (process as { threadCpuUsage?: (previous?: NodeJS.CpuUsage) => NodeJS.CpuUsage }).threadCpuUsage;
  return thread ? thread.call(process, previous) : process.cpuUsage(previous);
}
