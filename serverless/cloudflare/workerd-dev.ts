import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const CONFIG = path.join(__dirname, 'wrangler.test.jsonc');

/**
 * The OpenNext worker running locally in workerd under `wrangler dev` (no login, loopback only).
 * `dispose()` stops it at once, as the platform evicts an isolate: nothing left in it runs later.
 */
export class WorkerdDev {
  private constructor(private readonly child: ChildProcess, readonly url: string, readonly output: string[]) {}

  static async start(port: number, vars: Record<string, string>): Promise<WorkerdDev> {
    const args = [path.join(ROOT, 'node_modules/wrangler/bin/wrangler.js'), 'dev', '-c', CONFIG, '--ip', '127.0.0.1', '--port', String(port)];
    args.push('--inspector-port', String(port + 1), '--show-interactive-dev-session=false', '--log-level', 'warn');
    for (const [key, value] of Object.entries(vars)) args.push('--var', `${key}:${value}`);
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const output: string[] = [];
    child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
    child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
    const dev = new WorkerdDev(child, `http://127.0.0.1:${port}`, output);
    const deadline = Date.now() + 120_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`wrangler dev exited with ${child.exitCode}: ${output.join('')}`);
      if (await fetch(`${dev.url}/api/diagnostics`).then((r) => r.status < 500, () => false)) return dev;
      if (Date.now() > deadline) {
        await dev.dispose();
        throw new Error(`wrangler dev did not serve ${dev.url} in time: ${output.join('')}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  /** Ends wrangler and its workerd process group right away (SIGKILL: no grace period, no drain). */
  async dispose(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    process.kill(-this.child.pid!, 'SIGKILL');
    await exited;
  }
}
