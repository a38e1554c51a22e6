import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { readBody } from '../support/chat-request';
import { untilStopped } from '../support/process-state';

const ROOT = path.resolve(__dirname, '../..');
const PRELOAD = path.join(__dirname, 'request-context-preload.cjs');

export interface FunctionResponse {
  status: number;
  headers: Headers;
  body: string;
  waitUntilCalls: number;
}

/**
 * Next's own build (`next start`) served as a Vercel Node.js function: every request runs in the
 * request context Vercel provides (`request-context-preload.cjs`), and the process is frozen the
 * moment the response is sent and its waitUntil work settled; the next request thaws it.
 */
export class VercelFunction {
  private frozen = false;
  private readonly settled = new Map<string, (waitUntilCalls: number) => void>();
  private sequence = 0;
  readonly output: string[] = [];

  private constructor(private readonly child: ChildProcess, readonly url: string) {}

  static async start(port: number, env: Record<string, string>): Promise<VercelFunction> {
    const child = spawn(process.execPath, ['--require', PRELOAD, 'node_modules/next/dist/bin/next', 'start', '--hostname', '127.0.0.1', '--port', String(port)], {
      cwd: ROOT,
      env: { ...process.env, VERCEL: '1', VERCEL_ENV: 'production', ...env },
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    });
    const fn = new VercelFunction(child, `http://127.0.0.1:${port}`);
    child.stdout!.on('data', (chunk: Buffer) => fn.output.push(chunk.toString('utf8')));
    child.stderr!.on('data', (chunk: Buffer) => fn.output.push(chunk.toString('utf8')));
    createInterface({ input: child.stdio[3] as Readable }).on('line', (line) => {
      const { id, waitUntilCalls } = JSON.parse(line) as { id: string; waitUntilCalls: number };
      fn.settled.get(id)?.(waitUntilCalls);
    });
    const deadline = Date.now() + 60_000;
    while (!(await fetch(`${fn.url}/api/diagnostics`).then((r) => r.status < 500, () => false))) {
      if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}: ${fn.output.join('')}`);
      if (Date.now() > deadline) throw new Error(`next start did not serve ${fn.url}: ${fn.output.join('')}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return fn;
  }

  /** One invocation: thaws the function, sends the request, resolves once the function is frozen again. */
  /** `stopAfterBytes`: the client goes away after that much of the body (Stop). */
  async request(pathname: string, init: RequestInit, stopAfterBytes?: number): Promise<FunctionResponse> {
    this.thaw();
    const id = `vercel-${++this.sequence}`;
    const settled = new Promise<number>((resolve) => this.settled.set(id, resolve));
    const abort = new AbortController();
    const headers = { ...(init.headers as Record<string, string>), 'x-settle-id': id };
    const response = await fetch(`${this.url}${pathname}`, { ...init, headers, signal: abort.signal });
    const body = await readBody(response, abort, stopAfterBytes);
    const waitUntilCalls = await settled;
    await untilStopped(this.child.pid!);
    this.frozen = true;
    return { status: response.status, headers: response.headers, body, waitUntilCalls };
  }

  thaw(): void {
    if (!this.frozen) return;
    this.child.kill('SIGCONT');
    this.frozen = false;
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGKILL');
    await exited;
  }
}
