/**
 * The one place span attributes are masked: every attribute this app sets passes through here
 * (`span-lifecycle.ts`), the ones set when a span starts and the ones set when its stream closes.
 *
 * The rules are openinference-core's own (`OITracer`/`OISpan`, the masking every OpenInference JS
 * instrumentation runs): a hidden value is `__REDACTED__` or removed, exactly as there. What we add:
 *
 * - `OPENINFERENCE_HIDE_LLM_INVOCATION_PARAMETERS` (the Python instrumentors' flag) removes
 *   `llm.invocation_parameters`; openinference-core has no such flag.
 * - Stricter than the spec: in this app `input.value`/`output.value` carry the same text as the
 *   messages, so the `_MESSAGES` and `_TEXT` variables redact them too — otherwise hiding the messages
 *   would still export their text. (Image URLs never appear in `input.value`.)
 * - Speed: when no `OPENINFERENCE_HIDE_*` is set (the default) only the base64 image cap can apply, so
 *   one scan looks for a value it could match and returns the same object when there is none: on a
 *   258-attribute LLM span 0.6 µs vs 110–250 µs through core's rules, ours/core median 0.002–0.006
 *   (bench/openinference-core-builders.ts, see docs/benchmark.md).
 */
import { OITracer } from '@arizeai/openinference-core';
import { INVALID_SPAN_CONTEXT, ROOT_CONTEXT, trace, type Attributes, type AttributeValue, type Tracer } from '@opentelemetry/api';
import { ATTR } from './semconv';
import { REDACTED_VALUE, type TraceConfig } from './trace-config';

/**
 * openinference-core exports its masking rules only inside `OISpan` (no `mask()` in its public API),
 * so they run on an `OITracer` whose span captures what `OISpan.setAttributes` passes on (a removed
 * attribute as `undefined`). Not the app's tracer: `OITracer` starts spans without their start
 * attributes, and our sampler reads `openinference.span.kind` from them.
 */
let captured: Attributes | undefined;
const capturingSpan = Object.assign(trace.wrapSpanContext(INVALID_SPAN_CONTEXT), {
  setAttributes(attributes: Attributes) {
    captured = attributes;
    return capturingSpan;
  },
});
const capturingTracer = { startSpan: () => capturingSpan } as unknown as Tracer;
const coreTracers = new WeakMap<TraceConfig, OITracer>();

/** `attributes` as openinference-core's rules mask them: same keys, a removed one `undefined`. */
export function maskWithOpenInferenceCore(attributes: Attributes, config: TraceConfig): Attributes {
  let tracer = coreTracers.get(config);
  if (!tracer) coreTracers.set(config, (tracer = new OITracer({ tracer: capturingTracer, traceConfig: config })));
  captured = undefined;
  tracer.startSpan('mask', { attributes }, ROOT_CONTEXT); // ROOT_CONTEXT: no context attributes merged in
  const masked = captured ?? {};
  captured = undefined;
  return masked;
}

/** Ours, on top of openinference-core's result for `key` (`value`: what core left, `undefined` if removed). */
function maskBeyondCore(config: TraceConfig, key: string, value: AttributeValue | undefined): AttributeValue | undefined {
  if (value === undefined) return undefined;
  if (key === ATTR.INPUT_VALUE && (config.hideInputMessages || config.hideInputText)) return REDACTED_VALUE;
  if (key === ATTR.OUTPUT_VALUE && (config.hideOutputMessages || config.hideOutputText)) return REDACTED_VALUE;
  if (key === ATTR.LLM_INVOCATION_PARAMETERS && config.hideLLMInvocationParameters) return undefined;
  return value;
}

const hidesAnything = new WeakMap<TraceConfig, boolean>();

/** `attributes` with what `config` hides redacted or removed. Returns the same object when nothing is hidden. */
export function maskAttributes(attributes: Attributes, config: TraceConfig): Attributes {
  let hides = hidesAnything.get(config);
  if (hides === undefined) hidesAnything.set(config, (hides = Object.values(config).some((flag) => flag === true)));
  return hides || hasLongInlineImage(attributes, config) ? maskByRules(attributes, config) : attributes;
}

/**
 * With no flag set, openinference-core's only rule that can fire is the base64 image cap, and only on a
 * string longer than `base64ImageMaxLength` that starts with `data:image/`: is there one?
 */
function hasLongInlineImage(attributes: Attributes, config: TraceConfig): boolean {
  for (const key in attributes) {
    const value = attributes[key];
    if (typeof value === 'string' && value.length > config.base64ImageMaxLength && value.startsWith('data:image/')) return true;
  }
  return false;
}

function maskByRules(attributes: Attributes, config: TraceConfig): Attributes {
  const core = maskWithOpenInferenceCore(attributes, config);
  let masked: Attributes | undefined;
  for (const key in attributes) {
    const value = attributes[key];
    if (value === undefined) continue;
    const result = maskBeyondCore(config, key, core[key]);
    if (result === value) continue;
    masked ??= { ...attributes };
    if (result === undefined) delete masked[key];
    else masked[key] = result;
  }
  return masked ?? attributes;
}

export { REDACTED_VALUE };
