import { spawn, type ChildProcess } from 'node:child_process';

/** Starts `next <command>` on `port` with `env` over the caller's (`undefined` unsets a variable) and waits until it serves `/`. */
export async function spawnNext(
  command: 'start' | 'dev',
  port: number,
  env: Record<string, string | undefined>,
  timeoutMs = 60_000,
  /** Collects the server's stdout and stderr (otherwise ignored). */
  output?: { stdout: string[]; stderr: string[] },
  /** The address to listen on (default loopback only). */
  hostname = '127.0.0.1',
): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['node_modules/next/dist/bin/next', command, '--hostname', hostname, '--port', String(port)], {
    env: { ...process.env, ...env },
    stdio: output ? ['ignore', 'pipe', 'pipe'] : 'ignore',
  });
  child.stdout?.on('data', (chunk: Buffer) => output?.stdout.push(chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => output?.stderr.push(chunk.toString('utf8')));
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next ${command} exited with ${child.exitCode}`);
    if (await fetch(url).then((r) => r.ok, () => false)) return child;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`next ${command} did not serve ${url} within ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** `next start` of the built app on `port` with `env`, collecting what it prints (for leak and warning checks). */
export async function startNextCollecting(port: number, env: Record<string, string>): Promise<{ server: ChildProcess; output: { stdout: string[]; stderr: string[] } }> {
  const output = { stdout: [] as string[], stderr: [] as string[] };
  return { server: await spawnNext('start', port, env, 60_000, output), output };
}

export function chatBody(id: string, text: string) {
  return { id, messages: [{ id: 'u1', role: 'user', parts: [{ type: 'text', text }] }] };
}

export function traceIdOf(traceresponse: string | undefined): string | undefined {
  return /^00-([0-9a-f]{32})-/.exec(traceresponse ?? '')?.[1];
}
