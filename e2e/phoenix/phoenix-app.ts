/**
 * The app under test for the real-Phoenix suite: the built app (`next start`, reusing `.next`) with a
 * fake OpenAI-compatible upstream as its model, configured for tracing the way a Phoenix user does it
 * — only `PHOENIX_COLLECTOR_ENDPOINT` and `PHOENIX_PROJECT_NAME` — and for the model with
 * `OPENAI_API_KEY` (dummy), `OPENAI_BASE_URL` and `CHAT_MODEL=gpt-4o-mini` (a model in Phoenix's price
 * table, so Phoenix computes cost). Nothing of the caller's own tracing, model or masking env leaks in.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { startFakeOpenAI, type FakeOpenAI, type FakeOpenAIOptions } from '../../lib/ai/testing/fake-openai-server';
import { spawnNext } from '../support/spawn-next';
import { deletePhoenixProject, phoenixApiKey, phoenixUrl, uniqueProjectName } from './phoenix-api';

export const PHOENIX_SUITE_MODEL = 'gpt-4o-mini';

export interface PhoenixAppOptions {
  /** The Phoenix project the app exports to (default: a fresh unique one). */
  project?: string;
  /** Port of `next start` (default: the next free one from `E2E_APP_PORT`, default 3140). */
  port?: number;
  /** The fake upstream's initial behaviour. */
  upstream?: FakeOpenAIOptions;
  /** Extra env for the app (e.g. `OPENINFERENCE_HIDE_INPUTS`, `CHAT_MODEL`, `CHAT_LLM_PROVIDER`). */
  env?: Record<string, string>;
}

export interface PhoenixApp {
  /** Base URL of the app, e.g. `http://127.0.0.1:3140`. */
  url: string;
  project: string;
  upstream: FakeOpenAI;
  /** What the app printed (for failure messages and secret searches). */
  output: { stdout: string[]; stderr: string[] };
  /**
   * Stops the app (SIGTERM, so it flushes; SIGKILL after 10 s) and the fake upstream. With
   * PHOENIX_TEST_CLEANUP=1, also deletes the project from Phoenix if this harness named it.
   */
  stop(): Promise<void>;
}

/** Variables of the caller's shell that would change what the app exports or which model it uses. */
const INHERITED = /^(OTEL_|PHOENIX_|OPENINFERENCE_|OPENAI_|CHAT_|TRACE_|TRACING_|OFFLINE_MODEL_|ANTHROPIC_|GOOGLE_|NEXT_)/;

/** The app's environment over the caller's: anything tracing/model related unset (`undefined`), plus ours. */
export function phoenixAppEnv(project: string, upstreamBaseURL: string, extra: Record<string, string> = {}): Record<string, string | undefined> {
  const phoenix = phoenixUrl();
  if (!phoenix) throw new Error('PHOENIX_TEST_URL is not set');
  const unset = Object.fromEntries(Object.keys(process.env).filter((key) => INHERITED.test(key)).map((key) => [key, undefined]));
  const key = phoenixApiKey();
  return {
    ...unset,
    PHOENIX_COLLECTOR_ENDPOINT: phoenix,
    PHOENIX_PROJECT_NAME: project,
    ...(key ? { PHOENIX_API_KEY: key } : {}),
    OPENAI_API_KEY: 'sk-fake-phoenix-suite',
    OPENAI_BASE_URL: upstreamBaseURL,
    CHAT_MODEL: PHOENIX_SUITE_MODEL,
    // The fake upstream's host is not OpenAI's: say which provider's prices apply.
    CHAT_LLM_PROVIDER: 'openai',
    NEXT_TELEMETRY_DISABLED: '1',
    TRACE_DIAGNOSTICS: '1',
    ...extra,
  };
}

let nextPort = Number(process.env.E2E_APP_PORT ?? 3140);

export async function startPhoenixApp(options: PhoenixAppOptions = {}): Promise<PhoenixApp> {
  if (!existsSync('.next/BUILD_ID')) throw new Error('no .next build: run `npx next build` first (npm run test:phoenix does)');
  const project = options.project ?? uniqueProjectName('app');
  const port = options.port ?? (await takeFreePort());
  const upstream = await startFakeOpenAI(options.upstream);
  const output = { stdout: [] as string[], stderr: [] as string[] };
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess;
  try {
    child = await spawnNext('start', port, phoenixAppEnv(project, upstream.baseURL, options.env), 60_000, output);
  } catch (error) {
    await upstream.close();
    throw new Error(`${(error as Error).message}\n${output.stderr.join('').slice(-2000)}`);
  }
  return {
    url,
    project,
    upstream,
    output,
    stop: async () => {
      await stopChild(child);
      await upstream.close();
      if (!options.project && process.env.PHOENIX_TEST_CLEANUP === '1') await deletePhoenixProject(project);
    },
  };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** The next port from the suite's range that nothing listens on. */
async function takeFreePort(): Promise<number> {
  for (let tries = 0; tries < 20; tries++) {
    const port = nextPort++;
    if (await isFree(port)) return port;
  }
  throw new Error('no free port for the app');
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}
