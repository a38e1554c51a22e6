#!/usr/bin/env node
// Runs the built app with nothing else installed: when no collector is configured, it also starts
// the local OTLP receiver (the one the e2e tests use; protobuf and JSON, spans kept under .traces/)
// and points the app at it, so every chat turn's spans are printed in this terminal and browsable in
// the app's trace inspector at /traces. With PHOENIX_COLLECTOR_ENDPOINT or OTEL_EXPORTER_OTLP_* set,
// it just starts the app, which exports there (TRACE_LOCAL_COPY=1: the receiver too, with a copy).
//
// The inspector is turned on as TRACE_INSPECTOR=local: the app listens on 127.0.0.1 only and serves
// /traces only to requests addressed to a loopback host, so nothing beyond this machine sees traces.
// The receiver gets a random key (RECEIVER_API_KEY, unless set) that only the app is told: other
// local users and web pages cannot read its traces either.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { ensureBuild } from './ensure-build.mjs';

const env = { ...process.env };
if (ensureBuild((line) => console.log(`[demo] ${line}`)) === 'reused') console.log('[demo] the build is newer than the sources: reusing it');
const port = env.PORT ?? '3000';
const receiverPort = env.RECEIVER_PORT ?? '6007';
const receiverUrl = `http://127.0.0.1:${receiverPort}`;
const configured = env.PHOENIX_COLLECTOR_ENDPOINT || env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
const localCopy = env.TRACE_LOCAL_COPY === '1' || env.TRACE_LOCAL_COPY === 'true';
const children = [];

function run(name, command, args, childEnv) {
  const child = spawn(command, args, { env: childEnv, stdio: 'inherit' });
  child.on('exit', (code) => {
    console.log(`[demo] ${name} exited (${code ?? 'signal'}); stopping`);
    for (const other of children) if (other !== child) other.kill('SIGTERM');
    process.exitCode = code ?? 0;
  });
  children.push(child);
}

if (!configured || localCopy) {
  env.RECEIVER_API_KEY ||= randomBytes(24).toString('hex');
  run('receiver', process.execPath, ['--experimental-strip-types', '--disable-warning=ExperimentalWarning', '--disable-warning=MODULE_TYPELESS_PACKAGE_JSON', 'receiver/main.ts'], { ...env, RECEIVER_PORT: receiverPort });
  env.TRACE_INSPECTOR_URL ??= receiverUrl;
  if (!configured) {
    env.PHOENIX_COLLECTOR_ENDPOINT = receiverUrl;
    env.PHOENIX_API_KEY = env.RECEIVER_API_KEY;
    env.OTEL_BSP_SCHEDULE_DELAY ??= '500';
    console.log(`[demo] no collector configured: spans go to the local receiver on :${receiverPort}, are printed here and kept in ${env.RECEIVER_DATA_DIR ?? '.traces'}/`);
  } else {
    console.log(`[demo] exporting to ${configured}, with a local copy in the receiver on :${receiverPort}`);
  }
}
env.TRACE_INSPECTOR ??= 'local';
run('app', process.execPath, ['node_modules/next/dist/bin/next', 'start', '--hostname', '127.0.0.1', '--port', port], env);
console.log(`[demo] open http://127.0.0.1:${port} — traces at http://127.0.0.1:${port}/traces`);

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => children.forEach((child) => child.kill(signal)));
