/**
 * The deterministic counters, measured in the real server (`next start` of the production build):
 * a census preloaded into the app (`span-census.mjs`) counts every span started — Next's framework
 * spans and ours, recording or not — and every write to a recording span; the export meter counts
 * requests and bytes; the receiver decodes what arrived. Then 50 concurrent turns with per-turn
 * flush on show how many export requests they cause.
 */
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Receiver } from '../receiver/api';
import { startApp } from './app-server';
import { runLoad, type TurnResult } from './chat-client';
import type { ExportMeter } from './export-meter';

interface Census {
  recording: number;
  nonRecording: number;
  writes: number;
  attributeKeys: number;
  startAttributeKeys: number;
  recordingByTracer: Record<string, number>;
  nonRecordingByTracer: Record<string, number>;
}

export interface SpanCounters {
  label: string;
  turns: number;
  recordingSpansPerTurn: number;
  nonRecordingSpansPerTurn: number;
  recordingByTracer: Record<string, number>;
  nonRecordingByTracer: Record<string, number>;
  exportedSpansPerTurn: number;
  startAttributeKeysPerTurn: number;
  spanWritesPerTurn: number;
  attributeKeysWrittenPerTurn: number;
  exportedBytesPerTurn: number;
  exportRequestsPerTurn: number;
  failedTurns: number;
}

export interface FlushLoad {
  concurrency: number;
  turns: number;
  wallMs: number;
  exportRequests: number;
  exportRequestsPerSecond: number;
  turnsPerSecond: number;
  windowMs: number;
  failedTurns: number;
}

export interface CounterReport {
  ours: SpanCounters;
  /** The same turns with TRACE_ALL_SPANS=1 (what the framework would cost if recorded). */
  allSpans?: SpanCounters;
  flush: FlushLoad;
}

const CENSUS = fileURLToPath(new URL('./span-census.mjs', import.meta.url));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const FLUSH_WINDOW_MS = 50;

export async function measureSpanCounters(options: {
  port: number;
  env: Record<string, string>;
  meter: ExportMeter;
  receiver: Receiver;
  turns: number;
  flushTurns: number;
  withAllSpans: boolean;
  log: (line: string) => void;
}): Promise<CounterReport> {
  const ours = await countTurns('census', options, { TRACE_FLUSH_AFTER_TURN: '1' }, true);
  const allSpans = options.withAllSpans ? (await countTurns('census-all', options, { TRACE_ALL_SPANS: '1', TRACE_FLUSH_AFTER_TURN: '1' }, false)).counters : undefined;
  return { ours: ours.counters, allSpans, flush: ours.flush! };
}

async function countTurns(
  label: string,
  options: Parameters<typeof measureSpanCounters>[0],
  extraEnv: Record<string, string>,
  withFlushLoad: boolean,
): Promise<{ counters: SpanCounters; flush?: FlushLoad }> {
  const file = join(tmpdir(), `span-census-${process.pid}-${label}.json`);
  const app = await startApp({
    port: options.port,
    env: {
      ...options.env,
      ...extraEnv,
      TRACE_FLUSH_WINDOW_MS: String(FLUSH_WINDOW_MS),
      OTEL_BSP_SCHEDULE_DELAY: '600000', // only the per-turn flushes export
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: options.meter.endpoint(label),
      PHOENIX_PROJECT_NAME: `bench-${label}`,
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${CENSUS}`.trim(),
      SPAN_CENSUS_FILE: file,
    },
  });
  try {
    const read = (): Census => JSON.parse(readFileSync(file, 'utf8')) as Census;
    await runLoad(app.url, { concurrency: 1, turns: 3, label: `${label}-warm` });
    await sleep(400);
    // Spans exported = what the receiver got for this app during the measured turns (with
    // TRACE_ALL_SPANS=1, Next's spans are in the request's trace, not the turn's).
    await options.meter.deliver(options.receiver.url);
    const spansBefore = projectSpans(options.receiver, label);
    const before = read();
    const exportsBefore = options.meter.tally(label);
    const load = await runLoad(app.url, { concurrency: 1, turns: options.turns, label });
    await sleep(400); // the last flush window, and the census file's next write
    const after = read();
    const exportsAfter = options.meter.tally(label);
    await options.meter.deliver(options.receiver.url);
    const exported = projectSpans(options.receiver, label) - spansBefore;
    let flush: FlushLoad | undefined;
    if (withFlushLoad) {
      const start = options.meter.tally(label);
      const burst = await runLoad(app.url, { concurrency: 50, turns: options.flushTurns, label: `${label}-c50` });
      await sleep(400);
      const requests = options.meter.tally(label).requests - start.requests;
      flush = {
        concurrency: 50,
        turns: burst.turns.length,
        wallMs: burst.wallMs,
        exportRequests: requests,
        exportRequestsPerSecond: (requests * 1000) / burst.wallMs,
        turnsPerSecond: (burst.turns.length * 1000) / burst.wallMs,
        windowMs: FLUSH_WINDOW_MS,
        failedTurns: burst.turns.filter((turn) => !turn.ok).length,
      };
    }
    return { counters: counters(label, load.turns, before, after, exportsAfter.bytes - exportsBefore.bytes, exportsAfter.requests - exportsBefore.requests, exported), flush };
  } finally {
    await app.stop();
    rmSync(file, { force: true });
  }
}

function projectSpans(receiver: Receiver, label: string): number {
  return receiver.spans().filter((span) => span.project === `bench-${label}`).length;
}

function counters(label: string, turns: readonly TurnResult[], before: Census, after: Census, bytes: number, requests: number, exported: number): SpanCounters {
  const n = turns.length;
  const perTurn = (a: number, b: number) => (a - b) / n;
  const byTracer = (a: Record<string, number>, b: Record<string, number>) =>
    Object.fromEntries(Object.keys(a).map((name) => [name, perTurn(a[name] ?? 0, b[name] ?? 0)]).filter(([, value]) => value !== 0));
  return {
    label,
    turns: n,
    recordingSpansPerTurn: perTurn(after.recording, before.recording),
    nonRecordingSpansPerTurn: perTurn(after.nonRecording, before.nonRecording),
    recordingByTracer: byTracer(after.recordingByTracer, before.recordingByTracer),
    nonRecordingByTracer: byTracer(after.nonRecordingByTracer, before.nonRecordingByTracer),
    exportedSpansPerTurn: exported / n,
    startAttributeKeysPerTurn: perTurn(after.startAttributeKeys, before.startAttributeKeys),
    spanWritesPerTurn: perTurn(after.writes, before.writes),
    attributeKeysWrittenPerTurn: perTurn(after.attributeKeys, before.attributeKeys),
    exportedBytesPerTurn: bytes / n,
    exportRequestsPerTurn: requests / n,
    failedTurns: turns.filter((turn) => !turn.ok).length,
  };
}

/** What bench:smoke asserts about the counters (empty when all hold). */
export function counterFailures(report: CounterReport): string[] {
  const { ours, flush } = report;
  const failures: string[] = [];
  if (ours.failedTurns > 0 || flush.failedTurns > 0) failures.push(`counter turns failed: ${ours.failedTurns} + ${flush.failedTurns}`);
  if (ours.recordingSpansPerTurn !== ours.exportedSpansPerTurn) failures.push(`recording spans per turn ${ours.recordingSpansPerTurn} != exported ${ours.exportedSpansPerTurn}`);
  if (ours.recordingSpansPerTurn !== 2) failures.push(`recording spans per plain turn: ${ours.recordingSpansPerTurn}, expected 2 (turn + LLM)`);
  if (Object.keys(ours.recordingByTracer).some((name) => name !== 'traced-chat')) failures.push(`spans of other tracers recorded: ${JSON.stringify(ours.recordingByTracer)}`);
  // Consecutive coalesced flushes start at least one window apart: at most wall/window + 2 requests, and far fewer than turns.
  const bound = Math.floor(flush.wallMs / flush.windowMs) + 2;
  if (flush.exportRequests > bound || flush.exportRequests >= flush.turns / 2) failures.push(`${flush.exportRequests} export requests for ${flush.turns} turns at 50 concurrent (bound ${bound}, and < ${flush.turns / 2})`);
  return failures;
}
