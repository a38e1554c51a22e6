/**
 * The inside of a Lambda execution environment, run as a child process by `lambda-sandbox.ts`:
 * loads the OpenNext server function, runs one invocation at a time, and freezes itself (SIGSTOP)
 * the moment the invocation is settled (handler promise settled and response stream ended), as
 * Lambda freezes the sandbox when the runtime asks for the next event. Whatever the function did
 * not finish by then (a batched export still waiting for its timer) only runs after the thaw.
 *
 * Plain Node (type stripping only): argv[2] is the handler module. Events arrive over IPC; the
 * response and the "settled" mark leave through fd 3 with synchronous writes, so nothing is queued
 * in this process when it stops.
 */
import { writeSync } from 'node:fs';
import { Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';

type StreamingHandler = (event: unknown, stream: Writable, context: object) => Promise<unknown>;
const STREAMING = Symbol.for('aws.lambda.runtime.handler.streaming');

// What the Node.js managed runtime provides to response-streaming handlers.
(globalThis as Record<string, unknown>).awslambda = {
  streamifyResponse: (fn: StreamingHandler) => Object.assign(fn, { [STREAMING]: true }),
};

const OUT = 3;
function send(message: object): void {
  writeSync(OUT, `${JSON.stringify(message)}\n`);
}

const { handler } = (await import(pathToFileURL(process.argv[2]!).href)) as { handler: StreamingHandler };
let invocations = 0;

process.on('message', (message: { id: string; event: unknown }) => {
  void invoke(message.id, message.event);
});
send({ type: 'ready' });

async function invoke(id: string, event: unknown): Promise<void> {
  invocations += 1;
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      send({ type: 'chunk', id, data: Buffer.from(chunk).toString('base64') });
      callback();
    },
  });
  const ended = new Promise<void>((resolve) => stream.on('finish', resolve).on('close', resolve));
  Object.assign(stream, { setContentType: () => undefined });
  const context = { awsRequestId: id, functionName: 'traced-chat-server', getRemainingTimeInMillis: () => 60_000, callbackWaitsForEmptyEventLoop: true };
  let error: string | undefined;
  try {
    await handler(event, stream, context);
  } catch (caught) {
    error = caught instanceof Error ? caught.message : String(caught);
  }
  // The runtime ends the response when the handler settles without ending it.
  if (!stream.writableEnded) stream.end();
  await ended;
  send({ type: 'settled', id, error, invocations });
  // Frozen until the sandbox sends SIGCONT for the next invocation.
  process.kill(process.pid, 'SIGSTOP');
}
