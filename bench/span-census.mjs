// Preloaded into the benchmark's app server (NODE_OPTIONS=--import) for the counter run only: counts
// every span started through the OpenTelemetry API — Next's framework spans and ours alike — split
// into recording and non-recording, and every write to a recording span (setAttribute(s), addEvent,
// setStatus, recordException, updateName, addLink(s)), with the attribute keys written. It wraps the
// tracer provider where the API keeps it (the global under Symbol.for('opentelemetry.js.api.1'),
// shared by Next's copy of the API and ours), so nothing in the app knows it is being counted.
// The counts are written as JSON to SPAN_CENSUS_FILE every 100 ms.
import { writeFileSync } from 'node:fs';

const API_KEY = Symbol.for('opentelemetry.js.api.1');
const SPAN_KEY = Symbol.for('OpenTelemetry Context Key SPAN');
const WRITES = new Set(['setAttribute', 'setAttributes', 'addEvent', 'addLink', 'addLinks', 'recordException', 'setStatus', 'updateName']);
const file = process.env.SPAN_CENSUS_FILE;
const counts = { recording: 0, nonRecording: 0, writes: 0, attributeKeys: 0, startAttributeKeys: 0, recordingByTracer: {}, nonRecordingByTracer: {} };
let api;
let dirty = true;

Object.defineProperty(globalThis, API_KEY, {
  configurable: true,
  get: () => api,
  set(value) {
    api = value && new Proxy(value, { set: (target, key, v) => ((target[key] = key === 'trace' ? wrapProvider(v) : v), true) });
  },
});

function wrapProvider(provider) {
  if (!provider || typeof provider.getTracer !== 'function') return provider;
  // The original method, captured once: Next replaces `provider.getTracer` after registration with a
  // function that calls the one it found (ours), so reading it again here would recurse.
  const original = provider.getTracer;
  const counting = (name, ...rest) => wrapTracer(original.call(provider, name, ...rest), name);
  return new Proxy(provider, {
    get(target, key) {
      const value = Reflect.get(target, key, target);
      if (key === 'getTracer' && value === original) return counting;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function wrapTracer(tracer, tracerName) {
  const startSpan = (name, options, context) => {
    const span = tracer.startSpan(name, options, context);
    dirty = true;
    const bucket = span.isRecording() ? 'recordingByTracer' : 'nonRecordingByTracer';
    counts[bucket][tracerName] = (counts[bucket][tracerName] ?? 0) + 1;
    if (!span.isRecording()) {
      counts.nonRecording++;
      return span;
    }
    counts.recording++;
    counts.startAttributeKeys += Object.keys(options?.attributes ?? {}).length;
    return countWrites(span);
  };
  return {
    startSpan,
    // Re-implemented on top of startSpan, so the spans it starts are counted too.
    startActiveSpan(name, ...args) {
      const fn = args.pop();
      const [options, parentContext] = args;
      const parent = parentContext ?? api.context?.active();
      const span = startSpan(name, options, parent);
      if (!api.context || !parent) return fn(span);
      return api.context.with(parent.setValue(SPAN_KEY, span), fn, undefined, span);
    },
  };
}

function countWrites(span) {
  return new Proxy(span, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, target);
      if (typeof value !== 'function') return value;
      if (!WRITES.has(key)) return value.bind(target);
      return (...args) => {
        dirty = true;
        counts.writes++;
        if (key === 'setAttribute') counts.attributeKeys++;
        if (key === 'setAttributes') counts.attributeKeys += Object.keys(args[0] ?? {}).length;
        const result = value.apply(target, args);
        return result === target ? receiver : result;
      };
    },
  });
}

if (file) {
  const write = () => {
    if (!dirty) return;
    dirty = false;
    writeFileSync(file, JSON.stringify(counts));
  };
  write();
  setInterval(write, 100).unref();
}
