/**
 * Proves docs/trace-your-own-app.md: builds the app a reader ends up with (see prepare-app.ts),
 * `next build` + `next start`, then streams turns through the guide's route handler and server action
 * against the fake OpenAI server and checks the spans at the local receiver. Everything comes from the
 * guide; the only assumptions about its code are the ones its text promises: the route takes
 * `useChat`'s body and offers tools (AGENT turn), the action is called as `(sessionId, question)`
 * and returns the trace id with a text stream (CHAIN turn).
 *
 * Run: `npm run test:guide`. Env: GUIDE_GUIDE (another guide file, e.g. a broken copy),
 * GUIDE_APP_PORT / GUIDE_RECEIVER_PORT (default: free ports), GUIDE_TEST_KEEP=1 (keep the temp app).
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startFakeOpenAI, type FakeOpenAI } from '../lib/ai/testing/fake-openai-server.ts';
import { startReceiver, type Receiver } from '../receiver/api.ts';
import { callServerAction, findServerAction, postChat } from './client.ts';
import { fakeToolCalls, noteArrival, requestsSince, TOOL_REQUEST, type TimedRequest } from './fake-model.ts';
import { freePort, nextBuild, nextStart, tail, type RunningApp } from './next-app.ts';
import { parseGuide } from './parse-guide.ts';
import { appEnv, exportEnv } from './app-env.ts';
import { checkInPhoenix, phoenixForTest } from './phoenix.ts';
import { prepareApp, type PreparedApp } from './prepare-app.ts';
import { checkLifecycle, checkLlm, endMs, waitForTurn } from './span-checks.ts';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const GUIDE_PATH = resolve(REPO, process.env.GUIDE_GUIDE ?? 'docs/trace-your-own-app.md');
const PHOENIX = phoenixForTest();
if (!('skip' in PHOENIX)) process.env.PHOENIX_TEST_URL = PHOENIX.url; // for the Phoenix client
// A project of its own per run, so that a shared Phoenix shows only this run's spans.
const PROJECT = `guide-test-${randomUUID().slice(0, 8)}`;
const API_KEY = `guide-${randomUUID()}`;
const SPANS_TIMEOUT_MS = 30_000;
const guide = parseGuide(readFileSync(GUIDE_PATH, 'utf8'));
// Every route handler the guide shows (the Node route and its edge twin): the tool and abort turns run on each.
const routeFiles = guide.files.filter((file) => /^app\/(.+\/)?route\.tsx?$/.test(file.path));
const routeFile = routeFiles[0];
const actionFile = guide.files.find((file) => /^\s*['"]use server['"]/.test(file.content));

let prepared: PreparedApp | undefined;
let receiver: Receiver | undefined;
let fake: FakeOpenAI | undefined;
let app: RunningApp | undefined;
let words: string[] = [];
let failed = false;

async function cleanUp(): Promise<void> {
  await app?.stop();
  await fake?.close();
  await receiver?.close();
  if (prepared && !(failed && process.env.GUIDE_TEST_KEEP === '1')) rmSync(prepared.dir, { recursive: true, force: true });
  else if (prepared) console.log(`# kept the app in ${prepared.dir}`);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void cleanUp().finally(() => process.exit(130)));

/** Marks the run as failed (keep the app with GUIDE_TEST_KEEP=1, print the server's log) and rethrows. */
const guarded = (fn: () => Promise<void>) => async () => {
  try {
    await fn();
  } catch (error) {
    failed = true;
    throw error;
  }
};

before(guarded(async () => {
  console.log('skip' in PHOENIX ? `# no real Phoenix (${PHOENIX.skip}): spans checked at the receiver only` : `# real Phoenix at ${PHOENIX.url}, project ${PROJECT}`);
  assert.ok(routeFile, 'the guide shows a route handler (a guide:file app/…/route.ts block)');
  assert.ok(actionFile, "the guide shows a server action (a guide:file block starting with 'use server')");
  const started = Date.now();
  prepared = prepareApp(REPO, guide);
  console.log(`# app in ${prepared.dir}: ${prepared.copied.length} files copied, ${guide.files.length} written, ${prepared.packages.length} packages`);
  const buildMs = await nextBuild(prepared.dir, appEnv({}), 20 * 60_000);
  console.log(`# next build: ${(buildMs / 1000).toFixed(1)} s`);
  receiver = await startReceiver({ port: await freePort(process.env.GUIDE_RECEIVER_PORT), apiKey: API_KEY });
  fake = await startFakeOpenAI({
    words: (body) => {
      noteArrival(body);
      return words;
    },
    toolCalls: fakeToolCalls,
  });
  app = await nextStart(
    prepared.dir,
    await freePort(process.env.GUIDE_APP_PORT),
    appEnv({
      ...exportEnv(receiver.url, API_KEY, PHOENIX),
      PHOENIX_PROJECT_NAME: PROJECT,
      OPENAI_BASE_URL: fake.baseURL,
      OPENAI_API_KEY: 'sk-guide-test',
      // What a serverless platform turns on: each turn is exported once it ends (via after()). With
      // the batch delay at 10 minutes, only that flush can deliver the spans in time.
      TRACE_FLUSH_AFTER_TURN: '1',
      OTEL_BSP_SCHEDULE_DELAY: '600000',
    }),
    120_000,
  );
  console.log(`# ready after ${((Date.now() - started) / 1000).toFixed(1)} s`);
}), { timeout: 25 * 60_000 });

after(async () => {
  if (failed && app) console.log(`# next start output:\n${tail(app.log, 40)}`);
  await cleanUp();
});

const routePath = (file = routeFile!) => `/${file.path.replace(/^app\//, '').replace(/\/route\.tsx?$/, '')}`;

for (const route of routeFiles) {
  const label = `route handler ${routePath(route)}`;

  test(`${label}: a streamed turn with a tool call is one AGENT trace with LLM, TOOL and LLM spans`, { timeout: 120_000 }, guarded(async () => {
    words = ['Four', ' words', ' were', ' counted.'];
    fake!.configure({ chunkDelayMs: 150 });
    const since = fake!.requests.length;
    const sessionId = `guide-${randomUUID()}`;
    const question = `Count the words of "the quick brown fox" ${TOOL_REQUEST}`;
    const reply = await postChat(`${app!.url}${routePath(route)}`, sessionId, question);
    assert.equal(reply.status, 200, `the route answered ${reply.status}`);
    assert.equal(reply.error, undefined, 'no error part in the stream');
    assert.equal(reply.text, words.join(''), 'the client got the answer');
    assert.ok(reply.traceId, 'traceresponse header names the trace');

    const tree = await waitForTurn(receiver!, reply.traceId, 2, 1, SPANS_TIMEOUT_MS);
    checkLifecycle(tree, 'completed', PROJECT);
    const [toolStep, answerStep] = requestsSince(fake!, since, 2) as [TimedRequest, TimedRequest];
    const { root, llms, tools } = tree;
    assert.equal(root.attributes['openinference.span.kind'], 'AGENT', 'a turn with tools is an AGENT span');
    assert.equal(root.attributes['input.value'], question, 'turn input.value');
    assert.equal(root.attributes['output.value'], reply.text, 'turn output.value');
    assert.equal(root.attributes['session.id'], sessionId, 'session.id');

    checkLlm(llms[0]!, String(toolStep.body.model), question, toolStep.usage);
    assert.equal(llms[0]!.attributes['llm.finish_reason'], 'tool-calls', 'step 1 asks for the tool');
    const call = toolStep.toolCalls![0]!;
    assert.equal(llms[0]!.attributes['llm.output_messages.0.message.tool_calls.0.tool_call.function.name'], call.name);

    const tool = tools[0]!;
    assert.equal(tool.attributes['tool.name'], call.name, 'tool.name');
    assert.equal(tool.attributes['tool.id'], call.id, 'tool.id is the tool call id');
    assert.deepEqual(JSON.parse(String(tool.attributes['input.value'])), JSON.parse(call.arguments), 'tool input.value');
    const toolMessage = (answerStep.body.messages as { role: string; tool_call_id?: string; content?: unknown }[]).find((m) => m.role === 'tool');
    assert.equal(toolMessage?.tool_call_id, call.id, 'the model got the tool result');
    assert.deepEqual(JSON.parse(String(tool.attributes['output.value'])), JSON.parse(String(toolMessage?.content)), 'tool output.value is what the model got');
    assert.ok(endMs(tool) <= Number(llms[1]!.startTimeUnixNano / 1_000_000n), 'the tool ran before step 2');

    checkLlm(llms[1]!, String(answerStep.body.model), question, answerStep.usage);
    assert.equal(llms[1]!.attributes['llm.finish_reason'], 'stop', 'llm.finish_reason');
    assert.equal(llms[1]!.attributes['output.value'], reply.text, 'LLM output.value');
    assert.equal(llms[1]!.attributes['llm.output_messages.0.message.content'], reply.text, 'llm.output_messages');
    // The fake pauses 150 ms before each chunk: the span ended after the provider's last chunk.
    assert.ok(endMs(llms[1]!) >= answerStep.arrivedAt + words.length * 150, `LLM span ended after the last chunk (${endMs(llms[1]!) - answerStep.arrivedAt} ms after the request)`);
    assert.ok(llms[1]!.events.some((event) => event.name === 'First Token Stream Event'), 'first-token event');
    if (!('skip' in PHOENIX)) await checkInPhoenix(PROJECT, tree, sessionId);
  }));

  test(`${label}: a client abort mid-stream ends the LLM and turn spans as aborted, with the partial output`, { timeout: 120_000 }, guarded(async () => {
    words = Array.from({ length: 60 }, (_, i) => `w${i} `);
    fake!.configure({ chunkDelayMs: 300 });
    const since = fake!.requests.length;
    const reply = await postChat(`${app!.url}${routePath(route)}`, `guide-${randomUUID()}`, 'Tell me a long story', 2);
    assert.equal(reply.status, 200);
    assert.ok(reply.traceId, 'traceresponse header names the trace');
    const tree = await waitForTurn(receiver!, reply.traceId, 1, 0, SPANS_TIMEOUT_MS);
    checkLifecycle(tree, 'aborted', PROJECT);
    const [step] = requestsSince(fake!, since, 1) as [TimedRequest];
    const llm = tree.llms[0]!;
    checkLlm(llm, String(step.body.model), 'Tell me a long story', undefined);
    const partial = String(llm.attributes['output.value'] ?? '');
    assert.ok(partial.startsWith(reply.text) && partial.length < words.join('').length, `partial output, got ${JSON.stringify(partial)}`);
    assert.equal(tree.root.attributes['output.value'], partial, 'the turn keeps the partial output');
    // Ended by the abort, not by the end of the stream (18 s) or the turn's deadline (120 s).
    assert.ok(endMs(tree.root) - reply.lastChunkAt < 8_000, `the turn ended ${endMs(tree.root) - reply.lastChunkAt} ms after the abort`);
    assert.ok(endMs(llm) >= reply.lastChunkAt - 50, 'the LLM span ended after the client went away');
  }));

}

test('server action: a streamed turn is one CHAIN trace with its LLM span', { timeout: 120_000 }, guarded(async () => {
  words = ['Spans', ' from', ' a', ' server', ' action.'];
  fake!.configure({ chunkDelayMs: 50 });
  const action = findServerAction(prepared!.dir, actionFile!.path);
  const since = fake!.requests.length;
  const sessionId = `guide-${randomUUID()}`;
  const question = 'What does a server action trace look like?';
  const reply = await callServerAction(app!.url, action, [sessionId, question]);
  assert.equal(reply.status, 200, `the action answered ${reply.status}: ${reply.body.slice(0, 300)}`);
  const traceId = reply.result?.traceId;
  assert.ok(typeof traceId === 'string' && /^[0-9a-f]{32}$/.test(traceId), `the action returned its trace id: ${reply.body.slice(0, 300)}`);
  assert.deepEqual(Object.values(reply.streams), [words.join('')], `the action returned the answer as a stream: ${reply.body.slice(0, 500)}`);
  const tree = await waitForTurn(receiver!, traceId, 1, 0, SPANS_TIMEOUT_MS);
  checkLifecycle(tree, 'completed', PROJECT);
  const [step] = requestsSince(fake!, since, 1) as [TimedRequest];
  assert.equal(tree.root.attributes['openinference.span.kind'], 'CHAIN', 'a turn without tools is a CHAIN span');
  assert.equal(tree.root.attributes['session.id'], sessionId, 'session.id');
  assert.equal(tree.root.attributes['output.value'], words.join(''), 'turn output.value');
  checkLlm(tree.llms[0]!, String(step.body.model), question, step.usage);
  assert.equal(tree.llms[0]!.attributes['output.value'], words.join(''), 'LLM output.value');
  assert.equal(tree.llms[0]!.attributes['llm.finish_reason'], 'stop', 'llm.finish_reason');
}));

test('route handler: a long chat (more attributes than the SDK keeps by default) loses no close-time attribute', { timeout: 120_000 }, guarded(async () => {
  words = ['Still', ' counted.'];
  fake!.configure({ chunkDelayMs: 0 });
  const since = fake!.requests.length;
  const history = Array.from({ length: 90 }, (_, i) => (i % 2 === 0 ? `question ${i}` : `answer ${i}`));
  const reply = await postChat(`${app!.url}${routePath()}`, `guide-${randomUUID()}`, 'And the last one?', undefined, history);
  assert.equal(reply.status, 200, `the route answered ${reply.status}`);
  assert.ok(reply.traceId, 'traceresponse header names the trace');
  const tree = await waitForTurn(receiver!, reply.traceId, 1, 0, SPANS_TIMEOUT_MS);
  checkLifecycle(tree, 'completed', PROJECT); // droppedAttributesCount 0 on every span
  const [step] = requestsSince(fake!, since, 1) as [TimedRequest];
  const llm = tree.llms[0]!;
  assert.ok(Object.keys(llm.attributes).length > 128, `the LLM span has ${Object.keys(llm.attributes).length} attributes`);
  checkLlm(llm, String(step.body.model), 'And the last one?', step.usage);
  assert.equal(llm.attributes['output.value'], words.join(''), 'output.value (set at stream close) is there');
  assert.equal(llm.attributes['llm.finish_reason'], 'stop', 'llm.finish_reason (set at stream close) is there');
}));

test('route handler: a bad body is a 400 with a JSON error', { timeout: 60_000 }, guarded(async () => {
  const response = await fetch(`${app!.url}${routePath()}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"messages":"nope"}' });
  assert.equal(response.status, 400);
  const body = (await response.json()) as { error?: unknown };
  assert.equal(typeof body.error, 'string', 'the body says what is wrong');
}));

process.on('exit', () => {
  if (failed) console.log(`# the guide under test: ${GUIDE_PATH}`);
});
