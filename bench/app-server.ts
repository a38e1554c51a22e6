/**
 * Starts the built app (`next start`) in its own process group, so that it and anything it forks
 * can be stopped together, and waits until it answers.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export interface AppServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** Process groups still running; killed if the benchmark exits without stopping them (Ctrl-C, crash). */
const running = new Set<number>();
process.once('exit', () => {
  for (const pid of running) killGroup(pid, 'SIGKILL');
});

export async function startApp(options: { port: number; env: Record<string, string>; timeoutMs?: number; cwd?: string }): Promise<AppServer> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['node_modules/next/dist/bin/next', 'start', '--hostname', '127.0.0.1', '--port', String(options.port)],
    { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'ignore', 'pipe'], detached: true },
  );
  running.add(child.pid!);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      running.delete(child.pid!);
      resolve();
    }),
  );
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    killGroup(child.pid!, 'SIGTERM');
    const timer = setTimeout(() => killGroup(child.pid!, 'SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  const url = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}: ${stderr}`);
      if (await fetch(`${url}/`).then((r) => r.ok, () => false)) break;
      if (Date.now() > deadline) throw new Error(`next start did not answer on ${url} in time: ${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, pid: child.pid!, stop };
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}
