import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { untilStopped } from '../support/process-state';
import { functionUrlEvent, type HttpInvocation } from './function-url-event';

export interface LambdaResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  /** Set when the handler threw. */
  error?: string;
}

type RuntimeMessage =
  | { type: 'ready' }
  | { type: 'chunk'; id: string; data: string }
  | { type: 'settled'; id: string; error?: string; invocations: number };

const RUNTIME = path.join(__dirname, 'lambda-runtime.ts');
const PRELUDE_END = Buffer.alloc(8);
const LAMBDA_ENV: Record<string, string> = {
  AWS_LAMBDA_FUNCTION_NAME: 'traced-chat-server',
  AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
  AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '1024',
  AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x',
  AWS_REGION: 'us-east-1',
};

/**
 * A local Lambda execution environment for the OpenNext server function: one invocation at a time;
 * after each one the function's process is stopped (SIGSTOP, by itself, the moment the invocation
 * settles) and stays frozen until the next invocation thaws it (SIGCONT). `invoke` resolves only
 * once the process is verifiably frozen, so whatever the caller observes then is what a frozen
 * Lambda has delivered.
 */
export class LambdaSandbox {
  private next = 0;
  private pending?: { id: string; chunks: Buffer[]; resolve: (r: LambdaResponse) => void; reject: (e: Error) => void };
  private frozen = false;
  readonly stderr: string[] = [];

  private constructor(private readonly child: ChildProcess, private readonly host: string) {}

  static async start(handlerModule: string, env: Record<string, string>): Promise<LambdaSandbox> {
    const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', RUNTIME, handlerModule], {
      cwd: path.dirname(handlerModule),
      // What the Lambda Node.js runtime sets (platform detection reads these).
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', ...LAMBDA_ENV, LAMBDA_TASK_ROOT: path.dirname(handlerModule), ...env },
      stdio: ['ignore', 'inherit', 'pipe', 'pipe', 'ipc'],
    });
    const sandbox = new LambdaSandbox(child, 'lambda-url.local');
    (child.stderr as Readable).on('data', (chunk: Buffer) => sandbox.stderr.push(chunk.toString('utf8')));
    const ready = new Promise<void>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`Lambda runtime exited with ${code}: ${sandbox.stderr.join('')}`)));
      createInterface({ input: child.stdio[3] as Readable }).on('line', (line) => {
        const message = JSON.parse(line) as RuntimeMessage;
        if (message.type === 'ready') resolve();
        else sandbox.onMessage(message);
      });
    });
    await ready;
    return sandbox;
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Runs one invocation (thawing the process first) and resolves once the process is frozen again. */
  async invoke(request: HttpInvocation): Promise<LambdaResponse> {
    if (this.pending) throw new Error('a Lambda execution environment runs one invocation at a time');
    const id = `inv-${++this.next}`;
    const response = new Promise<LambdaResponse>((resolve, reject) => (this.pending = { id, chunks: [], resolve, reject }));
    if (this.frozen) {
      this.child.kill('SIGCONT');
      this.frozen = false;
    }
    this.child.send({ id, event: functionUrlEvent(request, this.host) });
    const result = await response;
    await untilStopped(this.pid);
    this.frozen = true;
    return result;
  }

  /** Thaws the process without an invocation (to see what a frozen function still had queued). */
  thaw(): void {
    if (!this.frozen) return;
    this.child.kill('SIGCONT');
    this.frozen = false;
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGKILL');
    await exited;
  }

  private onMessage(message: RuntimeMessage): void {
    const pending = this.pending;
    if (!pending || message.type === 'ready' || message.id !== pending.id) return;
    if (message.type === 'chunk') {
      pending.chunks.push(Buffer.from(message.data, 'base64'));
      return;
    }
    this.pending = undefined;
    pending.resolve({ ...parseStreamingResponse(Buffer.concat(pending.chunks)), error: message.error });
  }
}

/** OpenNext's streaming wrapper writes a JSON prelude (status, headers, cookies), 8 zero bytes, then the body. */
function parseStreamingResponse(bytes: Buffer): Omit<LambdaResponse, 'error'> {
  const split = bytes.indexOf(PRELUDE_END);
  if (split < 0) return { statusCode: 502, headers: {}, body: bytes.toString('utf8') };
  const prelude = JSON.parse(bytes.subarray(0, split).toString('utf8')) as { statusCode: number; headers: Record<string, string>; cookies?: string[] };
  const headers = { ...prelude.headers, ...(prelude.cookies?.length ? { 'set-cookie': prelude.cookies.join(', ') } : {}) };
  return { statusCode: prelude.statusCode, headers, body: bytes.subarray(split + PRELUDE_END.length).toString('utf8') };
}
