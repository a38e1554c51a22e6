/**
 * `next build` and `next start` in the prepared app, as its own process group (so stopping it ends
 * every process Next started), with the output kept in a log file that a failure prints the end of.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const NEXT_BIN = ['node_modules', 'next', 'dist', 'bin', 'next'];

/** Runs `next build` (Turbopack, Next's default); fails with the end of its output. */
export async function nextBuild(dir: string, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<number> {
  const started = Date.now();
  const log = join(dir, 'next-build.log');
  const child = spawnNext(dir, ['build'], env, log);
  const timer = setTimeout(() => stopGroup(child), timeoutMs);
  const code = await exited(child);
  clearTimeout(timer);
  if (code !== 0) {
    const output = tail(log, 400);
    const missing = [...new Set(output.split('\n').filter((line) => /Module not found|Cannot find module|Type error/.test(line)).map((line) => line.trim()))];
    const summary = missing.length ? `\n${missing.join('\n')}\n(a file or package the guide does not list?)` : '';
    throw new Error(`next build failed (exit ${code})${summary}\n--- end of the build output ---\n${tail(log, 60)}`);
  }
  return Date.now() - started;
}

export interface RunningApp {
  url: string;
  log: string;
  stop(): Promise<void>;
}

/** Starts `next start` on `port` and waits until it serves `/`. */
export async function nextStart(dir: string, port: number, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<RunningApp> {
  const log = join(dir, 'next-start.log');
  const child = spawnNext(dir, ['start', '--hostname', '127.0.0.1', '--port', String(port)], env, log);
  const url = `http://127.0.0.1:${port}`;
  const app: RunningApp = { url, log, stop: async () => void (await stopGroup(child)) };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${tail(log, 40)}`);
    if (await fetch(`${url}/`).then((response) => response.ok, () => false)) return app;
    if (Date.now() > deadline) {
      await app.stop();
      throw new Error(`next start did not serve ${url}/ within ${timeoutMs} ms:\n${tail(log, 40)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

/** A free TCP port on 127.0.0.1 (asked from the OS), unless `preferred` is given. */
export async function freePort(preferred?: string): Promise<number> {
  if (preferred) return Number(preferred);
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export function tail(path: string, lines: number): string {
  try {
    return readFileSync(path, 'utf8').replace(/\x1b\[[0-9;]*m/g, '').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no output)';
  }
}

function spawnNext(dir: string, args: string[], env: NodeJS.ProcessEnv, logPath: string): ChildProcess {
  const out = createWriteStream(logPath);
  const child = spawn(process.execPath, [join(...NEXT_BIN), ...args], {
    cwd: dir,
    env: { ...env, NO_COLOR: '1', FORCE_COLOR: '0' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  return child;
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** SIGTERM to the whole group (Next flushes on it), SIGKILL if it is still there after 20 s. */
async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name);
    } catch {
      // already gone
    }
  };
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), 20_000);
  await exited(child);
  clearTimeout(timer);
  signal('SIGKILL'); // anything the server left behind in its group
}
