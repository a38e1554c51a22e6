/** What the benchmark runs: modes, concurrency levels, batch sizes, rounds, the upstream's pacing, ports. */
export const MODES = ['off', 'openinference', 'peer'] as const;
export type Mode = (typeof MODES)[number];

export const MODE_LABELS: Record<Mode, string> = {
  off: 'untraced',
  openinference: 'ours (OpenInference)',
  peer: 'peer (openinference-vercel + @ai-sdk/otel)',
};

export interface BenchConfig {
  name: 'default' | 'smoke';
  concurrencies: number[];
  /** Turns per measured batch, by concurrency. */
  turnsPerBatch: Record<number, number>;
  /** Each round runs every concurrency in every mode (mode order rotates per round). */
  rounds: number;
  /** Turns per mode before measuring (JIT, connection pools). */
  warmupTurns: number;
  /** Upstream answer: content chunks and the pause before each. */
  chunks: number;
  chunkIntervalMs: number;
  /** Batch delay of both traced modes; the app's per-turn flush is off (long-running server setting). */
  bspDelayMs: number;
  /** Sequential turns counted by the span census, and turns of the 50-concurrent per-turn-flush run. */
  counterTurns: number;
  flushTurns: number;
  /** In-process microbenchmark: turns per batch and paired repeats (each mode once per repeat). */
  workTurns: number;
  workRepeats: number;
  ports: { apps: Record<Mode, number>; meter: number; receiver: number; upstream: number; census: number; work: number };
}

const PORTS: BenchConfig['ports'] = {
  apps: { off: 3300, openinference: 3301, peer: 3302 },
  meter: 4340,
  receiver: 4341,
  upstream: 4342,
  census: 3303,
  work: 4343,
};

export const DEFAULT_CONFIG: BenchConfig = {
  name: 'default',
  concurrencies: [1, 10, 50],
  turnsPerBatch: { 1: 20, 10: 80, 50: 200 },
  rounds: 5,
  warmupTurns: 150,
  chunks: 20,
  chunkIntervalMs: 5,
  bspDelayMs: 100,
  counterTurns: 20,
  flushTurns: 200,
  workTurns: 80,
  workRepeats: 9,
  ports: PORTS,
};

export const SMOKE_CONFIG: BenchConfig = {
  name: 'smoke',
  concurrencies: [1, 2],
  turnsPerBatch: { 1: 2, 2: 2 },
  rounds: 1,
  warmupTurns: 2,
  chunks: 5,
  chunkIntervalMs: 1,
  bspDelayMs: 50,
  counterTurns: 5,
  flushTurns: 100,
  workTurns: 10,
  workRepeats: 5,
  ports: { ...PORTS, apps: { off: 3310, openinference: 3311, peer: 3312 }, meter: 4345, receiver: 4346, upstream: 4347, census: 3309, work: 4344 },
};
